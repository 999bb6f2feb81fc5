// one "Draft thank-you" button per compose, however often the page re-renders around it

const buttons = new WeakMap();

function saveSelection(compose) {
  const editor = compose.editor();
  if (!editor) return null;
  if (gracious.isTextField(editor)) {
    return document.activeElement === editor ? { fieldEnd: editor.selectionEnd } : null;
  }
  const selection = getSelection();
  if (!selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  return editor.contains(range.startContainer) ? { range: range.cloneRange() } : null;
}

function createButton(site) {
  const button = gracious.element("button", {
    type: "button",
    class: "gracious-draft-button",
    "data-testid": "gracious-draft-button",
    "data-gracious-site": site.id,
    title: gracious.t("buttonTitle"),
  }, gracious.t("buttonLabel"));
  let saved = null;
  // keep focus and the caret in the editor, so the note lands where the user was typing
  button.addEventListener("mousedown", (event) => {
    event.preventDefault();
    const compose = site.composeFor(button);
    saved = compose ? saveSelection(compose) : null;
  });
  button.addEventListener("click", (event) => {
    event.preventDefault();
    event.stopPropagation();
    const compose = site.composeFor(button);
    if (!compose) return;
    gracious.draftInto(compose, saved ?? saveSelection(compose));
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
  const compose = site.composeFor(element);
  if (!compose) return;
  let button = buttons.get(compose.root);
  if (button && compose.root.contains(button)) return;
  if (!button) {
    button = createButton(site);
    buttons.set(compose.root, button);
    keepInPlace(compose, button);
  }
  compose.placeButton(button);
};
