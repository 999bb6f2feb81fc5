// gmail (mail.google.com): selectors from sites.md; attributes first, never translated text
const GMAIL = {
  // the send row of every compose: pop-up, full-screen and inline reply share it
  toolbar: "tr.btC",
  // the send group inside that row
  sendGroup: "td.gU.Up",
  // compose containers: pop-up dialog, older pop-up (.AD), full-screen (.aSt), inline reply (.M9, .ip)
  compose: "div[role=dialog], .aSt, .AD, .M9, .ip",
  // the body editor, in every variant
  body: "div[contenteditable=true][g_editable=true], div[contenteditable=true][role=textbox]",
  // quoted history inside the body: new notes go above it
  quote: ".gmail_quote, .ajR",
  // subject box; absent from inline replies
  subject: "input[name=subjectbox]",
  // recipient chips: newer div[name=to] chips carry span[email][name] or data-hovercard-id
  recipientChip: "div[name=to] [email], div[name=to] [data-hovercard-id]",
  // older compose: a plain textarea of addresses
  recipientText: "textarea[name=to]",
  // the open conversation's subject, above the messages
  threadSubject: "h2.hP",
  // each message's sender in the conversation view
  messageSender: "span.gD[email]",
  // each message's text in the conversation view
  messageText: "div.a3s",
};

const EMAIL = /[^\s<>,;"]+@[^\s<>,;"]+/;

function parseAddresses(text) {
  return text.split(/[,;]/).map((part) => {
    const email = part.match(EMAIL)?.[0];
    const name = part.replace(EMAIL, "").replace(/[<>"]/g, "").trim();
    return email ? { name: name || undefined, email } : null;
  }).filter(Boolean);
}

function party(element) {
  const email = element.getAttribute("email") || element.getAttribute("data-hovercard-id") || undefined;
  const name = element.getAttribute("name") || element.textContent.trim() || undefined;
  return { name: gracious.clip(name, 200) || undefined, email: email && gracious.clip(email, 320) };
}

function recipients(root) {
  const chips = [...root.querySelectorAll(GMAIL.recipientChip)].map(party);
  const typed = [...root.querySelectorAll(GMAIL.recipientText)].flatMap((field) => parseAddresses(field.value));
  const seen = new Set();
  return [...chips, ...typed].filter((person) => {
    const key = person.email ?? person.name;
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, 50);
}

function readContext(root, body) {
  // only a reply inside a conversation reads it; a new message's context is its own fields and quote
  const conversation = root.closest("[role=main]");
  const outside = (selector) => [...(conversation?.querySelectorAll(selector) ?? [])].filter((el) => !root.contains(el));
  const to = recipients(root);
  const senders = outside(GMAIL.messageSender);
  const from = senders.length ? party(senders.at(-1)) : undefined;
  const messages = outside(GMAIL.messageText);
  const quoted = [...(body?.querySelectorAll(GMAIL.quote) ?? [])];
  const text = [...messages, ...quoted].map(gracious.readableText).join("\n\n").slice(-40000);
  const subjectBox = root.querySelector(GMAIL.subject);
  const subject = subjectBox?.value.trim() || conversation?.querySelector(GMAIL.threadSubject)?.textContent.trim();
  const person = to.find((p) => p.name && p.name !== p.email) ?? from;
  return {
    recipient: person?.name ? { name: person.name } : undefined,
    thread: { subject: gracious.clip(subject, 500) || undefined, text: text || undefined, from, to },
  };
}

gracious.registerSite({
  id: "gmail",
  hosts: ["mail.google.com"],
  watch: GMAIL.toolbar,
  composeFor(element) {
    const root = element.closest(GMAIL.compose);
    if (!root || !root.querySelector(GMAIL.body)) return null;
    return {
      site: "gmail",
      channel: "email",
      root,
      quoteSelector: GMAIL.quote,
      editor: () => root.querySelector(GMAIL.body),
      subjectField: () => root.querySelector(GMAIL.subject),
      sendButton: () => root.querySelector(`${GMAIL.toolbar} ${GMAIL.sendGroup} [role=button]`),
      context: () => readContext(root, root.querySelector(GMAIL.body)),
      placeButton(button) {
        const send = root.querySelector(`${GMAIL.toolbar} ${GMAIL.sendGroup}`);
        if (!send) return;
        const cell = gracious.element("td", { class: "gracious-cell" });
        cell.append(button);
        send.after(cell);
      },
    };
  },
});
