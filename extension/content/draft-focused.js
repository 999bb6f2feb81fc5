// "draft into the field I'm in", for the keyboard shortcut and the context menu: where a site
// adapter knows the page (by host or a signal such as outlook's owamail meta), its compose is used,
// with its channel, limit and recipient; anywhere else the field itself
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  function focusedField() {
    let field = document.activeElement;
    while (field && gracious.shadowRootOf(field)?.activeElement) field = gracious.shadowRootOf(field).activeElement;
    return field;
  }

  /** Draft into the focused field of this frame, if this frame has the focus. */
  gracious.draftFocusedField = () => {
    if (!document.hasFocus()) return false;
    const field = focusedField();
    const known = gracious.sites.filter((site) => site.id !== "any-field"
      && (site.hosts.includes(location.hostname) || site.detect?.()));
    let compose = null;
    for (const site of known) compose ??= site.composeFor(field);
    compose ??= gracious.sites.find((site) => site.id === "any-field")?.composeFor(field) ?? null;
    if (!compose) return false;
    const editor = compose.editor();
    let saved = null;
    if (gracious.isTextField(editor)) saved = { fieldEnd: editor.selectionEnd };
    else {
      const range = gracious.rangeIn(editor);
      if (range) saved = { range };
    }
    gracious.draftInto(compose, saved);
    return true;
  };

  // where the content script already runs, the worker asks it directly: no injection needed
  if (!gracious.draftFocusedListening) {
    gracious.draftFocusedListening = true;
    chrome.runtime.onMessage.addListener((message, sender, reply) => {
      if (sender.id !== chrome.runtime.id || sender.tab || message?.type !== "draft-focused") return false;
      if (gracious.draftFocusedField()) reply({ drafted: true });
      return false;
    });
  }
})();
