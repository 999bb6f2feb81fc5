"""Replica pages that vary what the live sites vary, with the checks both browsers run on them.

Each replica (tests/e2e/pages, sources cited at the top of each page) is served at a real URL of
its site; its page keeps `window.editorState[<scope id>]` from its editor's own events, as the
site's own state would. tests/e2e/test_replicas.py and tests/firefox/test_firefox_replicas.py run
the same expectations on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.e2e.scenarios import GMAIL_CSP, OUTLOOK_HOSTS, SIGNATURE_LINE


@dataclass(frozen=True)
class Replica:
    """One compose on one replica page, and what a note in it must look like."""

    id: str
    url: str
    # the compose's id: its editor, its send button and its draft button sit inside it
    scope: str
    editor: str
    greeting: str
    # a letter carries the profile's signature once; a message is signed with the name only
    letter: bool
    # draft buttons on the whole page once it has rendered (one per compose)
    buttons: int = 1
    # the page's send button inside the scope, disabled until the editor's own state has text
    send: str | None = None
    # seconds the page may take to render its composes
    render: float = 5
    # quoted history in the editor: kept once, below the note
    quote: str | None = None

    @property
    def state(self) -> str:
        """The page's own record of the editor's text."""
        return f"editorState['{self.scope}']"


# (host, path prefix, page, headers): checked before the sites' usual pages, in both browsers
REPLICA_ROUTES = [
    ("mail.google.com", "/mail/u/1/", "gmail-legacy.html", {"Content-Security-Policy": GMAIL_CSP}),
    *[(host, "/mail/inbox/", "outlook-main.html", {}) for host in OUTLOOK_HOSTS],
    ("www.linkedin.com", "/feed/", "linkedin-bubbles.html", {}),
    ("app.joinhandshake.com", "/stu/explore", "handshake-spa.html", {}),
    ("messages.indeed.com", "/conversations/r1", "indeed-late.html", {}),
    ("wellfound.com", "/jobs/applications", "wellfound-spa.html", {}),
]

# the quoted message under the legacy inline reply (gmail-legacy.html)
GMAIL_QUOTE = "Bonjour Alex, merci pour l'entretien."

REPLICAS = [
    Replica("gmail-fr-legacy-popup", "https://mail.google.com/mail/u/1/?open=popup&hl=fr",
            "legacy-popup", "[g_editable=true]", "Hi Jane", letter=True),
    Replica("gmail-ar-right-to-left-body-after-toolbar",
            "https://mail.google.com/mail/u/1/?open=popup&hl=ar&late=body",
            "legacy-popup", "[g_editable=true]", "Hi Jane", letter=True),
    Replica("gmail-ja-inline-reply", "https://mail.google.com/mail/u/1/?open=inline&hl=ja",
            "legacy-inline", "[g_editable=true]", "Hi Jane", letter=True, quote=GMAIL_QUOTE),
    Replica("gmail-ja-inline-reply-in-gA-address-only",
            "https://mail.google.com/mail/u/1/?open=inline&hl=ja&chip=email&container=gA",
            "legacy-inline", "[g_editable=true]", "Hi Jane", letter=True, quote=GMAIL_QUOTE),
    # no recipient shown and the user's own message last: the note never greets its writer
    Replica("gmail-inline-reply-no-chip-own-message-last",
            "https://mail.google.com/mail/u/1/?open=inline&chip=none",
            "legacy-inline", "[g_editable=true]", "Hi Jane", letter=True, quote=GMAIL_QUOTE),
    Replica("outlook-role-main-late", "https://outlook.cloud.microsoft/mail/inbox/id/1",
            "compose-main", "#body", "Hi Priya", letter=True, send="#send"),
    *[Replica(f"linkedin-bubbles-{where}", f"https://www.linkedin.com/feed/{query}",
              "bubble-b", "[role=textbox]", "Hi Jane", letter=False, buttons=2,
              send=".msg-form__send-button")
      for where, query in (("light-dom", ""), ("interop-outlet", "?shadow=1"))],
    Replica("linkedin-shadow-root-attached-late",
            "https://www.linkedin.com/feed/?shadow=1&attach=6000", "bubble-b", "[role=textbox]",
            "Hi Jane", letter=False, buttons=2, send=".msg-form__send-button", render=10),
    Replica("handshake-spa-late-box", "https://app.joinhandshake.com/stu/explore",
            "reply", "textarea", "Hello,", letter=False, send="#send"),
    Replica("indeed-late-rich-box-without-form", "https://messages.indeed.com/conversations/r1",
            "reply", "[contenteditable]", "Hello,", letter=True, send="#send"),
    Replica("wellfound-spa-rich-box", "https://wellfound.com/jobs/applications",
            "reply", "[contenteditable]", "Hello,", letter=True, send="#send"),
]
REPLICA_IDS = [replica.id for replica in REPLICAS]


def squash(text: str) -> str:
    """Text without its whitespace: editors and their models break lines differently."""
    return "".join(text.split())


def assert_note(replica: Replica, text: str) -> None:
    """One note, starting with its greeting, signed as its kind of note is."""
    assert text.strip().startswith(replica.greeting), text[:80]
    assert text.count(replica.greeting) == 1, text
    assert text.count(SIGNATURE_LINE) == (1 if replica.letter else 0), text
    if replica.quote:
        assert text.count(replica.quote) == 1, text
        assert text.index(replica.greeting) < text.index(replica.quote), text


def assert_state(replica: Replica, text: str, state: str | None) -> None:
    """The page's own editor state holds what the editor shows."""
    assert state is not None, f"{replica.id}: the page's editor never reported the note"
    assert squash(state) == squash(text), (state, text)
