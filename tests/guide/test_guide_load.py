"""Stage one: loading pages, their front matter, titles and order."""

from __future__ import annotations

import pytest

from gracious.guide import BuildError
from gracious.guide.load import load_pages, page_url


def test_front_matter_sets_title_description_and_order(pages_folder):
    folder = pages_folder({"a.md": "---\ntitle: Alpha\ndescription: First.\norder: 2\n---\nBody\n"})
    [page] = load_pages(folder)
    assert (page.title, page.description, page.order) == ("Alpha", "First.", 2)
    assert page.text == "Body\n"
    assert page.first_line == 6


@pytest.mark.parametrize(("text", "title", "has_h1"), [
    ("---\ntitle: From front matter\n---\n# From heading\n", "From front matter", True),
    ("Intro\n\n# From *the* heading {#top-title}\n\n## Not this\n", "From the heading", True),
    ("Setext heading\n==============\n\ntext\n", "Setext heading", True),
    ("```\n# not a heading\n```\n\n## Only a subheading\n", "Following up now", False),
    ("", "Following up now", False),
])
def test_title_falls_back_to_first_h1_then_filename(pages_folder, text, title, has_h1):
    [page] = load_pages(pages_folder({"following-up_now.md": text}))
    assert (page.title, page.has_h1) == (title, has_h1)


def test_order_puts_home_first_then_order_then_path(pages_folder):
    folder = pages_folder({
        "zeta.md": "---\norder: 1\n---\n",
        "alpha.md": "no order\n",
        "beta.md": "---\norder: 5\n---\n",
        "index.md": "---\norder: 99\n---\n",
        "more/index.md": "---\norder: 3\n---\n",
        "_draft.md": "skipped\n",
        ".hidden/x.md": "skipped\n",
    })
    assert [page.rel for page in load_pages(folder)] == [
        "index.md", "zeta.md", "more/index.md", "beta.md", "alpha.md",
    ]


@pytest.mark.parametrize(("rel", "url"), [
    ("index.md", ""), ("anatomy.md", "anatomy/"), ("more/index.md", "more/"),
    ("more/deep.md", "more/deep/"),
])
def test_page_urls_end_in_a_slash(rel, url):
    assert page_url(rel) == url


def test_bad_front_matter_names_file_and_line(pages_folder):
    folder = pages_folder({"good.md": "fine\n", "bad.md": "---\ntitle: ok\nbad: a: b\n---\n"})
    with pytest.raises(BuildError) as caught:
        load_pages(folder)
    [problem] = caught.value.problems
    assert problem.file == "bad.md"
    assert problem.line == 3
    assert "not valid YAML" in problem.message


@pytest.mark.parametrize("front", ["order: soon\n", "- a list\n"])
def test_front_matter_of_the_wrong_shape_is_refused(pages_folder, front):
    with pytest.raises(BuildError, match=r"odd\.md:1: "):
        load_pages(pages_folder({"odd.md": f"---\n{front}---\n"}))
