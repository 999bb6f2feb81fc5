// inserting text so the page's own editor notices, with one strategy per editor (sites.md):
// execCommand('insertText') line by line for contenteditable editors, a synthetic paste only for
// editors known to need one, setRangeText for fields. a page that cancels a paste may insert it
// later (roosterjs does), so nothing else runs until the editor changed or the wait ran out, and
// the result is verified: the note must be there exactly once. every path inserts text, never markup.
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  // editors that take text only through a paste or a beforeinput event, by their own class names
  const KNOWN_EDITORS = [
    // prosemirror, draft.js, ckeditor 5 and quill read pasted text from the event's clipboard
    { strategy: "paste", selector: ".ProseMirror, .public-DraftEditor-content, .ck-editor__editable, .ql-editor" },
    // lexical and slate handle beforeinput themselves
    { strategy: "beforeinput", selector: "[data-lexical-editor], [data-slate-editor]" },
  ];
  // how long a cancelled paste may take to land before anything else is tried
  const PASTE_WAIT_MS = 1500;
  // how long a late paste is still watched for after a fallback, to take its copy out again
  const LATE_PASTE_MS = 4000;
  // chromium splits one insertText at its line breaks into the same paragraphs as a command per
  // line, in half the time and with one input event for the page; firefox would make them <br>s
  const ONE_COMMAND = !navigator.userAgent.includes("Firefox/");

  const withoutSpace = (text) => (text ?? "").replace(/\s+/g, "");

  /** Whether an element is a textarea or text input rather than a rich editor. */
  gracious.isTextField = (element) => ["TEXTAREA", "INPUT"].includes(element?.tagName);

  /** The one insertion strategy for an editor. */
  gracious.editorStrategy = (editor) => {
    if (gracious.isTextField(editor)) return "field";
    const known = KNOWN_EDITORS.find(({ selector }) => editor.matches(selector) || editor.closest(selector));
    return known?.strategy ?? "execCommand";
  };

  /** Every place the text sits in the editor, matched without regard to whitespace or markup. */
  gracious.findText = (editor, text) => {
    const needle = withoutSpace(text);
    if (!needle) return [];
    const nodes = [];
    const offsets = [];
    let chars = "";
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const { data } = walker.currentNode;
      for (let index = 0; index < data.length; index++) {
        if (/\s/.test(data[index])) continue;
        chars += data[index];
        nodes.push(walker.currentNode);
        offsets.push(index);
      }
    }
    const ranges = [];
    for (let at = chars.indexOf(needle); at !== -1; at = chars.indexOf(needle, at + needle.length)) {
      const range = document.createRange();
      const last = at + needle.length - 1;
      range.setStart(nodes[at], offsets[at]);
      range.setEnd(nodes[last], offsets[last] + 1);
      ranges.push(range);
    }
    return ranges;
  };

  function execCommandLines(text) {
    if (ONE_COMMAND) return document.execCommand("insertText", false, text);
    // line by line: firefox turns "\n" into <br>, and paragraphs are what mail editors expect
    let worked = true;
    text.split("\n").forEach((line, index) => {
      if (index > 0) worked = document.execCommand("insertParagraph") && worked;
      if (line) worked = document.execCommand("insertText", false, line) && worked;
    });
    return worked;
  }

  function insertNodes(editor, text) {
    const range = gracious.rangeIn(editor);
    if (!range) return;
    range.deleteContents();
    const fragment = document.createDocumentFragment();
    text.split("\n").forEach((line, index) => {
      if (index > 0) fragment.append(document.createElement("br"));
      fragment.append(document.createTextNode(line));
    });
    range.insertNode(fragment);
    editor.dispatchEvent(new InputEvent("input", { inputType: "insertText", data: text, bubbles: true }));
  }

  /** Wait until the check holds after a change to the editor, or the time runs out. */
  function changed(editor, check, timeout) {
    if (check()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (value) => { watcher.disconnect(); clearTimeout(timer); resolve(value); };
      const watcher = new MutationObserver(() => { if (check()) done(true); });
      const timer = setTimeout(() => done(check()), timeout);
      watcher.observe(editor, { childList: true, subtree: true, characterData: true });
    });
  }

  /** Run the synchronous path; only when it left the editor untouched may plain nodes follow. */
  function insertByCommand(editor, text, landed) {
    const before = editor.textContent;
    execCommandLines(text);
    if (landed()) return "execCommand";
    // execCommand is synchronous: if nothing changed, nothing of it can arrive later
    if (editor.textContent !== before) return "execCommand";
    insertNodes(editor, text);
    return "nodes";
  }

  async function insertByEvent(editor, text, landed, strategy, onLate) {
    let event;
    if (strategy === "paste") {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      // gecko's ClipboardEventInit ignores clipboardData and fills the event's own from dataType and data
      event = new ClipboardEvent("paste", {
        clipboardData: data, dataType: "text/plain", data: text, bubbles: true, cancelable: true, composed: true,
      });
    } else {
      event = new InputEvent("beforeinput", { inputType: "insertText", data: text, bubbles: true, cancelable: true, composed: true });
    }
    editor.dispatchEvent(event);
    // nobody took the event: the browser itself does nothing with a synthetic one
    if (!event.defaultPrevented) return insertByCommand(editor, text, landed);
    if (await changed(editor, landed, PASTE_WAIT_MS)) return strategy;
    // the page cancelled it and nothing landed in time: fall back, but keep watching for it
    onLate();
    return `${insertByCommand(editor, text, landed)}-after-${strategy}`;
  }

  /** Take out copies of the note beyond the expected number, through the editor's own delete. */
  gracious.removeDuplicates = (editor, text, expected) => {
    const copies = gracious.findText(editor, text);
    let removed = 0;
    for (const extra of copies.slice(expected).reverse()) {
      editor.focus({ preventScroll: true });
      gracious.select(editor, extra);
      if (!document.execCommand("delete")) extra.deleteContents();
      removed += 1;
    }
    return removed;
  };

  /** Whether the paragraph around a collapsed point has text on one side of it. */
  function lineHasText(editor, point, direction) {
    const selection = gracious.select(editor, point);
    try {
      selection.modify("extend", direction, "paragraphboundary");
    } catch {
      // firefox knows only the line granularities
      selection.modify("extend", direction, "lineboundary");
    }
    return selection.toString().trim() !== "";
  }

  /** The line breaks that keep a note off the user's own lines before and after it. */
  function separators(editor, at) {
    if (!at.collapsed) return { before: "", after: "" };
    return {
      before: lineHasText(editor, at.cloneRange(), "backward") ? "\n\n" : "",
      after: lineHasText(editor, at.cloneRange(), "forward") ? "\n\n" : "",
    };
  }

  /** Insert plain text into a rich editor at a range, verified; returns what went in and how. */
  gracious.insertIntoEditable = async (editor, text, at, strategy = gracious.editorStrategy(editor)) => {
    editor.focus({ preventScroll: true });
    const { before: lead, after: trail } = separators(editor, at);
    const full = `${lead}${text}${trail}`;
    const expected = gracious.findText(editor, text).length + 1;
    const landed = () => gracious.findText(editor, text).length >= expected;
    gracious.select(editor, at);
    const watchLate = () => changed(editor, () => gracious.findText(editor, text).length > expected, LATE_PASTE_MS)
      .then((late) => { if (late) gracious.recordHealth?.(null, "duplicatesRemoved", gracious.removeDuplicates(editor, text, expected)); });
    const method = strategy === "execCommand" ? insertByCommand(editor, full, landed)
      : await insertByEvent(editor, full, landed, strategy, watchLate);
    const duplicates = gracious.removeDuplicates(editor, text, expected);
    if (!landed()) throw Object.assign(new Error(gracious.t("panelNotInserted")), { type: "failure" });
    return { editor, text, method, strategy, duplicates };
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
    return { field, text: fitted, method: "field", duplicates: 0, truncated: fitted.length < text.length };
  };

  /** Put a subject into a subject field, but only when it is empty. */
  gracious.fillEmptyField = (field, value) => {
    if (!field || !value || field.value.trim() !== "") return false;
    field.setRangeText(value.slice(0, field.maxLength > 0 ? field.maxLength : undefined), 0, field.value.length, "end");
    field.dispatchEvent(new InputEvent("input", { inputType: "insertText", data: value, bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
    return true;
  };

  /** Whether the note the extension inserted is still there, word for word (wherever the caret is). */
  gracious.isUntouched = (inserted) => {
    if (inserted.field) return inserted.field.isConnected && inserted.field.value.includes(inserted.text);
    return inserted.editor.isConnected && gracious.findText(inserted.editor, inserted.text).length > 0;
  };

  /** Replace the note the extension inserted earlier with a new version, found by its text. */
  gracious.replaceInserted = async (inserted, text) => {
    if (inserted.field) {
      const start = inserted.field.value.indexOf(inserted.text);
      if (start === -1) return gracious.insertIntoField(inserted.field, text, inserted.field.value.length, inserted.field.value.length);
      return gracious.insertIntoField(inserted.field, text, start, start + inserted.text.length);
    }
    const [at] = gracious.findText(inserted.editor, inserted.text);
    return gracious.insertIntoEditable(inserted.editor, text.replace(/\n+$/, ""), at, inserted.strategy);
  };
})();
