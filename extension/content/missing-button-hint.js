// on a known site, a user typing in an editor where no button could be placed learns about the
// keyboard shortcut instead of wondering: the page changed under us, so say so, helpfully
(() => {
  const WAIT_MS = 3000;
  let shown = false;

  const editable = (element) => element instanceof HTMLElement
    && (element.tagName === "TEXTAREA" || element.isContentEditable);

  function deepActive() {
    let active = document.activeElement;
    while (active && gracious.shadowRootOf(active)?.activeElement) active = gracious.shadowRootOf(active).activeElement;
    return active;
  }

  async function showHint(field) {
    shown = true;
    const shortcut = await gracious.ask({ type: "shortcut" }).catch(() => "");
    const host = gracious.element("div", { "data-testid": "gracious-hint" });
    const root = host.attachShadow({ mode: "closed" });
    const rect = field.getBoundingClientRect();
    const style = gracious.element("style");
    style.textContent = `div { position: fixed; z-index: 2147483646; max-width: 320px; padding: 6px 10px;
      border-radius: 6px; background: #1f2328; color: #fff; font: 12px/1.4 system-ui, sans-serif; }
      button { margin-left: 8px; background: transparent; border: 0; color: inherit; cursor: pointer; }`;
    const dismiss = gracious.element("button", { type: "button", "aria-label": gracious.t("panelClose") }, "×");
    const box = gracious.element("div", { role: "status" },
      shortcut ? gracious.t("hintShortcut", [shortcut]) : gracious.t("hintContextMenu"), dismiss);
    box.style.left = `${Math.max(8, rect.left)}px`;
    box.style.top = `${Math.max(8, rect.top - 40)}px`;
    dismiss.addEventListener("click", (event) => { if (event.isTrusted) host.remove(); });
    root.append(style, box);
    document.documentElement.append(host);
    gracious.recordHealth?.(null, "hintShown");
  }

  /** After a few seconds in an editor with no button, point to the shortcut (once a page). */
  gracious.watchForMissingButton = (site) => {
    document.addEventListener("focusin", (event) => {
      const field = event.composedPath()[0];
      if (shown || !editable(field)) return;
      setTimeout(() => {
        if (shown || deepActive() !== field) return;
        const compose = site.composeFor(field);
        const placed = compose?.root.querySelector(".gracious-draft-button");
        if (!placed) showHint(field);
      }, WAIT_MS);
    }, true);
  };
})();
