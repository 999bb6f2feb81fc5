"""Every guide section the product deep-links to, kept in one place."""

# paths are relative to the guide root (/guide/ when served by `gracious serve`);
# tests/guide checks that each one exists in the built site
GUIDE_LINKS: dict[str, str] = {
    "home": "",
    "why": "why-it-matters/",
    "four-impressions": "why-it-matters/#four-impressions",
    "survey-figures": "why-it-matters/#survey-figures",
    "within-24-hours": "when-to-send/#within-24-hours",
    "email-or-handwritten": "when-to-send/#email-or-handwritten",
    "one-note-per-interviewer": "when-to-send/#one-note-per-interviewer",
    "greeting": "anatomy/#greeting",
    "thanks": "anatomy/#thanks",
    "specific-detail": "anatomy/#specific-detail",
    "fit": "anatomy/#fit",
    "enthusiasm": "anatomy/#enthusiasm",
    "close": "anatomy/#close",
    "subject-line": "anatomy/#subject-line",
    "length": "anatomy/#length",
    "placeholders": "checklist/#no-placeholders",
    "examples": "examples/",
    "example-thank-you": "examples/#thank-you",
    "example-follow-up": "examples/#follow-up",
    "example-withdraw": "examples/#withdraw",
    "example-after-rejection": "examples/#after-rejection",
    "example-informational": "examples/#informational",
    "withdrawing": "withdrawing/",
    "why-tell-them-early": "withdrawing/#why-tell-them-early",
    "what-to-say": "withdrawing/#what-to-say",
    "following-up": "following-up/",
    "cadence": "panel-interviews/#cadence",
    "panel-interviews": "panel-interviews/",
    "one-note-each": "panel-interviews/#one-note-each",
    "after-a-rejection": "after-a-rejection/",
    "informational-interviews": "informational-interviews/",
    "using-gracious": "using-gracious/",
    "install": "using-gracious/#install",
    "pair-extension": "using-gracious/#pair",
    "troubleshooting": "using-gracious/#troubleshooting",
    "sources": "sources/",
    "follow-up-wording": "following-up/#wording",
    "linkedin": "linkedin/",
    "invitation-note-limit": "linkedin/#invitation-note-limit",
    "messages-vs-email": "linkedin/#messages-vs-email",
    "checklist": "checklist/",
    "faq": "faq/",
}



def __getattr__(name: str) -> dict[str, str]:
    """KIND_GUIDE, read from the kinds' own declarations (compose/kinds/<kind>/kind.yaml)."""
    if name == "KIND_GUIDE":
        from gracious.compose.kinds import all_kinds

        return {spec.id: GUIDE_LINKS[spec.guide] for spec in all_kinds()}
    raise AttributeError(name)
