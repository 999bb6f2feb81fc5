"""A small page API over Marionette, in the spirit of Playwright's, for the firefox tests."""

from __future__ import annotations

from tests.e2e.scenarios import BUTTON, COVER, PANEL
from tests.firefox.harness import Marionette, Wait, errors

__all__ = ["BUTTON", "PANEL", "FirefoxTab"]

# querySelector that looks inside open shadow roots too, as Playwright's locators do: linkedin's
# newer pages put their composes under #interop-outlet's shadow root
DEEP = """const deepAll = (css, root = document) => [...root.querySelectorAll(css),
    ...[...root.querySelectorAll('*')].filter(e => e.shadowRoot)
      .flatMap(e => deepAll(css, e.shadowRoot))];
const deep = (css) => deepAll(css)[0] ?? null;
"""
# inside the panel's frame: a control shown and within the frame's current height
IN_FRAME = ("(part => part && part.checkVisibility() && "
            "part.getBoundingClientRect().bottom <= innerHeight)"
            "(document.querySelector(arguments[0]))")
FOLDED = ("(chip => Boolean(chip && chip.checkVisibility()))"
          "(document.querySelector('[data-testid=gracious-chip]'))")


class FirefoxTab:
    """The one tab the suite drives."""

    def __init__(self, client: Marionette, timeout: float = 10):
        self.client = client
        self.timeout = timeout

    def goto(self, url: str) -> None:
        """Load a URL and wait for its load event."""
        self.client.navigate(url)

    def js(self, script: str, *args):
        """Run a function body in the page (Xray view) with deep(); `arguments` holds args."""
        return self.client.execute_script(DEEP + script, script_args=list(args))

    def page_eval(self, expression: str):
        """Evaluate an expression in the page's own scope, as its scripts see it (no CSP pages)."""
        return self.js("return window.wrappedJSObject.eval(arguments[0]);", expression)

    def page_call(self, function: str, css: str) -> None:
        """Call a page-scope function on an element: events it makes carry the page's own data."""
        # a content-side DataTransfer reaches page handlers empty in firefox, so build it there
        self.js("window.wrappedJSObject.eval(`(${arguments[0]})`)(deep(arguments[1]));",
                function, css)

    def page_value(self, expression: str):
        """A value the page's own scripts set on window."""
        return self.js(f"return window.wrappedJSObject.{expression};")

    def wait_for(self, condition: str, *args, message: str = "") -> object:
        """Wait until a javascript expression is truthy; returns its value."""
        script = f"{DEEP}return ({condition});"
        try:
            return Wait(self.client, timeout=self.timeout, interval=0.05).until(
                lambda client: client.execute_script(script, script_args=list(args)),
                message=message or f"waited for {condition}",
            )
        except errors.TimeoutException as error:
            raise AssertionError(f"{message or condition}: still false") from error

    def find(self, css: str):
        """The first element matching a selector, in the document or an open shadow root."""
        element = self.js("return deep(arguments[0])", css)
        assert element is not None, f"nothing matches {css}"
        return element

    def count(self, css: str) -> int:
        """How many elements match a selector, shadow roots included."""
        return self.js("return deepAll(arguments[0]).length", css)

    def text(self, css: str) -> str:
        """What a field or rich editor shows."""
        return self.js("const e = deep(arguments[0]); return e.value ?? e.innerText;", css)

    def disabled(self, css: str) -> bool:
        """Whether a control is disabled (a div[role=button] says so with aria-disabled)."""
        return self.js("const e = deep(arguments[0]);"
                       "return e.disabled ?? e.getAttribute('aria-disabled') === 'true'", css)

    def cover(self, editor: str) -> float:
        """How much of the editor the panel's frame covers, from 0 to 1."""
        self.wait_for("document.querySelector(arguments[0])?.checkVisibility()", PANEL,
                      message="the panel to show")
        return self.js(f"return ({COVER})([document.querySelector(arguments[0]), "
                       "deep(arguments[1])]);", PANEL, editor)

    def click(self, css: str) -> None:
        """Click an element the way a user does (trusted events)."""
        self.find(css).click()

    def fill(self, css: str, text: str) -> None:
        """Replace a field's value by typing into it."""
        field = self.find(css)
        field.clear()
        field.send_keys(text)

    def _in_panel(self, frame_script: str, shadow_script: str, *args):
        """Run a script against the panel, in its extension frame or its shadow root."""
        host = self.js("return document.querySelector(arguments[0])", PANEL)
        if host is None:
            return None
        if self.js("return arguments[0].tagName", host) != "IFRAME":
            return self.js(f"const root = arguments[0].shadowRoot; {shadow_script}", host, *args)
        # an extension-origin frame: the page can't see in, but marionette can switch into it
        self.client.switch_to_frame(host)
        try:
            return self.js(f"const root = document; {frame_script}", *args)
        finally:
            self.client.switch_to_parent_frame()

    def panel_text(self, test_id: str) -> str:
        """The text of a part of the panel, or '' when it is absent."""
        script = "return root?.querySelector(`[data-testid=${arguments[0]}]`)?.textContent ?? '';"
        return self._in_panel(script, script.replace("arguments[0]", "arguments[1]"),
                              test_id) or ""

    def panel_shows(self, test_id: str) -> bool:
        """Whether a part of the panel is there and visible."""
        script = ("const part = root?.querySelector(`[data-testid=${arguments[0]}]`);"
                  "return Boolean(part && part.checkVisibility());")
        return bool(self._in_panel(script, script.replace("arguments[0]", "arguments[1]"),
                                   test_id))

    def click_panel(self, test_id: str) -> None:
        """Click a control of the panel the way a user does."""
        host = self.find(PANEL)
        if host.tag_name.lower() == "iframe":
            self.client.switch_to_frame(host)
            try:
                target = f"[data-testid={test_id}]"
                if test_id != "gracious-chip":
                    self._open_if_folded(target)
                # the page resizes the frame a frame later: wait until the control is inside it
                self.wait_for(IN_FRAME, target, message=f"{test_id} in the panel")
                self._click_when_interactable(target)
            finally:
                self.client.switch_to_parent_frame()
            return
        part = self.js("return arguments[0].shadowRoot.querySelector(arguments[1])",
                       host, f"[data-testid={test_id}]")
        assert part is not None, f"no {test_id} in the panel"
        part.click()

    def _open_if_folded(self, target: str) -> None:
        """Open the chip the panel folds to for want of room, as a user would (inside its frame)."""
        # the fold can come a moment after the note is in: wait for one state or the other
        state = self.wait_for(f"({FOLDED}) ? 'folded' : (({IN_FRAME}) && 'open')", target,
                              message="the panel open or folded to its chip")
        if state == "folded":
            self._click_when_interactable("[data-testid=gracious-chip]")

    def _click_when_interactable(self, css: str) -> None:
        """Click once the frame around the control is shown; the page reveals it a frame later."""
        def clicked(_):
            try:
                self.find(css).click()
            except errors.ElementNotInteractableException:
                return False
            return True

        Wait(self.client, timeout=self.timeout, interval=0.05).until(
            clicked, message=f"{css} could not be clicked")

    def another_version(self, editor: str) -> str:
        """Ask the panel for another version; return the editor's text once it changed."""
        before = self.text(editor)
        self.click_panel("gracious-another")
        self.wait_for("(e => (e.value ?? e.innerText) !== arguments[1])(deep(arguments[0]))",
                      editor, before, message="another version in the editor")
        self.wait_for_status("Inserted")
        return self.text(editor)

    def wait_for_status(self, text: str) -> None:
        """Wait until the panel's status line says something containing text."""
        try:
            Wait(self.client, timeout=self.timeout, interval=0.1).until(
                lambda _: text in self.panel_text("gracious-status"))
        except errors.TimeoutException as error:
            status = self.panel_text("gracious-status")
            raise AssertionError(f"the panel says {status!r}, not {text!r}") from error
