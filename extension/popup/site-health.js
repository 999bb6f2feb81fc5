// the popup's "Sites" section: what the adapters found, from the counts kept in chrome.storage.local,
// and a skeleton of the open page (structure only, no text) to attach to a bug report
import { SITE_HEALTH_KEY, readSiteHealth } from "../background/site-health.js";
import { t } from "../pages-i18n.js";

const SITE_NAMES = { gmail: "Gmail", outlook: "Outlook", linkedin: "LinkedIn" };

/** One line of health for a site, from its last page's counts. */
export function describeSite(id, record) {
  const site = SITE_NAMES[id] ?? id;
  const counts = record?.lastPage?.counts ?? {};
  if (counts.buttonsPlaced) return { state: "working", text: t("popupSiteWorking", [site]) };
  if (counts.bodiesFound) return { state: "no-button", text: t("popupSiteNoButton", [site]) };
  if (counts.composesSeen) return { state: "no-body", text: t("popupSiteNoBody", [site]) };
  return { state: "no-compose", text: t("popupSiteNoCompose", [site]) };
}

async function copySkeleton(status) {
  try {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    const skeleton = await chrome.tabs.sendMessage(tab.id, { type: "diagnostic-skeleton" });
    if (!skeleton) throw new Error("no answer");
    await navigator.clipboard.writeText(JSON.stringify(skeleton, null, 1));
    status.textContent = t("popupSkeletonCopied");
  } catch {
    status.textContent = t("popupSkeletonUnavailable");
  }
}

function renderSites(list, health) {
  const sites = Object.keys(health).filter((id) => id !== "any-field");
  list.replaceChildren(...(sites.length ? sites.map((id) => {
    const { state, text } = describeSite(id, health[id]);
    const item = document.createElement("li");
    item.dataset.testid = "popup-site";
    item.dataset.state = state;
    item.textContent = text;
    return item;
  }) : [Object.assign(document.createElement("li"), { textContent: t("popupNoSitesYet") })]));
}

/** Fill the popup's site list, kept current while it is open, and wire the skeleton button. */
export async function showSiteHealth(list, button, status) {
  // a tab reports its counts a moment after the page settles: follow the store, don't read it once
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && changes[SITE_HEALTH_KEY]) renderSites(list, changes[SITE_HEALTH_KEY].newValue ?? {});
  });
  renderSites(list, await readSiteHealth());
  button.addEventListener("click", (event) => { if (event.isTrusted) copySkeleton(status); });
}

showSiteHealth(document.getElementById("site-health"), document.getElementById("copy-skeleton"),
  document.getElementById("skeleton-status"));
