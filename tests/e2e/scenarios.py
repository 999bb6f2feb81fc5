"""The live-site scenarios both browsers run: addresses, selectors, expectations, in one place.

The Chromium suite (tests/e2e) and the Firefox suite (tests/firefox) import these, so a scenario
changed here changes in both. Nothing here depends on a browser driver.
"""

from __future__ import annotations

BUTTON = "[data-testid=gracious-draft-button]"
PANEL = "[data-testid=gracious-panel]"

PROFILE = {"name": "Alex Rivera", "signature": "Alex Rivera\n+1 555 0100"}
SIGNATURE_LINE = PROFILE["signature"].splitlines()[-1]

# what the real gmail sends: assigning innerHTML anywhere on the page throws
GMAIL_CSP = "require-trusted-types-for 'script'"
OUTLOOK_HOSTS = ("outlook.live.com", "outlook.office.com", "outlook.office365.com",
                 "outlook.cloud.microsoft")

# the panel may cover at most this share of the editor it asks the user to review
MAX_COVER = 0.1
# the share of the editor's area the panel's frame covers, measured in the page
COVER = """([frame, editor]) => {
    const a = frame.getBoundingClientRect();
    const b = editor.getBoundingClientRect();
    const w = Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left));
    const h = Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    return (w * h) / Math.max(1, b.width * b.height);
}"""

GMAIL = "https://mail.google.com/mail/u/0/"
# (compose variant, greeting): pop-up, full-screen and inline reply, each to its own recipient
GMAIL_COMPOSES = [("popup", "Hi Jane"), ("fullscreen", "Hi Sam"), ("inline", "Hi Jane")]
GMAIL_LANGUAGES = ["en", "de"]
GMAIL_OWN_SIGNATURE = "Alex R. | Acme design"
# [<col> count, cell count] of gmail's toolbar table: kept equal through re-renders
TOOLBAR_CELLS_AND_COLS = """() => { const t = document.querySelector('table.IZ');
    return [t.querySelectorAll('col').length, t.querySelector('tr.btC').cells.length]; }"""
TOOLBAR_HAS_BUTTON = "() => document.querySelector('tr.btC [data-testid=gracious-draft-button]')"
TOOLBAR_CELLS = 3

OUTLOOK_GREETING = "Hi Priya"
OUTLOOK_RECIPIENT = "Priya Patel"
OUTLOOK_OWN_SIGNATURE = "Initech design team"
ROOSTER_TEXT = "roosterjs.exportContent(editor, 'PlainText')"
# how many pastes went through roosterjs's own paste pipeline (its beforePaste plugin event)
ROOSTER_PASTES = "window.pastes ?? 0"

# (form id, greeting): the conversation's own form and an overlay bubble to another partner
LINKEDIN_FORMS = [("main-form", "Hi Jane"), ("bubble-form", "Hi Sam")]
# light DOM, and the newer pages' open shadow root under #interop-outlet
SHADOWS = [False, True]
SHADOW_IDS = ["light-dom", "interop-outlet"]
LINKEDIN_MESSAGE_LIMIT = 600
INVITE_GREETING = "Hi Jane"
INVITE_LIMIT = 200
# what a user typed into the invitation box before asking for a note
INVITE_TYPED = "Hi Jane! " * 15
# linkedin's own paste handler runs (here for a pasted link) and leaves the caret at the start;
# gecko's ClipboardEventInit ignores clipboardData and takes its own dataType and data instead
LINKEDIN_PASTE = """e => {
    const d = new DataTransfer();
    d.setData('text/plain', 'P.S. a link');
    const init = {clipboardData: d, dataType: 'text/plain', data: 'P.S. a link',
                  bubbles: true, cancelable: true};
    e.dispatchEvent(new ClipboardEvent('paste', init));
}"""
LINKEDIN_PASTED = "P.S. a link"


def gmail_url(query: str) -> str:
    """Gmail's inbox with the fixture's query (open=popup, hl=de, chips=avatar...)."""
    return f"{GMAIL}?{query}"


def outlook_url(host: str = "outlook.office.com", query: str = "") -> str:
    """Outlook's compose deep link on one of its hosts."""
    return f"https://{host}/mail/0/deeplink/compose{'?' + query if query else ''}"


def linkedin_messaging_url(shadow: bool = False) -> str:
    """A linkedin conversation with an overlay bubble, optionally inside #interop-outlet."""
    return f"https://www.linkedin.com/messaging/thread/2-abc123/{'?shadow=1' if shadow else ''}"


def linkedin_invite_url(shadow: bool = False) -> str:
    """A linkedin profile with the invitation dialog open, optionally inside #interop-outlet."""
    return f"https://www.linkedin.com/in/jane-doe/{'?shadow=1' if shadow else ''}"


def assert_one_note(text: str, greeting: str) -> None:
    """Exactly one note, starting where it should."""
    assert text.strip().startswith(greeting), text[:80]
    assert text.count(greeting) == 1, text
    assert text.count(SIGNATURE_LINE) == 1, text


def assert_own_signature_kept(text: str, greeting: str, signature: str) -> None:
    """The note sits above the signature the site put there, and no second one was added."""
    assert text.startswith(greeting), text[:80]
    assert SIGNATURE_LINE not in text
    assert text.count(signature) == 1
    assert text.index(greeting) < text.index(signature)


def assert_invitation(value: str, typed: str = "") -> None:
    """An invitation note that kept what the user typed and fits linkedin's box."""
    assert value.startswith(typed or INVITE_GREETING), value
    assert len(typed) < len(value) <= INVITE_LIMIT, value
    if not typed:
        assert value.count(INVITE_GREETING) == 1, value
