// outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com); selectors from sites.md
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
  const to = outlookRecipients(root);
  // the conversation above an inline reply sits outside the compose form
  const conversation = root.closest("[role=main]") ?? root;
  const text = [...conversation.querySelectorAll(OUTLOOK.messageText)]
    .filter((message) => !message.contains(body) && !body.contains(message))
    .map(gracious.readableText).join("\n\n").slice(-40000);
  const subject = root.querySelector(OUTLOOK.subject)?.value.trim();
  const person = to.find((p) => p.name);
  return {
    recipient: person ? { name: person.name } : undefined,
    thread: { subject: gracious.clip(subject, 500) || undefined, text: text || undefined, to },
  };
}

gracious.registerSite({
  id: "outlook",
  hosts: ["outlook.live.com", "outlook.office.com", "outlook.office365.com"],
  watch: OUTLOOK.body,
  composeFor(element) {
    const root = element.closest(OUTLOOK.compose);
    const body = root?.querySelector(OUTLOOK.body);
    if (!body) return null;
    return {
      site: "outlook",
      channel: "email",
      root,
      quoteSelector: OUTLOOK.quote,
      editor: () => root.querySelector(OUTLOOK.body),
      subjectField: () => root.querySelector(OUTLOOK.subject),
      // outlook's send has no language-independent hook (only its translated label), so no button
      // is named here; its Ctrl+Enter is caught in any language. the ext adapter may add one
      sendButton: () => null,
      context: () => outlookContext(root, root.querySelector(OUTLOOK.body)),
      placeButton(button) {
        // outlook's toolbar has no language-independent hook, so the button sits just above the body
        const editor = root.querySelector(OUTLOOK.body);
        if (editor) editor.before(button);
      },
    };
  },
});
