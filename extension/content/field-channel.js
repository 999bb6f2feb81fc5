// which kind of note suits a field we know nothing else about (a job board's message box, a field
// the shortcut or the context menu was used in): read it from the field itself, never from its text.
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  // a maxlength this short holds an invitation-style note (linkedin's are 200 and 300), not a letter
  const INVITATION_MAX_LENGTH = 300;

  // the server's channel ids for the three styles of note a field can take
  const CHANNEL_FOR_STYLE = {
    invitation: "linkedin-connection",
    message: "linkedin-message",
    letter: "email",
  };

  /** The rich editor around an element, if it is inside one. */
  function richEditor(field) {
    if (!field?.isContentEditable) return null;
    return field.closest("[contenteditable]:not([contenteditable=false])") ?? field;
  }

  /**
   * The channel a field implies: a short maxlength means an invitation-style note, a textarea or
   * text input a message, a rich editor an email-style body (which never gets a subject line).
   */
  gracious.channelForField = (field) => {
    if (gracious.isTextField(field)) {
      const short = field.maxLength > 0 && field.maxLength <= INVITATION_MAX_LENGTH;
      const style = short ? "invitation" : "message";
      return { style, channel: CHANNEL_FOR_STYLE[style], withSubject: false };
    }
    if (richEditor(field)) return { style: "letter", channel: CHANNEL_FOR_STYLE.letter, withSubject: false };
    return null;
  };

  /** The field itself, or the rich editor it sits in; null when it takes no text. */
  gracious.editableRoot = (field) => (gracious.isTextField(field) ? field : richEditor(field));
})();
