// what the job boards' messaging adapters (indeed.js, handshake.js, wellfound.js) share: a compose
// is a message box with the board's send button beside it, and the note's channel is read from
// the box itself (field-channel.js), because a board can change its box without telling anyone.
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  /** The first element matching any of the selectors, in their order of preference. */
  const firstOf = (root, selectors) => {
    for (const selector of selectors) {
      const found = root.querySelector(selector);
      if (found) return found;
    }
    return null;
  };

  /** Text of the messages in a conversation, newest last, within the server's limit. */
  gracious.conversationText = (container, messageSelector) => {
    if (!container || !messageSelector) return undefined;
    const text = [...container.querySelectorAll(messageSelector)]
      .map(gracious.readableText).filter(Boolean).join("\n\n").slice(-40000);
    return text || undefined;
  };

  /**
   * Build a board's compose from its selectors: `form` finds the compose around an element,
   * `fields` and `sends` are tried in order, `context` reads the conversation.
   */
  gracious.jobBoardCompose = (site, element, { form, fields, sends, context }) => {
    const root = element.closest(form);
    const field = () => {
      const found = root && firstOf(root, fields);
      return found ? gracious.editableRoot(found) : null;
    };
    const initial = field();
    const inferred = initial && gracious.channelForField(initial);
    if (!inferred) return null;
    const sendButton = () => firstOf(root, sends);
    return {
      site,
      channel: inferred.channel,
      root,
      editor: field,
      // none of the boards' message boxes has a subject line
      subjectField: () => null,
      sendButton,
      context: () => context(root),
      placeButton(button) {
        // beside the board's own send button when there is one, else right after the box
        const send = sendButton();
        if (send) send.before(button);
        else field()?.after(button);
      },
    };
  };
})();
