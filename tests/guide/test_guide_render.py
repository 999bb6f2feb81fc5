"""Stage two: Markdown and layouts rendered with one Environment and one navigation."""

from __future__ import annotations

import dataclasses
import html
import re

import pytest

from gracious.guide import BuildError
from gracious.guide.example_book import ExampleBook
from gracious.guide.examples import card_html
from gracious.guide.load import load_pages
from gracious.guide.render import Renderer
from gracious.guide.site_options import site_options

MARKDOWN = """\
---
title: Tour
description: Every feature.
---
## Table {#the-table}

| a | b |
| - | - |
| 1 | 2 |

!!! tip "Remember"
    Be specific.

Go to [the other page](other.md#part), [here](#the-table) or [away](https://example.org/).
"""


def renderer_for(folder, base_url="/guide/"):
    """Load a folder and make its renderer."""
    return Renderer(load_pages(folder), site_options(base_url), None)


@pytest.fixture
def tour(pages_folder):
    """A renderer for a two-page site that uses every Markdown extension."""
    return renderer_for(pages_folder({"tour.md": MARKDOWN, "other.md": "## Part\n"}))


def test_markdown_extensions_render(tour):
    page = tour.render(tour.pages[1])
    assert "<table>" in page.html and "<td>2</td>" in page.html
    assert '<div class="admonition tip">' in page.html
    assert {"the-table", "main"} <= page.ids
    assert '<a href="/guide/other/#part">the other page</a>' in page.html
    assert '<a href="https://example.org/">away</a>' in page.html


def test_page_gets_meta_toc_and_neighbours(tour):
    page = tour.render(tour.pages[1])
    assert "<title>Tour · Gracious guide</title>" in page.html
    assert '<meta name="description" content="Every feature.">' in page.html
    assert '<link rel="canonical" href="/guide/tour/">' in page.html
    assert '<a href="#the-table">Table</a>' in page.html
    assert re.search(r'href="/guide/other/" rel="prev"', page.html)


def test_links_are_recorded_for_the_check(tour):
    links = tour.render(tour.pages[1]).links
    links = {(link.written, link.target, link.fragment) for link in links}
    assert links == {("other.md#part", "other/", "part"), ("#the-table", "tour/", "the-table")}


def test_navigation_renders_once_and_marks_only_the_current_page(tour, monkeypatch):
    template_loads = []
    original = tour.environment.get_template
    monkeypatch.setattr(tour.environment, "get_template",
                        lambda name, *rest: template_loads.append(name) or original(name, *rest))
    first, second = (tour.render(page) for page in tour.pages)
    assert "nav.html" not in template_loads
    assert first.html.count('aria-current="page"') == 1
    assert '<a href="/guide/other/" aria-current="page">' in first.html
    assert '<a href="/guide/tour/" aria-current="page">' in second.html


def test_base_url_prefixes_every_link(pages_folder):
    renderer = renderer_for(pages_folder({"tour.md": MARKDOWN, "other.md": "x\n"}),
                            "https://example.org/gracious")
    page = renderer.render(renderer.pages[1]).html
    assert '<link rel="canonical" href="https://example.org/gracious/tour/">' in page
    assert '<meta property="og:url" content="https://example.org/gracious/tour/">' in page
    assert 'href="/gracious/other/#part"' in page
    assert 'href="/guide/' not in page


def test_example_markers_insert_notes_from_the_drafting_engine(pages_folder):
    renderer = renderer_for(pages_folder({"ex.md": "Intro\n\n[[example withdraw]]\n"}))
    page = renderer.render(renderer.pages[0]).html
    book = ExampleBook.default()
    for channel in ("email", "linkedin-message"):
        draft = book.draft("withdraw", [channel], [None], [None], None, 1)[0].draft
        shown = re.search(rf'data-channel="{channel}"[^>]*>.*?<div class="draft-body">(.*?)</div>',
                          page, re.DOTALL)
        assert html.unescape(shown.group(1)) == draft.body


def test_unknown_example_names_file_and_line(pages_folder):
    text = "---\ntitle: X\n---\nA\n\n[[example nonsense]]\n"
    renderer = renderer_for(pages_folder({"ex.md": text}))
    with pytest.raises(BuildError, match=r"ex\.md:6: cannot draft .*nonsense is not a kind of"):
        renderer.render(renderer.pages[0])


def test_draft_text_is_escaped_never_markup():
    book = ExampleBook.default()
    example = book.draft("withdraw", ["email"], [None], [None], None, 1)[0]
    hostile = example.draft.model_copy(update={"body": "<script>alert(1)</script> & more",
                                               "subject": "<b>bold</b>"})
    card = card_html(dataclasses.replace(example, draft=hostile), "Email <i>")
    assert "<script>" not in card and "<b>" not in card and "<i>" not in card
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in card
    assert "&lt;b&gt;bold&lt;/b&gt;" in card


@pytest.mark.parametrize(("template", "expected"), [
    (None, r"a\.md:1: no layout named 'missing\.html'"),
    ("{% block main %}{% if %}{% endblock %}", r"missing\.html:1: "),
])
def test_layout_errors_name_the_file_and_line(pages_folder, tmp_path, template, expected):
    folder = pages_folder({"a.md": "---\nlayout: missing.html\n---\ntext\n"})
    templates = tmp_path / "templates"
    templates.mkdir()
    if template:
        (templates / "missing.html").write_text(template)
    renderer = Renderer(load_pages(folder), site_options(), templates)
    with pytest.raises(BuildError, match=expected):
        renderer.render(renderer.pages[0])
