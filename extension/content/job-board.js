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
    // clipped by utf-8 bytes, so a long non-ascii thread still fits the server's body cap
    const text = gracious.threadText([...container.querySelectorAll(messageSelector)].filter((m) => gracious.readableText(m)));
    return text || undefined;
  };

  // how far above the field a compose without a <form> may reach for the box that holds its send button
  const MAX_CONTAINER_DEPTH = 4;
  const MARK = "data-gracious-compose";
  // a board's controls: icon send buttons are often a div with role=button rather than a <button>
  const CONTROLS = "button, [role=button]";

  /** The smallest container above a field that also holds a button: a compose without a form. */
  function containerWithButton(field, fields) {
    let node = field.parentElement;
    for (let depth = 0; node && node !== document.body && depth < MAX_CONTAINER_DEPTH; depth += 1) {
      const buttons = [...node.querySelectorAll(CONTROLS)].filter((b) => !b.matches(".gracious-draft-button"));
      // a container with several boxes is a whole page or list, not one reply form
      if (buttons.length && node.querySelectorAll(fields.join(", ")).length === 1) return node;
      node = node.parentElement;
    }
    return null;
  }

  /** The compose around an element: marked earlier, its form, or the box around its field. */
  function composeRoot(site, element, form, fields) {
    const root = element.closest(`[${MARK}=${site}]`) ?? element.closest(form)
      ?? (element.matches(fields.join(", ")) ? containerWithButton(element, fields) : null);
    // the draft button is found again from the mark, wherever the compose sits
    root?.setAttribute(MARK, site);
    return root;
  }

  /**
   * Build a board's compose from its selectors: `form` finds the compose around an element,
   * `fields` and `sends` are tried in order, `context` reads the conversation.
   */
  gracious.jobBoardCompose = (site, element, { form, fields, sends, context }) => {
    const root = composeRoot(site, element, form, fields);
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
