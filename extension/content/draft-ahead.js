// a draft asked for as soon as the pointer or keyboard focus reaches the button, so the click only
// waits for what is left of that round trip. the request is pure (the server keeps nothing of a
// draft), and the click uses the answer only when it would have sent the very same request.
// wrapped so the context menu can inject this file again without redeclaring its constants
(() => {
  // a hand rests on a button for well under this; an older answer is asked for again
  const FRESH_MS = 3000;
  let early = new WeakMap();
  // a changed setting (tone, kind, signature, server) may change the answer: forget every early one
  chrome.storage.onChanged.addListener(() => { early = new WeakMap(); });

  /** Ask the worker for a draft; resolves to the draft and the worker's own share of the time. */
  gracious.askDraft = (message) => {
    let workerMs = null;
    return gracious.ask(message, (reply) => { workerMs = reply.spent; }).then((draft) => ({ draft, workerMs }));
  };

  /** Start the draft a click on this compose would ask for, unless the same one is on its way. */
  gracious.draftAhead = (root, message) => {
    const key = JSON.stringify(message);
    const known = early.get(root);
    if (known?.key === key && performance.now() - known.at < FRESH_MS) return;
    const answer = gracious.askDraft(message);
    // a hover that never becomes a click leaves its failure unread
    answer.catch(() => {});
    early.set(root, { key, at: performance.now(), answer });
  };

  /** Whether an early answer for this compose is recent enough to be worth checking at the click. */
  gracious.hasDraftAhead = (root) => performance.now() - (early.get(root)?.at ?? -Infinity) < FRESH_MS;

  /** The early answer to exactly this message, taken once; a failed one is asked for again. */
  gracious.takeDraftAhead = (root, message) => {
    const known = early.get(root);
    early.delete(root);
    if (!known || known.key !== JSON.stringify(message) || performance.now() - known.at >= FRESH_MS) return null;
    return known.answer.catch(() => gracious.askDraft(message));
  };
})();
