// the field the user asked for, on any page: injected by the "Draft thank-you here" context-menu
// item or the keyboard shortcut. where a site adapter knows the page (by host or a signal such as
// outlook's owamail meta), its compose is used, with its channel, limit and recipient
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
      sendButton: () => null,
      context: () => ({ thread: { subject: gracious.clip(document.title, 500) || undefined } }),
      placeButton() {},
    };
  },
});

(() => {
  // with several frames injected, only the one holding the focus drafts
  if (!document.hasFocus()) return;
  // the right-click or shortcut focused the field; look through shadow roots for the real one
  let field = document.activeElement;
  while (field && gracious.shadowRootOf(field)?.activeElement) field = gracious.shadowRootOf(field).activeElement;
  const known = gracious.sites.filter((site) => site.id !== "any-field"
    && (site.hosts.includes(location.hostname) || site.detect?.()));
  let compose = null;
  for (const site of known) compose ??= site.composeFor(field);
  compose ??= gracious.sites.find((site) => site.id === "any-field").composeFor(field);
  if (!compose) return;
  const editor = compose.editor();
  let saved = null;
  if (gracious.isTextField(editor)) saved = { fieldEnd: editor.selectionEnd };
  else {
    const range = gracious.rangeIn(editor);
    if (range) saved = { range };
  }
  gracious.draftInto(compose, saved);
})();
