// wellfound (formerly angellist talent) messaging: wellfound.com/jobs/messages/<id>.
// established from public automation scripts that drive the real page:
// - AKSourav/wellfound_automated_text and its forks (nodriver): the conversation list is
//   `div[data-test=MessagesList]`, a thread's messages sit in `div[data-test=ConversationDetail-Messages]`,
//   the reply box is `textarea[name=body]` and Send is `button[type=submit][data-test=Button]`;
// - older selenium scripts of the same page reach the reply box as `textarea#response` / name=response.
// classes there are css-module hashes (styles_body__iG8VI) that change with every build: not used.
// the sender of each message is not told apart from the user, so no recipient name is guessed.
// only the messaging pages (/jobs/messages, also linked as /inbox): other pages' fields (applications, profiles) get no button
const WELLFOUND_PAGES = /^\/(?:jobs\/messages|messages|inbox)\b/;

const WELLFOUND = {
  // the reply form under an open conversation (else the box around the field and a button)
  form: "form",
  // the reply box: current name first, then the older one, then any box of the messaging pages
  // (recognised by structure, as on the other boards), since a board can change its box unannounced
  fields: ["textarea[name=body]", "textarea[name=response]", "textarea#response",
    "textarea", "[contenteditable=true][role=textbox]", "[contenteditable=true]"],
  // wellfound's own send button, else any submit button of the form
  sends: ["button[type=submit][data-test=Button]", "button[type=submit]"],
  // the open conversation's messages
  conversation: "[data-test=ConversationDetail-Messages]",
  // one message inside it: each is a direct child block of the list
  message: "[data-test=ConversationDetail-Messages] > *",
};

gracious.registerSite({
  id: "wellfound",
  hosts: ["wellfound.com", "www.wellfound.com"],
  // every box on the messaging pages: a reply box need not sit in a <form>
  watch: WELLFOUND.fields.join(", "),
  composeFor(element) {
    if (!WELLFOUND_PAGES.test(location.pathname)) return null;
    return gracious.jobBoardCompose("wellfound", element, {
      ...WELLFOUND,
      context: () => {
        const text = gracious.conversationText(document, WELLFOUND.message);
        return text ? { thread: { text } } : {};
      },
    });
  },
});
