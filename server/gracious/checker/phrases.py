"""The wording the checker looks for, as compiled patterns over case-folded text."""

from __future__ import annotations

import re


def any_of(*patterns: str) -> re.Pattern[str]:
    """Compile alternatives into one pattern that matches at word starts."""
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + ")")


WORD = re.compile(r"\w+(?:['-]\w+)*")

GREETING = any_of(r"hi\b", r"hello\b", r"dear\b", r"hey\b", r"good (?:morning|afternoon|evening)",
                  r"greetings\b")

THANKS = any_of(r"thank", r"grateful", r"gratitude", r"appreciat", r"many thanks")

INTEREST = any_of(
    r"excit", r"enthusias", r"eager", r"keen\b", r"thrill", r"delighted", r"motivat", r"inspir",
    r"interest(?:ed)?\b", r"look(?:ing)? forward",
    r"(?:would|i'd|we'd) (?:love|welcome|be glad|be happy|be delighted|value)",
    r"(?:still|remain|very|really|highly|truly) (?:very )?(?:interested|excited|keen)",
    r"(?:hope|hoping) to (?:hear|join|contribute|work|stay|keep|speak|talk|continue)",
    r"(?:stay|keep|remain) in (?:touch|contact)", r"keep you (?:informed|posted|updated)",
    r"can't wait", r"glad to (?:help|contribute|share|answer)",
    r"energi[sz]ed", r"(?:great|real|genuine) fit",
)

SPECIFIC_CUES = any_of(
    r"especially", r"particularly", r"in particular", r"specifically",
    r"when you (?:mentioned|described|explained|said|shared|walked)",
    r"you (?:mentioned|described|explained|shared)",
    r"(?:hearing|learning|talking) about", r"discussing", r"our (?:conversation|discussion|chat) "
    r"(?:about|on)", r"the way (?:you|your)", r"your (?:plan|approach|vision|work on|project)",
)

WITHDRAWAL = any_of(
    r"withdraw", r"remove (?:myself|my name|my application|my candidacy)",
    r"step(?:ping)? (?:back|away|aside)", r"pull(?:ing)? (?:out|my application|myself)",
    r"no longer (?:be )?(?:pursu|consider|a candidate|in the running|interested)",
    r"declin", r"not (?:to )?(?:move|moving|continue|continuing|proceed|proceeding) "
    r"(?:forward|with)",
    r"decided (?:not|to pass)", r"accepted (?:another|a different|an) (?:offer|position|role)",
)

CONTINUED_INTEREST = any_of(
    r"look(?:ing)? forward to (?:hearing|the next|next|joining|working|continuing|our next|"
    r"speaking|talking|meeting)",
    r"next steps?\b", r"excited to (?:move forward|join|continue|proceed)",
    r"eager to (?:move forward|hear|join|continue|proceed)", r"hope to hear",
    r"(?:still|remain|very|really|highly|truly) (?:very )?(?:interested|excited|keen)",
    r"can't wait", r"excited about (?:the|this) (?:role|opportunity|position)",
    r"move forward (?:in|with) the process",
)

PLEADING = any_of(
    r"reconsider", r"change your mind", r"(?:another|second) chance", r"is there any way",
    r"is there anything i (?:can|could) do", r"please (?:let me|give me)",
    r"\bbeg\b", r"overturn",
)

# leftovers of a template or a copied example; checked on the original text, case kept
PLACEHOLDERS = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}"
    r"|\{[^{}\n]{1,40}\}"
    r"|\[[^\[\]\n]{1,40}\]"
    r"|<[^<>@/:\n\d][^<>@/:\n]{0,40}>"
    r"|(?<!\w)X{2,}(?!\w)"
    r"|(?<!\w)(?:TODO|TBD|FIXME|INSERT)(?!\w)"
    r"|_{3,}"
    r"|(?i:lorem ipsum)"
)
