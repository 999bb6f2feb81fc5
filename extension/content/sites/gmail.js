// gmail (mail.google.com): selectors from sites.md; attributes first, never translated text
const GMAIL = {
  // the send row of every compose: pop-up, full-screen and inline reply share it
  toolbar: "tr.btC",
  // the send group inside that row
  sendGroup: "td.gU.Up",
  // compose containers: pop-up dialog, older pop-up (.AD), full-screen (.aSt), inline reply (.M9, .ip,
  // the reply area .gA.gt); the nearest one holding both body and toolbar is the compose
  compose: "div[role=dialog], .aSt, .AD, .M9, .ip, .gA.gt",
  // the body editor, in every variant
  body: "div[contenteditable=true][g_editable=true], div[contenteditable=true][role=textbox]",
  // quoted history inside the body: new notes go above it
  quote: ".gmail_quote, .ajR",
  // subject box; absent from inline replies
  subject: "input[name=subjectbox]",
  // recipient chips: newer div[name=to] chips carry data-name and data-hovercard-id, or a span[email][name]
  recipientChip: "div[name=to] [email], div[name=to] [data-hovercard-id], div[name=to] [data-name]",
  // older composes and inline replies show a span[email][name] (or only [email]) outside any div[name=to]
  looseChip: "[email]",
  // the sender and copied people, whose chips also carry [email]: never the one greeted
  notRecipient: "[name=from], [name=cc], [name=bcc]",
  // the send button itself, inside the send group
  sendButton: "td.gU.Up [role=button]",
  // the user's own signature, put into the body by gmail: then no profile signature is added
  signature: ".gmail_signature, [data-smartmail=gmail_signature]",
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

// a chip's textContent can include its letter avatar ("JJane"): read names from attributes only,
// as InboxSDK's get-recipients.ts does
function party(element) {
  const email = element.getAttribute("email") || element.getAttribute("data-hovercard-id") || undefined;
  const name = element.getAttribute("data-name") || element.getAttribute("name") || undefined;
  const usable = name && name !== email ? name : undefined;
  return { name: gracious.clip(usable, 200) || undefined, email: email && gracious.clip(email, 320) };
}

function recipients(root, body) {
  const toChips = root.querySelectorAll(GMAIL.recipientChip);
  const chips = [...(toChips.length ? toChips : root.querySelectorAll(GMAIL.looseChip))]
    .filter((chip) => !body?.contains(chip) && !chip.closest(GMAIL.notRecipient)).map(party);
  const typed = [...root.querySelectorAll(GMAIL.recipientText)].flatMap((field) => parseAddresses(field.value));
  // a chip and the span inside it describe one person: merge them by address, keeping any name
  const people = new Map();
  for (const person of [...chips, ...typed]) {
    const key = person.email ?? person.name;
    if (!key) continue;
    const known = people.get(key);
    people.set(key, { ...person, name: known?.name ?? person.name });
  }
  return [...people.values()].slice(0, 50);
}

function readContext(root, body) {
  // only a reply inside a conversation reads it; a new message's context is its own fields and quote
  const conversation = root.closest("[role=main]");
  const outside = (selector) => [...(conversation?.querySelectorAll(selector) ?? [])].filter((el) => !root.contains(el));
  const to = recipients(root, body);
  const senders = outside(GMAIL.messageSender);
  const from = senders.length ? party(senders.at(-1)) : undefined;
  const messages = outside(GMAIL.messageText);
  const quoted = [...(body?.querySelectorAll(GMAIL.quote) ?? [])];
  const text = gracious.threadText([...messages, ...quoted]);
  const subjectBox = root.querySelector(GMAIL.subject);
  const subject = subjectBox?.value.trim() || conversation?.querySelector(GMAIL.threadSubject)?.textContent.trim();
  // greet a named recipient, else a sender who is one of the recipients; the last sender only when
  // nobody is addressed, since that message may be the user's own: no name beats a wrong one
  const addressed = new Set(to.map((p) => p.email).filter(Boolean));
  const person = to.find((p) => p.name && p.name !== p.email)
    ?? senders.map(party).reverse().find((p) => p.name && addressed.has(p.email))
    ?? (to.length ? undefined : from);
  return {
    recipient: person?.name ? { name: person.name } : undefined,
    thread: { subject: gracious.clip(subject, 500) || undefined, text: text || undefined, from, to },
  };
}

// the toolbar table has one <col> per cell: a cell without its <col> upsets the layout
// (InboxSDK get-additional-action-toolbar.ts adds both)
function placeInToolbar(root, button) {
  const send = root.querySelector(`${GMAIL.toolbar} ${GMAIL.sendGroup}`);
  if (!send) return;
  const cell = button.closest("td") ?? gracious.element("td", { class: "gracious-cell" });
  cell.append(button);
  send.after(cell);
  const table = send.closest("table");
  const cols = table?.querySelectorAll("col") ?? [];
  if (cols.length && cols.length < send.parentElement.cells.length) {
    cols[cols.length - 1].after(gracious.element("col", { class: "gracious-col" }));
  }
}

gracious.registerSite({
  id: "gmail",
  hosts: ["mail.google.com"],
  // the toolbar and the body both: either may be rendered after the other
  watch: `${GMAIL.toolbar}, ${GMAIL.body}`,
  composeFor(element) {
    // the nearest container may hold only the toolbar or only the body: climb to one with both
    const root = gracious.closestHolding(element, GMAIL.compose, GMAIL.body, GMAIL.toolbar);
    if (!root) return null;
    return {
      site: "gmail",
      channel: "email",
      root,
      quoteSelector: GMAIL.quote,
      editor: () => root.querySelector(GMAIL.body),
      subjectField: () => root.querySelector(GMAIL.subject),
      context: () => readContext(root, root.querySelector(GMAIL.body)),
      sendButton: () => root.querySelector(GMAIL.sendButton),
      hasOwnSignature: () => Boolean(root.querySelector(GMAIL.body)?.querySelector(GMAIL.signature)),
      placeButton: (button) => placeInToolbar(root, button),
    };
  },
});
