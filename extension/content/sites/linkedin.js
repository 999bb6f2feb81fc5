// linkedin (www.linkedin.com): messaging page, overlay bubbles, invitation note; selectors from sites.md.
// since early 2026 many pages render the bubbles and the invitation box inside an open shadow root
// under #interop-outlet (briskine pr #610, its linkedin.spec.js): every lookup here crosses it
const LINKEDIN = {
  // the host whose shadow root holds the bubbles and the invite dialog on newer pages
  shadowHost: "#interop-outlet",
  // the message form on /messaging/ and in the overlay bubbles
  messageForm: "form.msg-form",
  // the composer: newer editor class, else any rich textbox in the form
  messageBody: ".msg-form__contenteditable[contenteditable=true], [role=textbox][contenteditable=true]",
  // send button, disabled until the editor's own state has text
  sendButton: ".msg-form__send-button",
  // a conversation: an overlay bubble, else the messaging page's thread detail
  conversation: ".msg-overlay-conversation-bubble, .msg-convo-wrapper, main",
  // the partner's name: bubble header, messaging page lockup, then the last message group's name
  partnerName: ".msg-overlay-bubble-header__title, .msg-entity-lockup__entity-title, .msg-s-message-group__name",
  // the partner's headline, shown under the name on the messaging page
  partnerHeadline: ".msg-entity-lockup__entity-info, .msg-entity-lockup__headline",
  // the messages of the conversation
  messageText: ".msg-s-event-listitem__body",
  // invitation "Add a note" box inside the invite dialog
  inviteNote: "textarea[name=message], #custom-message",
  // the invite dialog around it
  inviteDialog: "[role=dialog]",
  // the profile's name on /in/ pages, behind the invite dialog
  profileName: "main h1",
  // the profile's headline, just under the name
  profileHeadline: "main h1 ~ div, main .text-body-medium",
};

function messageContext(root) {
  const conversation = gracious.closestAcross(root, LINKEDIN.conversation) ?? root.getRootNode();
  const name = conversation.querySelector(LINKEDIN.partnerName)?.textContent.trim();
  const headline = conversation.querySelector(LINKEDIN.partnerHeadline)?.textContent.trim();
  const text = gracious.threadText([...conversation.querySelectorAll(LINKEDIN.messageText)]);
  return {
    recipient: name ? { name: gracious.clip(name, 200) } : undefined,
    thread: {
      from: name ? { name: gracious.clip(name, 200) } : undefined,
      headline: gracious.clip(headline, 200) || undefined,
      text: text || undefined,
    },
  };
}

function inviteContext() {
  const name = document.querySelector(LINKEDIN.profileName)?.textContent.trim();
  const headline = document.querySelector(LINKEDIN.profileHeadline)?.textContent.trim();
  return {
    recipient: name ? { name: gracious.clip(name, 200) } : undefined,
    thread: { headline: gracious.clip(headline, 200) || undefined },
  };
}

function messageCompose(form) {
  if (!form.querySelector(LINKEDIN.messageBody)) return null;
  return {
    site: "linkedin",
    channel: "linkedin-message",
    root: form,
    editor: () => form.querySelector(LINKEDIN.messageBody),
    subjectField: () => null,
    sendButton: () => form.querySelector(LINKEDIN.sendButton),
    context: () => messageContext(form),
    placeButton(button) {
      const send = form.querySelector(LINKEDIN.sendButton);
      if (send) send.before(button);
    },
  };
}

function inviteCompose(dialog) {
  if (!dialog.querySelector(LINKEDIN.inviteNote)) return null;
  return {
    site: "linkedin",
    channel: "linkedin-connection",
    root: dialog,
    editor: () => dialog.querySelector(LINKEDIN.inviteNote),
    subjectField: () => null,
    // linkedin's invite "send" has no attribute hook apart from its translated label: none is guessed
    sendButton: () => null,
    context: inviteContext,
    placeButton(button) {
      dialog.querySelector(LINKEDIN.inviteNote)?.after(button);
    },
  };
}

gracious.registerSite({
  id: "linkedin",
  hosts: ["www.linkedin.com"],
  // the composer itself, not its form: linkedin renders a bubble's form before its editor
  watch: `${LINKEDIN.messageForm} [contenteditable=true], ${LINKEDIN.inviteNote}`,
  shadowHosts: LINKEDIN.shadowHost,
  composeFor(element) {
    const form = gracious.closestAcross(element, LINKEDIN.messageForm);
    if (form) return messageCompose(form);
    const dialog = gracious.closestAcross(element, LINKEDIN.inviteDialog);
    return dialog ? inviteCompose(dialog) : null;
  },
});
