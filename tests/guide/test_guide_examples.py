"""Example notes obey the guide: the product's checker and each page's own rules, at build time."""

from __future__ import annotations

import re

import pytest

from gracious.guide import BuildError, build_guide
from gracious.guide.example_book import LENGTH_RANGE_HOME, engine_length_range
from tests.guide.site_check import read_page

PANEL_SCENE = """\
scenes:
  default:
    recipient: {name: Priya Nair, title: Dr.}
    company: Northwind Health
    role: Product Designer
    interview: {date: "2025-03-11", format: video}
    highlights: [the plan to simplify patient check-in for older visitors]
    sender: {name: Sam Rivera}
  panel:
    company: Northwind Health
    role: Product Designer
    interview: {date: "2025-03-11", format: onsite}
    sender: {name: Sam Rivera}
    panel:
      - recipient: {name: Priya Nair}
        highlights: [the plan to simplify patient check-in]
      - recipient: {name: Tomasz Kowalski}
        highlights: [testing each screen with screen-reader users]
sent_at:
  thank-you: "2025-03-11T17:00:00+00:00"
"""


def page_with(rules: str, markers: str) -> str:
    """A page whose front matter states example rules, followed by example markers."""
    return f"---\ntitle: Ex\nexample_rules:\n{rules}---\n\n{markers}\n"


def build_folder(pages_folder, tmp_path, pages: dict[str, str], book: str = PANEL_SCENE):
    """Build a folder of pages with its own examples file."""
    folder = pages_folder({**pages, "examples.yml": book})
    return build_guide(folder, tmp_path / "out", search=False)


@pytest.mark.parametrize(("rules", "marker", "expected"), [
    ("  thank-you:\n    max_words: 20\n", "[[example thank-you email]]",
     r"ex\.md:\d+: example thank-you \(email, warm tone, version \d+\) breaks page rule "
     r"max_words: it has \d+ words; the page allows at most 20"),
    ("  thank-you:\n    subject_max_words: 2\n", "[[example thank-you email]]",
     r"breaks page rule subject_max_words: the subject .* the page allows at most 2"),
    ("  thank-you:\n    must_say:\n      ask for feedback: 'feedback'\n",
     "[[example thank-you email]]", r"breaks page rule must_say: it must ask for feedback"),
    ("  thank-you:\n    must_not_say:\n      name the company: 'Northwind'\n",
     "[[example thank-you email]]",
     r"breaks page rule must_not_say: it must not name the company, but it says 'Northwind'"),
    ("  follow-up:\n    shorter_than: thank-you\n", "[[example follow-up email]]",
     r"breaks page rule shorter_than: .*the page has no thank-you example"),
    ("  thank-you:\n    shorter_than: thank-you\n", "[[example thank-you email]]",
     r"breaks page rule shorter_than: it has (\d+) words; the thank-you example has \1"),
])
def test_an_example_that_breaks_its_pages_rule_fails_the_build(pages_folder, tmp_path, rules,
                                                                marker, expected):
    with pytest.raises(BuildError, match=expected):
        build_folder(pages_folder, tmp_path, {"ex.md": page_with(rules, marker)})


def test_the_failing_example_is_named_by_page_and_line(pages_folder, tmp_path):
    text = page_with("  withdraw:\n    max_words: 5\n", "Intro.\n\n[[example withdraw email]]")
    with pytest.raises(BuildError) as caught:
        build_folder(pages_folder, tmp_path, {"ex.md": text})
    (problem,) = caught.value.problems
    assert problem.file.endswith("ex.md") and problem.line == 10


def test_an_example_the_checker_rejects_fails_the_build(pages_folder, tmp_path):
    late = PANEL_SCENE.replace('thank-you: "2025-03-11T17:00', 'thank-you: "2025-03-20T17:00')
    with pytest.raises(BuildError, match=r"breaks the checker's 'sent-within-24-hours' check"):
        build_folder(pages_folder, tmp_path, {"ex.md": "[[example thank-you email]]\n"}, late)


def test_two_panel_notes_in_one_wording_fail_the_similarity_rule(pages_folder, tmp_path):
    same = page_with("  panel:\n    max_similarity: 0.6\n",
                     "[[example thank-you email scene=panel variant=1]]")
    with pytest.raises(BuildError, match=r"note to Tomasz Kowalski break page rule "
                                         r"max_similarity: they are 0\.\d+ alike"):
        build_folder(pages_folder, tmp_path, {"ex.md": same})


def test_panel_notes_in_different_versions_build_side_by_side(pages_folder, tmp_path):
    varied = page_with("  panel:\n    max_similarity: 0.6\n",
                       "[[example thank-you email scene=panel variant=1,2]]")
    result = build_folder(pages_folder, tmp_path, {"ex.md": varied})
    page = (result.out / "ex/index.html").read_text(encoding="utf-8")
    assert '<div class="drafts drafts-compare">' in page
    assert re.findall(r"<figcaption>To (.*?) · Email", page) == ["Priya Nair", "Tomasz Kowalski"]


def test_an_unknown_rule_is_refused_rather_than_ignored(pages_folder, tmp_path):
    text = page_with("  thank-you:\n    max_wrods: 5\n", "[[example thank-you email]]")
    with pytest.raises(BuildError, match=r"unknown example rule 'max_wrods' under 'thank-you'"):
        build_folder(pages_folder, tmp_path, {"ex.md": text})


@pytest.mark.parametrize("marker", ["[[example thank-you email tone=chirpy]]",
                                    "[[example thank-you email colour=red]]",
                                    "[[example thank-you email scene=nowhere]]",
                                    "[[example thank-you email variant=two]]"])
def test_a_marker_with_a_bad_option_names_it(pages_folder, tmp_path, marker):
    with pytest.raises(BuildError, match=r"ex\.md:1: cannot draft example"):
        build_folder(pages_folder, tmp_path, {"ex.md": marker + "\n"})


def test_the_guide_states_the_engines_own_length_range(pages_folder, tmp_path, monkeypatch):
    import importlib

    module, name = LENGTH_RANGE_HOME
    monkeypatch.setattr(importlib.import_module(module), name, (61, 187))
    result = build_folder(pages_folder, tmp_path, {"len.md": "Aim for [[length-range]] words.\n"})
    assert "Aim for 61 to 187 words." in (result.out / "len/index.html").read_text()


def test_the_real_guide_shows_the_engines_range_on_every_page_that_states_one(built_guide):
    low, high = engine_length_range()
    for page in ("anatomy", "checklist", "linkedin"):
        text = (built_guide / page / "index.html").read_text(encoding="utf-8")
        assert f"{low} to {high} words" in text
        assert "[[length-range]]" not in text


def test_the_real_guide_shows_tones_versions_and_a_panel_pair(built_guide):
    examples = (built_guide / "examples/index.html").read_text(encoding="utf-8")
    tones = re.findall(r'data-kind="thank-you" data-channel="email" data-tone="(\w+)"', examples)
    assert {"warm", "formal", "concise"} <= set(tones)
    panel = (built_guide / "panel-interviews/index.html").read_text(encoding="utf-8")
    bodies = re.findall(r'<div class="draft-body">(.*?)</div>', panel, re.DOTALL)
    assert len(bodies) == 2 and bodies[0] != bodies[1]
    assert "cadence" in read_page(built_guide / "panel-interviews/index.html").ids
