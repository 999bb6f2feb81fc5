import { draftFromPage } from "../background/note-requests.js";
import { refreshBadge } from "../background/reminder-badge.js";
import { checkHealth, listDueReminders, updateReminder } from "../background/server-api.js";
import { guideUrl, loadSettings } from "../background/settings.js";
import { t, translatePage } from "../pages-i18n.js";

const element = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

/** A link that opens a new gmail compose with the follow-up filled in. */
export function gmailComposeUrl({ to, subject, body }) {
  const url = new URL("https://mail.google.com/mail/");
  url.search = new URLSearchParams({ view: "cm", fs: "1", to: to ?? "", su: subject ?? "", body }).toString();
  return url.href;
}

function recipientEmail(context) {
  return context?.thread?.to?.[0]?.email ?? context?.thread?.from?.email ?? "";
}

async function showFollowUp(item, reminder, button) {
  button.disabled = true;
  try {
    const draft = await draftFromPage({ request: { ...reminder.context, kind: "follow-up", channel: "email" } });
    const text = element("textarea", { rows: "8", readonly: "", "data-testid": "popup-draft" });
    text.value = draft.body;
    const copy = element("button", { type: "button" }, t("popupCopy"));
    const copied = element("output", { role: "status" });
    copy.addEventListener("click", async () => {
      await navigator.clipboard.writeText(draft.subject ? `${draft.subject}\n\n${draft.body}` : draft.body);
      copied.textContent = t("popupCopied");
    });
    const open = element("a", {
      href: gmailComposeUrl({ to: recipientEmail(reminder.context), subject: draft.subject, body: draft.body }),
      target: "_blank", rel: "noopener", "data-testid": "popup-open-gmail",
    }, t("popupOpenGmail"));
    item.append(text, element("div", { class: "row" }, copy, open, copied));
  } catch (error) {
    item.append(element("p", { role: "alert" }, error.message));
    button.disabled = false;
  }
}

function reminderItem(reminder) {
  const item = element("li", { "data-testid": "popup-reminder" });
  const name = reminder.context?.recipient?.name;
  const company = reminder.context?.company;
  const who = name ? t("popupFollowUpWith", [name]) : t("popupFollowUp");
  const label = reminder.note || (company ? `${who} · ${company}` : who);
  const due = new Date(reminder.due);
  const dueText = Number.isNaN(due.getTime())
    ? String(reminder.due)
    : due.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
  const draft = element("button", { type: "button", class: "primary", "data-testid": "popup-draft-follow-up" }, t("popupDraftFollowUp"));
  const done = element("button", { type: "button", "data-testid": "popup-done" }, t("popupDone"));
  draft.addEventListener("click", () => showFollowUp(item, reminder, draft));
  done.addEventListener("click", async () => {
    await updateReminder(reminder.id, { done: true });
    item.remove();
    await refreshBadge();
  });
  item.append(element("strong", {}, label), " ", element("span", { class: "due" }, t("popupDue", [dueText])),
    element("div", { class: "row" }, draft, done));
  return item;
}

async function showStatus() {
  const status = document.getElementById("status");
  const list = document.getElementById("reminders");
  const { serverUrl } = await loadSettings();
  document.getElementById("guide").href = guideUrl(serverUrl);
  try {
    const health = await checkHealth();
    status.textContent = t("popupServerUp", [health.version ?? ""]);
  } catch {
    status.replaceChildren(t("popupServerDown"), " ", element("code", {}, "gracious serve"));
    return;
  }
  try {
    const { reminders } = await listDueReminders();
    list.replaceChildren(...(reminders.length ? reminders.map(reminderItem) : [element("li", {}, t("popupNoReminders"))]));
  } catch (error) {
    list.replaceChildren(element("li", { role: "alert" }, error.message));
  }
  refreshBadge();
}

translatePage();
showStatus();
