// indeed messaging (messages.indeed.com/conversations/<id>), where job seekers answer employers.
// established from public sources:
// - the host and path: Indeed's own apps link the inbox as messages.indeed.com/conversations/
//   (also Andrew-J-Larson/Custom-JS "Indeed - Archive All Messages" userscript, @match
//   https://messages.indeed.com/conversations*);
// - that userscript's selectors for the page: the list `div.msgw-ConversationList`, each thread
//   `a.msgw-ConversationListItem`, the empty-state card `div.msgw-NoticeCard`.
// the reply box itself is not described by any public source we found, so it is recognised by
// structure only: a form with a textarea or a rich textbox, and the channel comes from that field
// (field-channel.js). no recipient name is read: the header's markup is not known either.
const INDEED = {
  // the reply form of the open conversation (else the box around the field and a button)
  form: "form",
  // a plain textarea first, then a rich textbox
  fields: ["textarea", "[contenteditable=true][role=textbox]", "[contenteditable=true]"],
  // the form's submit button, else a button the app tags as its send button
  sends: ["button[type=submit]", "button[data-testid*=send i]", "button[data-test*=send i]"],
  // the conversation list, which never holds the reply box
  list: ".msgw-ConversationList",
};

gracious.registerSite({
  id: "indeed",
  hosts: ["messages.indeed.com"],
  // every box on the messaging pages: a reply box need not sit in a <form>
  watch: INDEED.fields.join(", "),
  composeFor(element) {
    // the whole host is indeed's messaging; the conversation list never holds the reply box
    if (element.closest(INDEED.list)) return null;
    return gracious.jobBoardCompose("indeed", element, { ...INDEED, context: () => ({}) });
  },
});
