"""A small page API over Marionette, in the spirit of Playwright's, for the firefox tests."""

from __future__ import annotations

from tests.firefox.harness import By, Marionette, Wait, errors

BUTTON = "[data-testid=gracious-draft-button]"
PANEL = "[data-testid=gracious-panel]"

# the panel lives in an open shadow root the content script attached
PANEL_PART = """
const host = document.querySelector('[data-testid=gracious-panel]');
return host?.shadowRoot?.querySelector(`[data-testid=${arguments[0]}]`) ?? null;
"""


class FirefoxTab:
    """The one tab the suite drives."""

    def __init__(self, client: Marionette, timeout: float = 10):
        self.client = client
        self.timeout = timeout

    def goto(self, url: str) -> None:
        """Load a URL and wait for its load event."""
        self.client.navigate(url)

    def js(self, script: str, *args):
        """Run a function body in the page (Xray view); `arguments` holds args."""
        return self.client.execute_script(script, script_args=list(args))

    def page_value(self, expression: str):
        """A value the page's own scripts set on window."""
        return self.js(f"return window.wrappedJSObject.{expression};")

    def wait_for(self, condition: str, *args, message: str = "") -> object:
        """Wait until a javascript expression is truthy; returns its value."""
        script = f"return ({condition});"
        try:
            return Wait(self.client, timeout=self.timeout, interval=0.05).until(
                lambda client: client.execute_script(script, script_args=list(args)),
                message=message or f"waited for {condition}",
            )
        except errors.TimeoutException as error:
            raise AssertionError(f"{message or condition}: still false") from error

    def find(self, css: str):
        """The first element matching a selector."""
        return self.client.find_element(By.CSS_SELECTOR, css)

    def count(self, css: str) -> int:
        """How many elements match a selector in the light DOM."""
        return self.js("return document.querySelectorAll(arguments[0]).length", css)

    def click(self, css: str) -> None:
        """Click an element the way a user does (trusted events)."""
        self.find(css).click()

    def fill(self, css: str, text: str) -> None:
        """Replace a field's value by typing into it."""
        field = self.find(css)
        field.clear()
        field.send_keys(text)

    def panel_part(self, test_id: str):
        """An element of the extension's panel, by its data-testid."""
        return self.js(PANEL_PART, test_id)

    def panel_text(self, test_id: str) -> str:
        """The text of a part of the panel, or '' when it is absent."""
        return self.js(
            "const host = document.querySelector(arguments[1]);"
            "return host?.shadowRoot?.querySelector(`[data-testid=${arguments[0]}]`)"
            "?.textContent ?? '';", test_id, PANEL)

    def click_panel(self, test_id: str) -> None:
        """Click a control of the panel."""
        part = self.panel_part(test_id)
        assert part is not None, f"no {test_id} in the panel"
        part.click()

    def wait_for_status(self, text: str) -> None:
        """Wait until the panel's status line says something containing text."""
        self.wait_for(
            "(document.querySelector(arguments[1])?.shadowRoot"
            "?.querySelector('[data-testid=gracious-status]')?.textContent ?? '')"
            ".includes(arguments[0])",
            text, PANEL, message=f"the panel to say {text!r}",
        )
