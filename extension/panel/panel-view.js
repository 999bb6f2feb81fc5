// the panel's controls; every handler acts on trusted events only
import { t } from "../pages-i18n.js";

const KIND_KEYS = {
  "thank-you": "kindThankYou", "follow-up": "kindFollowUp", "withdraw": "kindWithdraw",
  "after-rejection": "kindAfterRejection", "informational": "kindInformational",
};
const TONE_KEYS = { warm: "toneWarm", formal: "toneFormal", concise: "toneConcise" };
const REMIND_DAYS = [3, 7, 14];

function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** Listen for a user's own action only: the page can't reach this frame, and this makes sure. */
const onTrusted = (element, type, handler) => element.addEventListener(type, (event) => {
  if (event.isTrusted) handler(event);
});

const option = (value, label, selected) => h("option", { value, selected }, label);

function controls() {
  const c = {
    status: h("p", { class: "status", role: "status", "aria-live": "polite", "data-testid": "gracious-status" }),
    problemText: h("p", { "data-testid": "gracious-problem-text" }),
    command: h("code", { "data-testid": "gracious-command" }, "gracious serve"),
    retry: h("button", { type: "button", class: "primary", "data-testid": "gracious-retry" }, t("panelRetry")),
    kind: h("select", { "data-testid": "gracious-kind" }),
    tone: h("select", { "data-testid": "gracious-tone" }),
    another: h("button", { type: "button", "data-testid": "gracious-another" }, t("panelAnotherVersion")),
    detailInput: h("input", { type: "text", maxlength: 300, id: "gracious-detail-input", "data-testid": "gracious-detail",
      placeholder: t("panelDetailPlaceholder"), "aria-describedby": "gracious-nudge" }),
    count: h("p", { class: "count", "data-testid": "gracious-count", hidden: true }),
    checkSummary: h("summary", { "data-testid": "gracious-check-summary" }),
    checkList: h("ul", { "aria-live": "polite" }),
    guide: h("a", { target: "_blank", rel: "noopener noreferrer", "data-testid": "gracious-guide", hidden: true }, t("panelGuideLink")),
    days: h("select", { "aria-label": t("panelRemindIn") },
      REMIND_DAYS.map((n) => option(String(n), t("panelDays", [String(n)]), n === 7))),
    remindButton: h("button", { type: "submit", "data-testid": "gracious-remind" }, t("panelRemindMe")),
    confirmYes: h("button", { type: "button", class: "primary", "data-testid": "gracious-replace" }, t("panelReplace")),
    confirmNo: h("button", { type: "button", "data-testid": "gracious-keep" }, t("panelKeepMine")),
    close: h("button", { type: "button", class: "icon", "aria-label": t("panelClose"), "data-testid": "gracious-close" }, "×"),
    collapse: h("button", { type: "button", class: "icon", "aria-label": t("panelCollapse"), "data-testid": "gracious-collapse" }, "–"),
    chip: h("button", { type: "button", class: "chip", "data-testid": "gracious-chip", hidden: true,
      "aria-label": t("panelExpand") }, t("extensionName")),
  };
  c.problem = h("div", { class: "problem", role: "alert", hidden: true }, c.problemText, h("p", {}, c.command), c.retry);
  c.choose = h("div", { class: "row" }, h("label", {}, t("panelKind"), c.kind), h("label", {}, t("panelTone"), c.tone), c.another);
  c.detail = h("form", { class: "detail" },
    h("label", { for: "gracious-detail-input" }, t("panelDetailLabel")),
    h("p", { class: "nudge", id: "gracious-nudge", "data-testid": "gracious-nudge" }, t("panelDetailNudge")),
    h("div", { class: "row" }, c.detailInput, h("button", { type: "submit", "data-testid": "gracious-add-detail" }, t("panelAddDetail"))));
  c.checks = h("details", { class: "checks", "data-testid": "gracious-checks", hidden: true }, c.checkSummary, c.checkList);
  c.remind = h("form", { class: "row", hidden: true }, h("label", {}, t("panelRemindLabel"), c.days), c.remindButton);
  c.confirm = h("div", { class: "problem", role: "alertdialog", hidden: true },
    h("p", {}, t("panelConfirmReplace")), h("div", { class: "row" }, c.confirmYes, c.confirmNo));
  // what can only work with a running server: hidden while it is down
  c.working = [c.choose, c.detail, c.checks, c.guide, c.remind, c.count];
  return c;
}

function showChecks(c, report, links) {
  c.checks.hidden = false;
  const failed = report.checks.filter((check) => !check.passed);
  c.checks.open = failed.length > 0;
  c.checkSummary.textContent = t("panelChecksSummary", [String(report.checks.length - failed.length), String(report.checks.length)]);
  // failed checks first: they are what the user should act on
  c.checkList.replaceChildren(...[...failed, ...report.checks.filter((check) => check.passed)].map((check) => {
    const href = check.passed ? null : links.checkLink(String(check.guide ?? ""));
    return h("li", { "data-testid": "gracious-check", "data-check": check.id, "data-passed": String(check.passed) },
      String(check.message), " ",
      href ? h("a", { href, target: "_blank", rel: "noopener noreferrer" }, t("panelWhy")) : null);
  }));
}

