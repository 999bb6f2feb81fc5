"""The replica pages of tests/e2e/replicas.py in Firefox ESR, with the same checks as Chromium."""

from __future__ import annotations

import pytest

from tests.e2e.replicas import REPLICA_IDS, REPLICAS, assert_note, assert_state
from tests.e2e.scenarios import BUTTON, MAX_COVER


@pytest.mark.parametrize("replica", REPLICAS, ids=REPLICA_IDS)
def test_replica(tab, replica):
    tab.goto(replica.url)
    scope = f"#{replica.scope}"
    editor = f"{scope} {replica.editor}"
    send = f"{scope} {replica.send}" if replica.send else None
    # the page renders late: every compose gets its one button once it is there
    tab.timeout = max(tab.timeout, replica.render)
    tab.wait_for("deepAll(arguments[0]).length === arguments[1]"
                 " && deepAll(arguments[2]).length === 1", BUTTON, replica.buttons,
                 f"{scope} {BUTTON}", message=f"{replica.buttons} buttons, one in {scope}")
    if send:
        assert tab.disabled(send)
    tab.click(f"{scope} {BUTTON}")
    tab.wait_for_status("Inserted")
    text = tab.text(editor)
    assert_note(replica, text)
    assert_state(replica, text, tab.page_value(replica.state))
    if send:
        assert not tab.disabled(send)
    assert tab.cover(editor) < MAX_COVER
    again = tab.another_version(editor)
    assert_note(replica, again)
    assert_state(replica, again, tab.page_value(replica.state))
    assert tab.page_value("sent") is None
    assert tab.count(BUTTON) == replica.buttons
