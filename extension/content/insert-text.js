// inserting text so the page's own editor notices, in the order open extensions converged on
// (briskine's autocomplete.js): paste event, beforeinput, execCommand, then plain nodes.
// every path inserts text, never markup, so a draft can't turn into live html.
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  const withoutSpace = (text) => (text ?? "").replace(/\s+/g, "");

  /** Whether an element is a textarea or text input rather than a rich editor. */
  gracious.isTextField = (element) => ["TEXTAREA", "INPUT"].includes(element?.tagName);

  function tryPaste(editor, text, landed) {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    const paste = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    editor.dispatchEvent(paste);
    return paste.defaultPrevented && landed();
  }

  function tryBeforeInput(editor, text, landed) {
    const init = { inputType: "insertText", data: text, bubbles: true, cancelable: true, composed: true };
    const before = new InputEvent("beforeinput", init);
    editor.dispatchEvent(before);
    if (!before.defaultPrevented || !landed()) return false;
    editor.dispatchEvent(new InputEvent("input", { ...init, cancelable: false }));
    return true;
  }

  function tryExecCommand(text) {
    // line by line: firefox turns "\n" into <br>, and paragraphs are what mail editors expect
    let worked = true;
    text.split("\n").forEach((line, index) => {
      if (index > 0) worked = document.execCommand("insertParagraph") && worked;
      if (line) worked = document.execCommand("insertText", false, line) && worked;
    });
    return worked;
  }

  function insertNodes(editor, text) {
    const selection = getSelection();
    const range = selection.getRangeAt(0);
    range.deleteContents();
    const lines = text.split("\n");
    const fragment = document.createDocumentFragment();
    lines.forEach((line, index) => {
      if (index > 0) fragment.append(document.createElement("br"));
      fragment.append(document.createTextNode(line));
    });
    const last = fragment.lastChild;
    range.insertNode(fragment);
    range.setStartAfter(last);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
    editor.dispatchEvent(new InputEvent("input", { inputType: "insertText", data: text, bubbles: true }));
  }

  /** Whether the paragraph around a collapsed point has text on one side of it. */
  function lineHasText(point, direction) {
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(point);
    try {
      selection.modify("extend", direction, "paragraphboundary");
    } catch {
      // firefox knows only the line granularities
      selection.modify("extend", direction, "lineboundary");
    }
    return selection.toString().trim() !== "";
  }

  /** The line breaks that keep a note off the user's own lines before and after it. */
  function separators(at) {
    const start = at.cloneRange();
    start.collapse(true);
    const end = at.cloneRange();
    end.collapse(false);
    return { before: lineHasText(start, "backward") ? "\n\n" : "", after: lineHasText(end, "forward") ? "\n\n" : "" };
  }

  /** Insert plain text into a rich editor at a range; returns what was inserted and where. */
  gracious.insertIntoEditable = (editor, text, at) => {
    editor.focus({ preventScroll: true });
    const { before: lead, after: trail } = separators(at);
    const full = `${lead}${text}${trail}`;
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(at);
    // a live range: the dom keeps its start in place as the text goes in after it
    const start = at.cloneRange();
    start.collapse(true);
    const before = editor.textContent;
    const firstLine = text.split("\n").find((line) => line.trim()) ?? "";
    const landed = () => editor.textContent !== before && editor.textContent.includes(firstLine.trim());
    let method = "nodes";
    if (tryPaste(editor, full, landed)) method = "paste";
    else if (tryBeforeInput(editor, full, landed)) method = "beforeinput";
    else if (tryExecCommand(full)) method = "execCommand";
    else insertNodes(editor, full);
    const range = document.createRange();
    range.setStart(start.startContainer, start.startOffset);
    const caret = getSelection().rangeCount ? getSelection().getRangeAt(0) : null;
    if (caret && editor.contains(caret.endContainer)) range.setEnd(caret.endContainer, caret.endOffset);
    else range.setEnd(editor, editor.childNodes.length);
    return { editor, range, text: full, method };
  };

  /** Cut a note to fit a length, at a sentence or word boundary. */
  gracious.fitToLength = (text, room) => {
    if (text.length <= room) return text;
    if (room <= 0) return "";
    const cut = text.slice(0, room);
    const sentence = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("! "), cut.lastIndexOf("? "), cut.lastIndexOf(".\n"));
    if (sentence >= room * 0.6) return cut.slice(0, sentence + 1);
    const space = cut.lastIndexOf(" ");
    return (space > 0 ? cut.slice(0, space) : cut).trimEnd();
  };

  /** Insert plain text into a textarea or input, honouring its maxlength. */
  gracious.insertIntoField = (field, text, start, end) => {
    const room = field.maxLength > 0 ? field.maxLength - (field.value.length - (end - start)) : Infinity;
    const fitted = gracious.fitToLength(text, room);
    field.focus({ preventScroll: true });
    field.setRangeText(fitted, start, end, "end");
    // frameworks (react, ember) update their state from these events
    field.dispatchEvent(new InputEvent("input", { inputType: "insertText", data: fitted, bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
    return { field, start, end: start + fitted.length, text: fitted, truncated: fitted.length < text.length };
  };

  /** Put a subject into a subject field, but only when it is empty. */
  gracious.fillEmptyField = (field, value) => {
    if (!field || !value || field.value.trim() !== "") return false;
    field.setRangeText(value.slice(0, field.maxLength > 0 ? field.maxLength : undefined), 0, field.value.length, "end");
    field.dispatchEvent(new InputEvent("input", { inputType: "insertText", data: value, bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
    return true;
  };

  /** Whether text the extension inserted is still exactly as it left it. */
  gracious.isUntouched = (inserted) => {
    if (gracious.isTextField(inserted.field)) {
      return inserted.field.value.slice(inserted.start, inserted.end) === inserted.text;
    }
    return inserted.editor.isConnected && withoutSpace(inserted.range.toString()) === withoutSpace(inserted.text);
  };

  /** Replace text the extension inserted earlier with a new version. */
  gracious.replaceInserted = (inserted, text) => {
    if (gracious.isTextField(inserted.field)) {
      return gracious.insertIntoField(inserted.field, text, inserted.start, inserted.end);
    }
    const at = inserted.range.cloneRange();
    const replaced = gracious.insertIntoEditable(inserted.editor, text.replace(/\n+$/, ""), at);
    return replaced;
  };
})();
