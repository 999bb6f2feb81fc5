// the panel's place on the page: an extension-origin frame (the page can't read or drive what is
// inside it), set beside the compose on its free side, never over the editor
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  const GAP = 8;
  const WIDTH = 340;
  // long enough for the click or key that closed the panel to finish reaching its frame
  const CLOSE_SETTLE_MS = 250;
  // the most of the editor the open panel may cover; where no side has room it folds to a chip
  const MAX_COVER = 0.05;
  let openPanel = null;

  const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left))
    * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

  /** The spot for a w × h frame that covers the least of the editor, then of the compose, and the editor share it covers. */
  function bestSpot(compose, w, h) {
    const vw = document.documentElement.clientWidth || innerWidth;
    const vh = document.documentElement.clientHeight || innerHeight;
    const editor = (compose.editor?.() ?? compose.root).getBoundingClientRect();
    const box = compose.root.getBoundingClientRect();
    const clamp = (value, most) => Math.max(GAP, Math.min(value, most));
    const spots = [
      [box.left - w - GAP, box.bottom - h], [box.right + GAP, box.bottom - h],
      [box.right - w, box.top - h - GAP], [box.right - w, box.bottom + GAP],
      [box.left - w - GAP, box.top], [box.right + GAP, box.top],
      [vw - w - GAP, GAP], [GAP, GAP], [vw - w - GAP, vh - h - GAP], [GAP, vh - h - GAP],
    ].map(([x, y]) => {
      const left = clamp(x, vw - w - GAP);
      const top = clamp(y, vh - h - GAP);
      return { left, top, right: left + w, bottom: top + h };
    });
    const editorArea = Math.max(1, editor.width * editor.height);
    const boxArea = Math.max(1, box.width * box.height);
    const cost = (spot) => (overlap(spot, editor) / editorArea) * 100 + overlap(spot, box) / boxArea;
    const spot = spots.reduce((a, b) => (cost(b) < cost(a) ? b : a));
    return { spot, cover: overlap(spot, editor) / editorArea };
  }

  const frameSize = (size) => ({
    w: Math.min(size.collapsed ? size.width : WIDTH, (document.documentElement.clientWidth || innerWidth) - 2 * GAP),
    h: Math.min(size.height || 40, (document.documentElement.clientHeight || innerHeight) - 2 * GAP),
  });

  /** Set the frame at its best spot for its current size. */
  function placeFrame(frame, compose, size) {
    const { w, h } = frameSize(size);
    const { spot } = bestSpot(compose, w, h);
    Object.assign(frame.style, { left: `${spot.left}px`, top: `${spot.top}px`, width: `${w}px`, height: `${h}px` });
  }

  /** Whether the open panel, at the tallest it may grow, would cover too much of the editor. */
  function needsChip(compose) {
    const { w, h } = frameSize({ collapsed: false, height: Infinity });
    return bestSpot(compose, w, h).cover > MAX_COVER;
  }

  function createFrame(token) {
    const frame = document.createElement("iframe");
    frame.src = `${chrome.runtime.getURL("panel/panel.html")}#${token}`;
    frame.title = gracious.t("extensionName");
    frame.setAttribute("data-testid", "gracious-panel");
    frame.setAttribute("allowtransparency", "true");
    frame.style.cssText = "all: initial; position: fixed; z-index: 2147483647; border: 0; display: block;"
      + ` width: ${WIDTH}px; height: 40px; visibility: hidden; color-scheme: light;`
      + " box-shadow: 0 8px 24px rgba(140,149,159,.3); border-radius: 8px; background: transparent;";
    return frame;
  }

  /** Open the panel for one compose; the handlers do the work, the panel only shows it. */
  gracious.openPanel = (handlers, compose) => {
    openPanel?.close();
    const token = crypto.randomUUID();
    const frame = createFrame(token);
    const port = chrome.runtime.connect({ name: `gracious-panel-host:${token}` });
    let ready = false;
    let size = { width: WIDTH, height: 40, collapsed: false };
    let pendingReplace = null;
    const queue = [];
    const post = (message) => (ready ? port.postMessage(message) : queue.push(message));
    let frameQueued = false;
    // once the user opened the chip themselves, the panel stays open wherever it has to go
    let openedByUser = false;
    // decided once, for the tallest the panel may grow, so it never opens and then folds away
    let folded = null;
    const fit = () => {
      folded ??= needsChip(compose);
      placeFrame(frame, compose, size);
      const folding = folded && !size.collapsed && !openedByUser;
      // shown once it has its final shape: an open panel that is about to fold stays hidden
      frame.style.visibility = folding ? "hidden" : "visible";
      if (folding) port.postMessage({ op: "collapse", collapsed: true });
    };
    const reposition = () => {
      if (frameQueued) return;
      frameQueued = true;
      requestAnimationFrame(() => { frameQueued = false; if (ready) fit(); });
    };

    const fromView = {
      ready(message) {
        ready = true;
        size = message;
        fit();
        performance.mark("gracious:panel-shown");
        for (const queued of queue.splice(0)) port.postMessage(queued);
      },
      size(message) {
        if (message.byUser) openedByUser = !message.collapsed;
        size = message;
        reposition();
      },
      kind: ({ value }) => handlers.onKind(value),
      tone: ({ value }) => handlers.onTone(value),
      another: () => handlers.onAnotherVersion(),
      detail: ({ value }) => handlers.onDetail(String(value)),
      remind: ({ days }) => handlers.onRemind(Number(days)),
      retry: () => handlers.onRetry(),
      close: () => panel.close({ fromInside: true }),
      replace: ({ answer }) => { pendingReplace?.(Boolean(answer)); pendingReplace = null; },
    };
    port.onMessage.addListener((message) => fromView[message?.op]?.(message));
    // the page may navigate or re-point the frame: then this panel is no longer ours
    port.onDisconnect.addListener(() => panel.close());
    const guard = new MutationObserver(() => panel.close());
    guard.observe(frame, { attributes: true, attributeFilter: ["src", "srcdoc"] });
    addEventListener("resize", reposition, { passive: true });
    addEventListener("scroll", reposition, { passive: true, capture: true });

    const panel = {
      frame,
      setBusy: (busy, message) => post({ op: "busy", busy, message }),
      showChoices: ({ kinds, tones }, chosen) => post({ op: "choices", choices: { kinds, tones }, chosen: { kind: chosen.kind, tone: chosen.tone } }),
      showProblem: (error) => post({ op: "problem", error: { type: error.type, message: String(error.message ?? "") } }),
      hideProblem: () => post({ op: "hideProblem" }),
      showCount: (length, limit) => post({ op: "count", length, limit }),
      showChecks: (report) => post({ op: "checks", report }),
      showGuide: (kind) => post({ op: "guide", kind }),
      showRemind: (visible) => post({ op: "remind", visible }),
      askToReplace() {
        post({ op: "askReplace" });
        return new Promise((resolve) => { pendingReplace = resolve; });
      },
      close({ fromInside = false } = {}) {
        if (openPanel !== panel) return;
        openPanel = null;
        guard.disconnect();
        removeEventListener("resize", reposition);
        removeEventListener("scroll", reposition, { capture: true });
        port.disconnect();
        if (fromInside) {
          // the click or key that closed it is still being delivered into the frame: a frame
          // removed mid-delivery loses the input's acknowledgement, so hide it now, remove it later
          frame.removeAttribute("data-testid");
          frame.style.visibility = "hidden";
          frame.style.pointerEvents = "none";
          setTimeout(() => frame.remove(), CLOSE_SETTLE_MS);
        } else {
          frame.remove();
        }
        pendingReplace?.(false);
        handlers.onClose?.();
      },
    };
    openPanel = panel;
    document.documentElement.append(frame);
    return panel;
  };
})();
