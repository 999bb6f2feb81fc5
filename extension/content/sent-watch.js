// sent means done: when the user sends a compose holding a note we inserted, tell the worker once.
// only the user's own trusted click on the site's Send (or Ctrl/Cmd+Enter in the editor) counts;
// gracious never sends anything itself, and the page cannot fake either event
(() => {
  const watched = new WeakMap();

  function isSendKey(event) {
    return event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey;
  }

  function stillThere(compose) {
    const editor = compose.editor?.();
    const text = gracious.isTextField?.(editor) ? editor.value : editor?.textContent ?? "";
    return text.trim() !== "";
  }

  /** Watch a compose for the user's own send; a later note for the same compose replaces this one. */
  gracious.watchSent = (compose, given) => {
    // draft-flow hands over the draft itself; the agenda's compose a note holding its reminder
    const note = given?.draft ? given : { draft: given };
    const previous = watched.get(compose.root);
    previous?.stop();
    let done = false;
    const onClick = (event) => {
      const send = compose.sendButton?.();
      if (event.isTrusted && send && event.target instanceof Node && send.contains(event.target)) report();
    };
    const onKey = (event) => {
      const editor = compose.editor?.();
      if (event.isTrusted && isSendKey(event) && editor && event.target instanceof Node && editor.contains(event.target)) report();
    };
    function stop() {
      // capture on window: the page's own handlers may remove the compose as it sends
      window.removeEventListener("click", onClick, true);
      window.removeEventListener("keydown", onKey, true);
      watched.delete(compose.root);
    }
    function report() {
      if (done || !stillThere(compose)) return;
      done = true;
      stop();
      gracious.ask({ type: "sent", note: { ...note, site: note?.site ?? compose.site } }).catch(() => {});
    }
    window.addEventListener("click", onClick, true);
    window.addEventListener("keydown", onKey, true);
    watched.set(compose.root, { stop });
    return stop;
  };
})();
