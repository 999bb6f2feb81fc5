// outlook on the web on every host microsoft serves it from, plus any page that carries owamail's
// meta tag (briskine's outlook plugin uses that second signal). selectors from sites.md; the send
// button hooks from evicypher-webmail's content-scripts/outlook.ts (fluent ui's primary button) and
// toggl track-extension's content/outlook.js (button[name=Send], an attribute, not a label)
const OUTLOOK = {
  // the compose body: recipient wells are editable too, but never multi-line
  body: "div[contenteditable=true][aria-multiline=true]",
  // compose region: the reading-pane form, else the main region (full-page and pop-out compose)
  compose: "[data-app-section=Form_Content], [role=main]",
  // subject: the only 255-character input in the compose header
  subject: "input[maxlength='255']",
  // recipient chips (personas) carry the address in their title attribute
  recipient: "[title*='@']",
  // messages of the open conversation above an inline reply
  messageText: "[role=document]",
  // quoted history that outlook appends below a reply
  quote: "#divRplyFwdMsg, #appendonsend",
  // the signature block outlook puts into a new message: then no profile signature is added
  signature: "#Signature, #signature, [id^=Signature_]",
  // the send button: fluent ui's primary button in the compose, or its name attribute
  sendButton: "button[name=Send], button.ms-Button--primary",
  // the marker every outlook on the web page carries, on any host
  owaMeta: "meta[content*=owamail]",
};

const ADDRESS = /[^\s<>,;"()]+@[^\s<>,;"()]+\.[a-z]{2,}/i;

function outlookRecipients(root) {
  const seen = new Set();
  return [...root.querySelectorAll(OUTLOOK.recipient)].map((chip) => {
    const email = chip.getAttribute("title").match(ADDRESS)?.[0];
    const name = chip.textContent.replace(ADDRESS, "").replace(/[<>()]/g, "").trim();
    return email ? { name: gracious.clip(name, 200) || undefined, email } : null;
  }).filter((person) => person && !seen.has(person.email) && seen.add(person.email)).slice(0, 50);
}

function outlookContext(root, body) {
  // with [role=main] as the compose, the conversation's own personas are inside it too: the
  // recipients are the ones nearest the body
  const to = outlookRecipients(gracious.nearestAround(body, root, OUTLOOK.recipient) ?? root);
  // the conversation above an inline reply sits outside the compose form
  const conversation = root.closest("[role=main]") ?? root;
  const text = gracious.threadText([...conversation.querySelectorAll(OUTLOOK.messageText)]
    .filter((message) => !message.contains(body) && !body.contains(message)));
  const subject = root.querySelector(OUTLOOK.subject)?.value.trim();
  const person = to.find((p) => p.name);
  return {
    recipient: person ? { name: person.name } : undefined,
    thread: { subject: gracious.clip(subject, 500) || undefined, text: text || undefined, to },
  };
}

gracious.registerSite({
  id: "outlook",
  hosts: ["outlook.live.com", "outlook.office.com", "outlook.office365.com", "outlook.cloud.microsoft"],
  detect: () => Boolean(document.querySelector(OUTLOOK.owaMeta)),
  watch: OUTLOOK.body,
  composeFor(element) {
    const root = gracious.closestHolding(element, OUTLOOK.compose, OUTLOOK.body);
    if (!root) return null;
    const editor = () => root.querySelector(OUTLOOK.body);
    return {
      site: "outlook",
      channel: "email",
      root,
      quoteSelector: OUTLOOK.quote,
      editor,
      subjectField: () => root.querySelector(OUTLOOK.subject),
      sendButton: () => root.querySelector(OUTLOOK.sendButton),
      hasOwnSignature: () => Boolean(editor()?.querySelector(OUTLOOK.signature)),
      context: () => outlookContext(root, editor()),
      placeButton(button) {
        // outlook's toolbar has no language-independent hook, so the button sits just above the body
        const body = editor();
        if (body && button.nextElementSibling !== body) body.before(button);
      },
    };
  },
});
