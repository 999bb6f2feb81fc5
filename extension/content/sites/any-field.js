// any other page (job boards such as indeed, greenhouse, lever, wellfound): injected by the
// "Draft thank-you here" context-menu item, and drafts into the field that was right-clicked
gracious.registerSite({
  id: "any-field",
  // no content script runs here: activeTab grants access only when the user picks the menu item
  hosts: [],
  watch: null,
  composeFor(field) {
    const root = gracious.isTextField(field) ? field
      : field?.isContentEditable ? field.closest("[contenteditable]:not([contenteditable=false])") ?? field : null;
    if (!root) return null;
    return {
      site: "any-field",
      channel: "email",
      root,
      editor: () => root,
      subjectField: () => null,
      context: () => ({ thread: { subject: gracious.clip(document.title, 500) || undefined } }),
      placeButton() {},
    };
  },
});

(() => {
  // the right-click focused the field; look through open shadow roots for the real one
  let field = document.activeElement;
  while (field?.shadowRoot?.activeElement) field = field.shadowRoot.activeElement;
  const compose = gracious.sites.find((site) => site.id === "any-field").composeFor(field);
  if (!compose) return;
  let saved = null;
  if (gracious.isTextField(compose.root)) saved = { fieldEnd: compose.root.selectionEnd };
  else if (getSelection().rangeCount && compose.root.contains(getSelection().getRangeAt(0).startContainer)) {
    saved = { range: getSelection().getRangeAt(0).cloneRange() };
  }
  gracious.draftInto(compose, saved);
})();
