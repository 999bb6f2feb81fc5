// a compose the popup opened for an agenda item: put its note in once the compose appears
(() => {
  if (gracious.agendaComposeStarted) return;
  gracious.agendaComposeStarted = true;

  function whenComposeAppears(site, callback) {
    let taken = false;
    gracious.observe(site.watch, (element) => {
      const compose = taken ? null : site.composeFor(element);
      if (!compose?.editor()) return;
      taken = true;
      callback(compose);
    });
  }

  async function placeNote(compose, note) {
    const editor = compose.editor();
    const range = document.createRange();
    range.setStart(editor, 0);
    range.collapse(true);
    if (gracious.isTextField(editor)) gracious.insertIntoField(editor, note.draft.body, 0, editor.value.length);
    else gracious.insertIntoEditable(editor, note.draft.body, range);
    gracious.fillEmptyField(compose.subjectField?.(), note.draft.subject);
    gracious.watchSent(compose, { ...note, site: compose.site });
    await gracious.ask({ type: "inserted", draft: note.draft, thread: compose.context().thread, site: compose.site })
      .catch(() => {});
  }

  async function start() {
    const site = gracious.sites.find((known) => known.hosts.includes(location.hostname));
    if (!site) return;
    const note = await gracious.ask({ type: "pending-note" }).catch(() => null);
    if (note?.draft?.body) whenComposeAppears(site, (compose) => placeNote(compose, note));
  }

  start();
})();
