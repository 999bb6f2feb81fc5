// injected last by the context menu and the shortcut: draft into the field the user is in
gracious.draftFocusedField();