function showProblem(c, error, links) {
  c.problem.hidden = false;
  const down = error.type === "server-down";
  c.problemText.textContent = down ? t("panelServerDown", [links.serverUrl])
    : error.type === "disconnected" ? t("panelDisconnected")
      : error.type === "unpaired" ? String(error.message ?? "") : t("panelServerError", [String(error.message ?? "")]);
  c.command.parentElement.hidden = !down;
  for (const part of c.working) part.hidden = true;
  c.status.textContent = t("panelNothingInserted");
  c.retry.focus();
}

function receiver(c, links, state) {
  return {
    busy({ busy, message }) {
      for (const control of [c.kind, c.tone, c.another, c.detailInput, c.remindButton]) control.disabled = busy;
      if (message !== undefined) c.status.textContent = message;
    },
    choices({ choices, chosen }) {
      c.choose.hidden = false;
      c.detail.hidden = false;
      c.kind.replaceChildren(...choices.kinds.map((k) => option(k.id, k.label || t(KIND_KEYS[k.id]) || k.id, k.id === chosen.kind)));
      c.tone.replaceChildren(...choices.tones.map((k) => option(k.id, k.label || t(TONE_KEYS[k.id]) || k.id, k.id === chosen.tone)));
    },
    problem({ error }) { showProblem(c, error, links); },
    hideProblem() { c.problem.hidden = true; },
    count({ length, limit }) {
      c.count.hidden = !limit;
      c.count.textContent = t("panelCount", [String(length), String(limit)]);
      c.count.classList.toggle("over", length > limit);
    },
    checks({ report }) { showChecks(c, report, links); },
    guide({ kind }) {
      const href = links.guideFor(kind);
      c.guide.hidden = !href;
      if (href) c.guide.href = href;
    },
    remind({ visible }) { c.remind.hidden = !visible; },
    collapse({ collapsed }) { state.setCollapsed(collapsed, false); },
    askReplace() {
      state.expand();
      c.confirm.hidden = false;
      c.confirmYes.focus();
    },
  };
}

function wire(c, send, state) {
  onTrusted(c.kind, "change", () => send({ op: "kind", value: c.kind.value }));
  onTrusted(c.tone, "change", () => send({ op: "tone", value: c.tone.value }));
  onTrusted(c.another, "click", () => send({ op: "another" }));
  onTrusted(c.detail, "submit", (event) => {
    event.preventDefault();
    const value = c.detailInput.value.trim();
    if (value) send({ op: "detail", value });
  });
  c.detail.addEventListener("submit", (event) => event.preventDefault());
  c.remind.addEventListener("submit", (event) => event.preventDefault());
  onTrusted(c.remind, "submit", () => send({ op: "remind", days: Number(c.days.value) }));
  onTrusted(c.retry, "click", () => send({ op: "retry" }));
  onTrusted(c.close, "click", () => send({ op: "close" }));
  onTrusted(c.collapse, "click", () => state.setCollapsed(true, true));
  onTrusted(c.chip, "click", () => state.setCollapsed(false, true));
  const answer = (value) => () => { c.confirm.hidden = true; send({ op: "replace", answer: value }); };
  onTrusted(c.confirmYes, "click", answer(true));
  onTrusted(c.confirmNo, "click", answer(false));
  onTrusted(document, "keydown", (event) => {
    if (event.key === "Escape") send({ op: "close" });
  });
}

/** Build the panel into a root element; returns how to feed it messages and measure it. */
export function buildPanel(root, { links, collapsed, send, remember }) {
  const c = controls();
  const body = h("section", { class: "panel", role: "dialog", "aria-labelledby": "gracious-title", tabindex: "-1",
    "data-testid": "gracious-panel-body" },
  h("header", {}, h("h2", { id: "gracious-title" }, t("extensionName")), c.collapse, c.close),
  c.status, c.problem, c.confirm, c.choose, c.detail, c.count, c.checks, c.guide, c.remind);
  const state = {
    collapsed,
    setCollapsed(value, byUser) {
      state.collapsed = value;
      body.hidden = value;
      c.chip.hidden = !value;
      if (byUser) remember(value);
      send({ op: "size", ...size(), byUser: Boolean(byUser) });
    },
    expand() { if (state.collapsed) state.setCollapsed(false, false); },
  };
  // the host sets the open panel's width; only the chip's own width and the content's height are
  // reported (a width read back from the frame would shrink it a scrollbar at a time)
  const size = () => (state.collapsed
    ? { width: Math.ceil(c.chip.offsetWidth) + 4, height: Math.ceil(c.chip.offsetHeight) + 4, collapsed: true }
    : { width: null, height: Math.ceil(body.scrollHeight), collapsed: false });
  body.hidden = collapsed;
  c.chip.hidden = !collapsed;
  root.append(c.chip, body);
  wire(c, send, state);
  const handlers = receiver(c, links, state);
  return {
    receive(message) { handlers[message?.op]?.(message); },
    size,
    collapse(value) { state.setCollapsed(value, false); },
  };
}
