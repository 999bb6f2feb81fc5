// the panel lives in a shadow root so the page's css can't restyle it and ours can't leak out
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  const PANEL_STYLE = `
  :host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; display: block; }
  .panel { width: 340px; max-height: 80vh;
    overflow: auto; box-sizing: border-box; padding: 12px 14px; border: 1px solid #d0d7de; border-radius: 8px;
    background: #fff; color: #1f2328; box-shadow: 0 8px 24px rgba(140,149,159,.3);
    font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
  .panel:focus { outline: none; }
  header { display: flex; align-items: center; justify-content: space-between; margin-bottom: 6px; }
  h2 { font-size: 14px; margin: 0; }
  button, select, input { font: inherit; }
  button { cursor: pointer; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; padding: 3px 10px; color: inherit; }
  button.primary { background: #1f883d; border-color: #1a7f37; color: #fff; }
  button:disabled, select:disabled, input:disabled { opacity: .6; cursor: default; }
  button:focus-visible, select:focus-visible, input:focus-visible, a:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
  .close { border: 0; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; }
  .row { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; margin: 8px 0; }
  label { display: flex; flex-direction: column; gap: 2px; font-weight: 600; }
  select, input { border: 1px solid #d0d7de; border-radius: 6px; padding: 3px 6px; background: #fff; color: inherit; }
  .detail input { flex: 1; min-width: 0; }
  .nudge { margin: 2px 0 0; color: #9a6700; font-weight: normal; }
  .status { margin: 4px 0; min-height: 1em; }
  .problem { border-left: 3px solid #cf222e; padding: 4px 8px; background: #ffebe9; }
  code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #eff1f3; padding: 1px 5px; border-radius: 4px; user-select: all; }
  .count.over { color: #cf222e; font-weight: 600; }
  .checks ul { list-style: none; margin: 4px 0; padding: 0; }
  .checks li { margin: 3px 0; padding-left: 18px; position: relative; }
  .checks li::before { position: absolute; left: 0; content: "✓"; color: #1a7f37; }
  .checks li[data-passed=false]::before { content: "!"; color: #cf222e; font-weight: 700; }
  .checks summary { cursor: pointer; font-weight: 600; }
  a { color: #0969da; }
  [hidden] { display: none !important; }
  `;

  const KIND_KEYS = {
    "thank-you": "kindThankYou", "follow-up": "kindFollowUp", "withdraw": "kindWithdraw",
    "after-rejection": "kindAfterRejection", "informational": "kindInformational",
  };
  const TONE_KEYS = { warm: "toneWarm", formal: "toneFormal", concise: "toneConcise" };
  const REMIND_DAYS = [3, 7, 14];

  let openPanel = null;

  function option(value, label, selected) {
    return gracious.element("option", { value, selected }, label);
  }

  /** Open the panel for one compose; the handlers do the work, the panel only shows it. */
  gracious.openPanel = (handlers) => {
    openPanel?.close();
    const { element: h, t } = gracious;
    const host = h("div", { "data-testid": "gracious-panel" });
    const shadow = host.attachShadow({ mode: "open" });
    const style = h("style");
    style.textContent = PANEL_STYLE;

    const status = h("p", { class: "status", role: "status", "aria-live": "polite", "data-testid": "gracious-status" });
    const problemText = h("p", { "data-testid": "gracious-problem-text" });
    const command = h("code", { "data-testid": "gracious-command" }, "gracious serve");
    const retry = h("button", { type: "button", class: "primary", "data-testid": "gracious-retry" }, t("panelRetry"));
    const problem = h("div", { class: "problem", role: "alert", hidden: true }, problemText, h("p", {}, command), retry);

    const kind = h("select", { "data-testid": "gracious-kind" });
    const tone = h("select", { "data-testid": "gracious-tone" });
    const another = h("button", { type: "button", "data-testid": "gracious-another" }, t("panelAnotherVersion"));
    const controls = h("div", { class: "row" },
      h("label", {}, t("panelKind"), kind), h("label", {}, t("panelTone"), tone), another);

    const detailInput = h("input", { type: "text", maxlength: 300, "data-testid": "gracious-detail",
      placeholder: t("panelDetailPlaceholder"), "aria-describedby": "gracious-nudge" });
    const detail = h("form", { class: "detail" },
      h("label", { for: "gracious-detail-input" }, t("panelDetailLabel")),
      h("p", { class: "nudge", id: "gracious-nudge", "data-testid": "gracious-nudge" }, t("panelDetailNudge")),
      h("div", { class: "row" }, detailInput, h("button", { type: "submit", "data-testid": "gracious-add-detail" }, t("panelAddDetail"))));
    detailInput.id = "gracious-detail-input";

    const count = h("p", { class: "count", "data-testid": "gracious-count", hidden: true });
    const checkSummary = h("summary", { "data-testid": "gracious-check-summary" });
    const checkList = h("ul", { "aria-live": "polite" });
    const checks = h("details", { class: "checks", "data-testid": "gracious-checks", hidden: true }, checkSummary, checkList);
    const guide = h("a", { target: "_blank", rel: "noopener noreferrer", "data-testid": "gracious-guide", hidden: true }, t("panelGuideLink"));

    const days = h("select", { "aria-label": t("panelRemindIn") },
      REMIND_DAYS.map((n) => option(String(n), t("panelDays", [String(n)]), n === 7)));
    const remindButton = h("button", { type: "submit", "data-testid": "gracious-remind" }, t("panelRemindMe"));
    const remind = h("form", { class: "row", hidden: true }, h("label", {}, t("panelRemindLabel"), days), remindButton);

    const confirmText = h("p", {}, t("panelConfirmReplace"));
    const confirmYes = h("button", { type: "button", class: "primary", "data-testid": "gracious-replace" }, t("panelReplace"));
    const confirmNo = h("button", { type: "button", "data-testid": "gracious-keep" }, t("panelKeepMine"));
    const confirm = h("div", { class: "problem", role: "alertdialog", hidden: true }, confirmText, h("div", { class: "row" }, confirmYes, confirmNo));

    const close = h("button", { type: "button", class: "close", "aria-label": t("panelClose"), "data-testid": "gracious-close" }, "×");
    const title = h("h2", { id: "gracious-title" }, t("extensionName"));
    const body = h("section", { class: "panel", role: "dialog", "aria-labelledby": "gracious-title", tabindex: "-1" },
      h("header", {}, title, close), status, problem, confirm, controls, detail, count, checks, guide, remind);
    shadow.append(style, body);
    document.body.append(host);

    const working = [kind, tone, another, detailInput, remindButton];
    const panel = {
      host,
      setBusy(busy, message) {
        for (const control of working) control.disabled = busy;
        if (message !== undefined) status.textContent = message;
      },
      showChoices({ kinds, tones }, chosen) {
        kind.replaceChildren(...kinds.map((k) => option(k.id, k.label || t(KIND_KEYS[k.id]) || k.id, k.id === chosen.kind)));
        tone.replaceChildren(...tones.map((k) => option(k.id, k.label || t(TONE_KEYS[k.id]) || k.id, k.id === chosen.tone)));
      },
      showProblem(error, serverUrl) {
        problem.hidden = false;
        const down = error.type === "server-down";
        problemText.textContent = down ? t("panelServerDown", [serverUrl || error.serverUrl || ""])
          : error.type === "disconnected" ? t("panelDisconnected")
          : error.type === "unpaired" ? error.message : t("panelServerError", [error.message]);
        command.parentElement.hidden = !down;
        status.textContent = t("panelNothingInserted");
        retry.focus();
      },
      hideProblem() { problem.hidden = true; },
      showCount(length, limit) {
        count.hidden = !limit;
        count.textContent = t("panelCount", [String(length), String(limit)]);
        count.classList.toggle("over", length > limit);
      },
      showChecks(report, serverUrl) {
        checks.hidden = false;
        const failed = report.checks.filter((check) => !check.passed);
        checks.open = failed.length > 0;
        checkSummary.textContent = t("panelChecksSummary", [String(report.checks.length - failed.length), String(report.checks.length)]);
        // failed checks first: they are what the user should act on
        checkList.replaceChildren(...[...failed, ...report.checks.filter((check) => check.passed)].map((check) =>
          h("li", { "data-testid": "gracious-check", "data-check": check.id, "data-passed": String(check.passed) },
            check.message, " ",
            check.passed || !serverUrl ? null : h("a", { href: new URL(check.guide, serverUrl).href, target: "_blank", rel: "noopener noreferrer" }, t("panelWhy")))));
      },
      showGuide(href) { guide.hidden = !href; if (href) guide.href = href; },
      showRemind(visible) { remind.hidden = !visible; },
      askToReplace() {
        confirm.hidden = false;
        confirmYes.focus();
        return new Promise((resolve) => {
          const answer = (value) => () => { confirm.hidden = true; resolve(value); };
          confirmYes.onclick = answer(true);
          confirmNo.onclick = answer(false);
        });
      },
      get detail() { return detailInput.value.trim(); },
      close() {
        host.remove();
        if (openPanel === panel) openPanel = null;
        handlers.onClose?.();
      },
    };
    kind.addEventListener("change", () => handlers.onKind(kind.value));
    tone.addEventListener("change", () => handlers.onTone(tone.value));
    another.addEventListener("click", () => handlers.onAnotherVersion());
    detail.addEventListener("submit", (event) => { event.preventDefault(); if (panel.detail) handlers.onDetail(panel.detail); });
    remind.addEventListener("submit", (event) => { event.preventDefault(); handlers.onRemind(Number(days.value)); });
    retry.addEventListener("click", () => handlers.onRetry());
    close.addEventListener("click", () => panel.close());
    body.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { event.stopPropagation(); panel.close(); }
    });
    openPanel = panel;
    body.focus({ preventScroll: true });
    return panel;
  };
})();
