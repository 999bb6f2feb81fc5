// one "Draft thank-you" button per compose, however often the page re-renders around it. the page
// can find it and call click() on it: only the user's own (trusted) clicks do anything.

const buttons = new WeakMap();

function saveSelection(compose) {
  const editor = compose.editor();
  if (!editor) return null;
  if (gracious.isTextField(editor)) {
    const focused = editor.getRootNode().activeElement === editor;
    return focused ? { fieldEnd: editor.selectionEnd } : null;
  }
  const range = gracious.rangeIn(editor);
  return range ? { range } : null;
}

/** Show that a draft is on its way: disabled, aria-busy and a "Drafting…" label. */
function setBusy(button, busy) {
  button.disabled = busy;
  button.setAttribute("aria-busy", String(busy));
  button.textContent = gracious.t(busy ? "buttonDrafting" : "buttonLabel");
}

async function draftFrom(site, button, saved) {
  const compose = site.composeFor(button);
  if (!compose || button.disabled) return;
  compose.button = { setBusy: (busy) => setBusy(button, busy) };
  setBusy(button, true);
  try {
    await gracious.draftInto(compose, saved ?? saveSelection(compose));
  } finally {
    setBusy(button, false);
  }
}

function createButton(site) {
  const button = gracious.element("button", {
    type: "button",
    class: "gracious-draft-button",
    "data-testid": "gracious-draft-button",
    "data-gracious-site": site.id,
    title: gracious.t("buttonTitle"),
    "aria-busy": "false",
  }, gracious.t("buttonLabel"));
  let saved = null;
  // the pointer or the keyboard on the button: the click is likely, so its draft is asked for now
  const prepare = (event) => {
    if (!event.isTrusted || button.disabled) return;
    const compose = site.composeFor(button);
    if (compose) gracious.prepareDraft(compose);
  };
  button.addEventListener("pointerenter", prepare);
  button.addEventListener("focus", prepare);
  // keep focus and the caret in the editor, so the note lands where the user was typing
  button.addEventListener("mousedown", (event) => {
    if (!event.isTrusted) return;
    event.preventDefault();
    const compose = site.composeFor(button);
    saved = compose ? saveSelection(compose) : null;
    prepare(event);
  });
  button.addEventListener("click", (event) => {
    event.preventDefault();
    event.stopPropagation();
    // a page script's button.click() or dispatched event is never the user asking
    if (!event.isTrusted) return;
    performance.mark("gracious:click", { startTime: event.timeStamp });
    draftFrom(site, button, saved);
    saved = null;
  });
  return button;
}

// pages wipe injected nodes when they re-render (gmail.js #524): put the same button back
function keepInPlace(compose, button) {
  let pending = false;
  const watcher = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (!compose.root.isConnected) watcher.disconnect();
      else if (!compose.root.contains(button)) compose.placeButton(button);
    });
  });
  watcher.observe(compose.root, { childList: true, subtree: true });
}

/** Give the compose around an element its button, exactly once. */
gracious.attachButton = (site, element) => {
  gracious.recordHealth?.(site.id, "composesSeen");
  const compose = site.composeFor(element);
  if (!compose) return;
  gracious.recordHealth?.(site.id, "bodiesFound");
  let button = buttons.get(compose.root);
  if (button && compose.root.contains(button)) return;
  if (!button) {
    button = createButton(site);
    buttons.set(compose.root, button);
    keepInPlace(compose, button);
  }
  compose.placeButton(button);
  if (button.isConnected) gracious.recordHealth?.(site.id, "buttonsPlaced");
};
