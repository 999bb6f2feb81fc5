// handshake messaging (app.joinhandshake.com/.../messages), where most students talk to employers.
// established from public sources: the app host and that its inbox is reached through links to
// `/messages` (public puppeteer and selenium scripts that log in at app.joinhandshake.com/login and
// open a[href*="/messages"]). no public source describes the message box's markup, so it is
// recognised by structure only: a form holding a textarea or a rich textbox, with the channel read
// from that field (field-channel.js: a rich editor gets an email-style body without a subject).
// no recipient name is read, since where handshake shows it is not known.
// only the messages pages (/messages, /stu/messages, the conversations under them, an /inbox):
// other pages' fields (applications, profiles) get no button
const HANDSHAKE_PAGES = /\/(?:messages|inbox|conversations)(?:\/|$)/;

const HANDSHAKE = {
  // the reply form of the open conversation (else the box around the field and a button)
  form: "form",
  // a rich textbox or a textarea, whichever the form has
  fields: ["[contenteditable=true][role=textbox]", "textarea", "[contenteditable=true]"],
  // the form's submit button, else a button the app tags as its send button
  sends: ["button[type=submit]", "button[data-testid*=send i]", "button[data-test*=send i]"],
};

gracious.registerSite({
  id: "handshake",
  hosts: ["app.joinhandshake.com"],
  // every box on the messaging pages: a reply box need not sit in a <form>
  watch: HANDSHAKE.fields.join(", "),
  composeFor(element) {
    if (!HANDSHAKE_PAGES.test(location.pathname)) return null;
    return gracious.jobBoardCompose("handshake", element, { ...HANDSHAKE, context: () => ({}) });
  },
});
