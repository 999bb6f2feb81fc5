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
      // from the field itself: a short maxlength takes an invitation-style note, a textarea a message
      channel: gracious.channelForField?.(root)?.channel ?? "email",
      root,
      editor: () => root,
      subjectField: () => null,
      sendButton: () => null,
      context: () => ({ thread: { subject: gracious.clip(document.title, 500) || undefined } }),
      placeButton() {},
    };
  },
});
