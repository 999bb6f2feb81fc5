// one click: gather context, ask the worker for a draft, insert it, then let the panel refine it
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  // used when the server is too old to list its kinds; ids match the api
  const FALLBACK_CHOICES = {
    kinds: ["thank-you", "follow-up", "withdraw", "after-rejection", "informational"].map((id) => ({ id })),
    tones: ["warm", "formal", "concise"].map((id) => ({ id })),
    channels: [],
  };

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
      range.setStart(editor, 0);
    }
    range.collapse(true);
    return range;
  }

  function insertFresh(compose, editor, text, saved) {
    if (gracious.isTextField(editor)) {
      const empty = editor.value.trim() === "";
      const at = empty ? 0 : (saved?.fieldEnd ?? editor.value.length);
      const end = empty ? editor.value.length : at;
      // keep the note off the user's own line in a multi-line field
      const lead = editor.tagName === "TEXTAREA" && at > 0 && editor.value[at - 1] !== "\n" ? "\n\n" : "";
      const inserted = gracious.insertIntoField(editor, lead + text, at, end);
      const kept = inserted.text.startsWith(lead) ? lead.length : 0;
      return { ...inserted, start: inserted.start + kept, text: inserted.text.slice(kept) };
    }
    return gracious.insertIntoEditable(editor, text, insertionPoint(compose, editor, saved?.range));
  }

  const sameText = (a, b) => a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();

  /** The note as it would be sent: the editor's text without quoted history. */
  function noteText(compose, editor) {
    if (gracious.isTextField(editor)) return editor.value;
    let text = editor.innerText ?? "";
    for (const quote of compose.quoteSelector ? editor.querySelectorAll(compose.quoteSelector) : []) {
      text = text.replace(quote.innerText, "");
    }
    return text.trim();
  }

  // how long the user pauses typing before the note is checked again
  const CHECK_DELAY_MS = 400;

  /** Run the one-click flow for a compose, with the selection saved when the button was pressed. */
  // per compose, what the last click inserted: a second click redrafts it instead of adding another
  const sessions = new WeakMap();

  gracious.draftInto = (compose, saved) => {
    const { t } = gracious;
    const previous = sessions.get(compose.root);
    const state = previous?.inserted && gracious.isUntouched(previous.inserted) ? previous
      : { kind: null, tone: null, variant: 0, highlights: [], draft: null, inserted: null, subject: null, choices: null };
    sessions.set(compose.root, state);
    let editorListener = null;

    const panel = gracious.openPanel({
      onKind(kind) { Object.assign(state, { kind, variant: 0 }); run(); },
      onTone(tone) { Object.assign(state, { tone, variant: 0 }); run(); },
      onAnotherVersion() { state.variant += 1; run(); },
      onDetail(detail) { state.highlights = [detail]; run(); },
      onRetry() { run(); },
      onRemind: remind,
      onClose() {
        if (editorListener) compose.editor()?.removeEventListener("input", editorListener);
        clearTimeout(checkTimer);
        compose.editor()?.focus({ preventScroll: true });
      },
    });

    function request() {
      return {
        kind: state.kind ?? undefined,
        tone: state.tone ?? undefined,
        channel: compose.channel,
        variant: state.variant,
        highlights: state.highlights,
        ...compose.context(),
      };
    }

    /** Put the draft in the compose; says whether it "inserted", left it "unchanged", or "kept" the user's edits. */
    async function place(draft) {
      const editor = compose.editor();
      if (!editor) throw Object.assign(new Error(t("panelComposeGone")), { type: "failure" });
      let outcome = "inserted";
      if (!state.inserted) {
        state.inserted = insertFresh(compose, editor, draft.body, saved);
      } else if (gracious.isUntouched(state.inserted) && sameText(state.inserted.text, draft.body)) {
        outcome = "unchanged";
      } else if (gracious.isUntouched(state.inserted) || await panel.askToReplace()) {
        state.inserted = gracious.replaceInserted(state.inserted, draft.body);
      } else {
        return "kept";
      }
      const subjectField = compose.subjectField?.();
      if (subjectField && state.subject !== null && subjectField.value === state.subject) {
        // the subject is ours from the previous version, so it may follow the new one
        subjectField.value = "";
      }
      if (gracious.fillEmptyField(subjectField, draft.subject)) state.subject = subjectField.value;
      return outcome;
    }

    function showCount() {
      const limit = state.choices?.channels?.find((channel) => channel.id === compose.channel)?.limit;
      const editor = compose.editor();
      if (compose.channel.startsWith("linkedin") && limit && editor) panel.showCount(noteText(compose, editor).length, limit);
    }

    let checkTimer = null;
    async function checkNow() {
      const editor = compose.editor();
      if (!editor || !state.draft) return;
      try {
        const report = await gracious.ask({
          type: "check", text: noteText(compose, editor), subject: compose.subjectField?.()?.value,
          draft: state.draft, thread: compose.context().thread,
        });
        panel.showChecks(report, state.choices.serverUrl);
      } catch {
        // the checker is advice: a failure leaves the last findings in place
      }
    }

    function onEdit() {
      showCount();
      clearTimeout(checkTimer);
      checkTimer = setTimeout(checkNow, CHECK_DELAY_MS);
    }

    async function run() {
      panel.hideProblem();
      panel.setBusy(true, t("panelDrafting"));
      let draft;
      try {
        state.choices ??= await gracious.ask({ type: "kinds" }).catch((error) => {
          if (["server-down", "disconnected"].includes(error.type)) throw error;
          return FALLBACK_CHOICES;
        });
        draft = await gracious.ask({ type: "draft", request: request() });
      } catch (error) {
        panel.setBusy(false);
        panel.showProblem(error);
        return;
      }
      Object.assign(state, { draft, kind: draft.kind, tone: draft.tone, variant: draft.variant });
      panel.showChoices(state.choices, state);
      let placed;
      try {
        placed = await place(draft);
      } catch (error) {
        panel.setBusy(false);
        panel.showProblem(error);
        return;
      }
      const kept = placed === "kept";
      panel.setBusy(false, kept ? t("panelKeptYours") : state.inserted.truncated ? t("panelShortened") : t("panelInserted"));
      const guide = state.choices.kinds.find((kind) => kind.id === draft.kind)?.guide;
      panel.showGuide(guide !== undefined && state.choices.guideRoot ? state.choices.guideRoot + guide : null);
      panel.showRemind(["thank-you", "follow-up"].includes(draft.kind));
      showCount();
      checkNow();
      if (!editorListener) {
        editorListener = onEdit;
        compose.editor()?.addEventListener("input", editorListener);
      }
      if (placed === "inserted") gracious.ask({ type: "inserted", draft, thread: compose.context().thread, site: compose.site }).catch(() => {});
      if (placed === "inserted") gracious.watchSent?.(compose, { draft, site: compose.site });
    }

    async function remind(days) {
      try {
        const reminder = await gracious.ask({ type: "remind", days, draft: state.draft, thread: compose.context().thread });
        panel.setBusy(false, t("panelReminderSet", [String(reminder?.due ?? "").slice(0, 10)]));
      } catch (error) {
        panel.setBusy(false, t("panelReminderFailed", [error.type === "server-down" ? "gracious serve" : error.message]));
      }
    }

    run();
    return panel;
  };
})();
