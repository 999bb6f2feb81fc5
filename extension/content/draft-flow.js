// one click: read the compose once, ask the worker for a draft, insert it, and only then, when the
// page is idle, build the panel that refines it. a performance.mark trail times each step.
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  // used when the server is too old to list its kinds; ids match the api
  const FALLBACK_CHOICES = {
    kinds: ["thank-you", "follow-up", "withdraw", "after-rejection", "informational"].map((id) => ({ id })),
    tones: ["warm", "formal", "concise"].map((id) => ({ id })),
    channels: [],
  };
  // how long the user pauses typing before the note is checked again
  const CHECK_DELAY_MS = 400;
  // the checker's text, in utf-8 bytes: under the server's body cap whatever the script
  const CHECK_BYTES = 32 * 1024;

  const mark = (name, detail) => performance.mark(`gracious:${name}`, { detail });
  // per compose, what the last click inserted: a second click redrafts it instead of adding another
  const sessions = new WeakMap();

  // the kinds the worker listed last time, so the panel's selects are filled before the server answers
  gracious.cachedChoices = null;
  chrome.storage.local.get("choicesCache").then(({ choicesCache }) => {
    gracious.cachedChoices ??= choicesCache ?? null;
  }, () => {});

  function request(compose, state) {
    return {
      kind: state.kind ?? undefined,
      tone: state.tone ?? undefined,
      channel: compose.channel,
      variant: state.variant,
      highlights: state.highlights,
      ...state.context,
    };
  }

  function askChoices(state) {
    if (state.choices) return null;
    return gracious.ask({ type: "kinds" }).then((choices) => {
      state.choices = choices;
      gracious.cachedChoices = choices;
    }, () => {
      // the draft request beside it reports a stopped or unpaired server; here the panel just
      // falls back to the kinds it saw last, or the built-in ones
      state.choices ??= gracious.cachedChoices ?? FALLBACK_CHOICES;
    });
  }

  const freshState = (saved) => ({
    kind: null, tone: null, variant: 0, highlights: [], draft: null, inserted: null, subject: null,
    choices: null, context: null, panel: null, saved, busy: false, checkTimer: null, listening: false,
  });

  /** The session a click goes on: the last one while its note is untouched, else a fresh one. */
  function current(compose) {
    const previous = sessions.get(compose.root);
    return previous?.inserted && gracious.isUntouched(previous.inserted) ? previous : null;
  }

  const draftMessage = (compose, state) => ({
    type: "draft", request: request(compose, state), skipSignature: Boolean(compose.hasOwnSignature?.()),
  });

  function session(compose, saved) {
    const previous = current(compose);
    if (previous) return previous;
    const state = freshState(saved);
    sessions.set(compose.root, state);
    return state;
  }

  /** The panel for this session, built on first need. */
  function panelFor(compose, state) {
    state.panel ??= gracious.openPanel({
      onKind(kind) { Object.assign(state, { kind, variant: 0 }); run(compose, state); },
      onTone(tone) { Object.assign(state, { tone, variant: 0 }); run(compose, state); },
      onAnotherVersion() { state.variant += 1; run(compose, state); },
      onDetail(detail) { state.highlights = [detail]; run(compose, state); },
      onRetry() { run(compose, state); },
      onRemind: (days) => remind(compose, state, days),
      onClose() {
        clearTimeout(state.checkTimer);
        state.panel = null;
        compose.editor()?.focus({ preventScroll: true });
      },
    }, compose);
    return state.panel;
  }

  async function checkNow(compose, state) {
    const editor = compose.editor();
    if (!editor || !state.draft || !state.panel) return;
    try {
      const report = await gracious.ask({
        type: "check", text: gracious.clipBytes(gracious.noteText(compose, editor), CHECK_BYTES),
        subject: compose.subjectField?.()?.value, draft: state.draft, thread: state.context.thread,
      });
      state.panel?.showChecks(report);
    } catch {
      // the checker is advice: a failure leaves the last findings in place
    }
  }

  function showCount(compose, state) {
    const limit = state.choices?.channels?.find((channel) => channel.id === compose.channel)?.limit;
    const editor = compose.editor();
    if (compose.channel.startsWith("linkedin") && limit && editor) {
      state.panel?.showCount(gracious.noteText(compose, editor).length, limit);
    }
  }

  function listenForEdits(compose, state) {
    if (state.listening) return;
    state.listening = true;
    compose.editor()?.addEventListener("input", () => {
      showCount(compose, state);
      clearTimeout(state.checkTimer);
      state.checkTimer = setTimeout(() => checkNow(compose, state), CHECK_DELAY_MS);
    });
  }

  /** Fill the panel once the note is in: after the insertion, when the page is idle. */
  function showOutcome(compose, state, placed) {
    const panel = panelFor(compose, state);
    const { t } = gracious;
    const { draft } = state;
    panel.showChoices(state.choices ?? gracious.cachedChoices ?? FALLBACK_CHOICES, state);
    panel.setBusy(false, placed === "kept" ? t("panelKeptYours") : state.inserted.truncated ? t("panelShortened") : t("panelInserted"));
    panel.showGuide(draft.kind);
    panel.showRemind(["thank-you", "follow-up"].includes(draft.kind));
    showCount(compose, state);
    listenForEdits(compose, state);
    checkNow(compose, state);
    mark("panel-built");
  }

  function failed(compose, state, error) {
    const panel = panelFor(compose, state);
    panel.setBusy(false);
    panel.showProblem(error);
    compose.button?.setBusy?.(false);
  }

  async function run(compose, state) {
    if (state.busy) return;
    state.busy = true;
    state.panel?.hideProblem();
    state.panel?.setBusy(true, gracious.t("panelDrafting"));
    try {
      state.context ??= compose.context();
      mark("context-read");
      const message = draftMessage(compose, state);
      mark("draft-sent");
      const { draft, workerMs } = await (gracious.takeDraftAhead(compose.root, message) ?? gracious.askDraft(message));
      mark("draft-received", { workerMs });
      Object.assign(state, { draft, kind: draft.kind, tone: draft.tone, variant: draft.variant });
      const placed = await gracious.placeDraft(compose, state, draft, {
        saved: state.saved, askToReplace: () => panelFor(compose, state).askToReplace(),
      });
      mark("inserted");
      // the panel's kinds, asked only now: nothing else talks to the worker before the note is in
      await askChoices(state);
      if (placed === "inserted") afterInsertion(compose, state, draft);
      const show = () => showOutcome(compose, state, placed);
      if (state.panel) show();
      else (globalThis.requestIdleCallback ?? setTimeout)(show, { timeout: 300 });
    } catch (error) {
      failed(compose, state, error);
    } finally {
      state.busy = false;
    }
  }

  function afterInsertion(compose, state, draft) {
    gracious.ask({ type: "inserted", draft, thread: state.context.thread, site: compose.site }).catch(() => {});
    gracious.watchSent?.(compose, draft);
  }

  async function remind(compose, state, days) {
    const { t } = gracious;
    try {
      const reminder = await gracious.ask({ type: "remind", days, draft: state.draft, thread: state.context.thread });
      state.panel?.setBusy(false, t("panelReminderSet", [String(reminder?.due ?? "").slice(0, 10)]));
    } catch (error) {
      state.panel?.setBusy(false, t("panelReminderFailed", [error.type === "server-down" ? "gracious serve" : error.message]));
    }
  }

  /** Ask early for the note a first click on this compose would insert (a redraft waits for its click). */
  gracious.prepareDraft = (compose) => {
    // the click compares its own request with the early one: no need to read the compose twice here
    if (gracious.hasDraftAhead(compose.root) || current(compose) || sessions.get(compose.root)?.busy) return;
    const state = freshState(null);
    state.context = compose.context();
    gracious.draftAhead(compose.root, draftMessage(compose, state));
    mark("draft-ahead");
  };

  /** Run the one-click flow for a compose, with the selection saved when the button was pressed. */
  gracious.draftInto = (compose, saved) => {
    mark("draft-start");
    const state = session(compose, saved);
    if (!state.inserted) state.saved = saved;
    return run(compose, state);
  };
})();
