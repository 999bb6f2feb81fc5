// where a note goes in a compose, and how a new version takes the old one's place
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  /** Where a fresh note goes: the user's cursor in the body, else the very top, above any quote. */
  function insertionPoint(compose, editor, saved) {
    const quote = compose.quoteSelector;
    const node = saved?.startContainer;
    const element = node?.nodeType === Node.ELEMENT_NODE ? node : node?.parentElement;
    const usable = saved && editor.contains(node) && !(quote && element?.closest(quote));
    if (usable) {
      // never replace a selection the user made: insert after it
      const range = saved.cloneRange();
      range.collapse(false);
      return range;
    }
    const range = document.createRange();
    const first = editor.firstElementChild;
    if (quote && first?.matches(quote) && editor.firstChild === first) {
      // a caret before the quote would land inside it, so open an empty line above it first
      const line = gracious.element("div", {}, gracious.element("br"));
      first.before(line);
      range.setStart(line, 0);
    } else {
      // inside the first paragraph where there is one: editors keep their text in blocks
      const block = first?.matches("div, p") && editor.firstChild === first && !first.textContent.trim() ? first : editor;
      range.setStart(block, 0);
    }
    range.collapse(true);
    return range;
  }

  /** Put a first note into the compose, at the saved caret or the top. */
  gracious.insertFresh = (compose, editor, text, saved) => {
    if (gracious.isTextField(editor)) {
      const empty = editor.value.trim() === "";
      const at = empty ? 0 : (saved?.fieldEnd ?? editor.value.length);
      const end = empty ? editor.value.length : at;
      // keep the note off the user's own line in a multi-line field
      const lead = editor.tagName === "TEXTAREA" && at > 0 && editor.value[at - 1] !== "\n" ? "\n\n" : "";
      const inserted = gracious.insertIntoField(editor, lead + text, at, end);
      return { ...inserted, text: inserted.text.slice(inserted.text.startsWith(lead) ? lead.length : 0) };
    }
    return gracious.insertIntoEditable(editor, text, insertionPoint(compose, editor, saved?.range), compose.insertion);
  };

  const sameText = (a, b) => a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();

  /** The note as it would be sent: the editor's text without quoted history. */
  gracious.noteText = (compose, editor) => {
    if (gracious.isTextField(editor)) return editor.value;
    let text = editor.innerText ?? "";
    for (const quote of compose.quoteSelector ? editor.querySelectorAll(compose.quoteSelector) : []) {
      text = text.replace(quote.innerText, "");
    }
    return text.trim();
  };

  function fillSubject(compose, state, draft) {
    const subjectField = compose.subjectField?.();
    if (subjectField && state.subject !== null && subjectField.value === state.subject) {
      // the subject is ours from the previous version, so it may follow the new one
      subjectField.value = "";
    }
    if (gracious.fillEmptyField(subjectField, draft.subject)) state.subject = subjectField.value;
  }

  /** Put the draft in the compose; says whether it "inserted", left it "unchanged", or "kept" the user's edits. */
  gracious.placeDraft = async (compose, state, draft, { saved, askToReplace }) => {
    const editor = compose.editor();
    if (!editor) throw Object.assign(new Error(gracious.t("panelComposeGone")), { type: "failure" });
    let outcome = "inserted";
    const untouched = state.inserted && gracious.isUntouched(state.inserted);
    if (!state.inserted) {
      state.inserted = await gracious.insertFresh(compose, editor, draft.body, saved);
    } else if (untouched && sameText(state.inserted.text, draft.body)) {
      outcome = "unchanged";
    } else if (untouched || await askToReplace()) {
      state.inserted = await gracious.replaceInserted(state.inserted, draft.body);
    } else {
      return "kept";
    }
    gracious.recordHealth?.(compose.site, `insert:${state.inserted.method}`);
    if (state.inserted.duplicates) gracious.recordHealth?.(compose.site, "duplicatesRemoved", state.inserted.duplicates);
    fillSubject(compose, state, draft);
    return outcome;
  };
})();
