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
    r"(?:stay|keep|remain) in (?:touch|contact)", r"stay connected",
    r"keep you (?:informed|posted|updated)",
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
    # conditional re-interest: "if the salary changes I'd love to be reconsidered"
    r"reconsider", r"if (?:the|that|anything|things|your|you|this)\b[^.!?]{0,60}"
    r"(?:chang|improv|increas|rais|flexib|budge|revis|differen|open up|remote)",
    r"(?:keep|leave) (?:my application|me) (?:open|on file|in the running|in mind for this)",
    r"still (?:be )?open to (?:the|this) (?:role|position|opportunity)",
    r"(?:would|i'd) (?:love|like|be happy|be glad) to (?:be )?(?:reconsidered|considered again)",
)

# asking them to undo the decision; an ordinary door-opener ("please let me know if another
# role opens up") is not pleading
PLEADING = any_of(
    r"reconsider", r"change your mind", r"(?:another|second|one more) (?:chance|shot|try)",
    r"is there any way", r"is there anything (?:else )?i (?:can|could) do",
    r"please (?:give me|let me (?:try|prove|show|have|redo|retake|re-?interview|interview))",
    r"\bbeg\b", r"overturn", r"(?:rethink|revisit|review) (?:your|the|this) decision",
    r"(?:still|really) (?:want|need) (?:this|the) (?:job|role|position)",
)

# a lead-in the frame said, followed by the user's own lead-in or clause
LEAD_IN_COLLISION = any_of(
    r"(?:discussing|discussion of|conversation about|talk about|talking about|hearing about|"
    r"learning about|chat about|thoughts on|about|regarding) "
    r"(?:about|discussing|talking about|chatting about|hearing about|learning about|"
    r"we (?:talked|discussed|spent|chatted|covered|went)|i\b|i'm|i've|you (?:talked|mentioned|"
    r"said|told|explained|described))(?!\w)"
)
# a stand-alone lower-case "i", checked on the original text ("i.e." and "iPhone" are fine)
LONE_I = re.compile(r"(?<![\w'’.-])i(?=[\s,;:!?]|['’](?:m|ve|d|ll)\b|\.(?!\w)|$)")
ALLOWED_DOUBLES = frozenset(("that", "had", "very", "bye", "ha", "no", "so"))
GREETING_NAME = re.compile(
    r"^(?:hi|hello|dear|hey)\s+(?:(?:dr|mr|mrs|ms|mx|prof)\.?\s+)?(?P<name>[^,\n]{1,60}),",
    re.IGNORECASE,
)
NAME_PARTICLES = frozenset((
    "van", "von", "der", "den", "de", "la", "le", "da", "di", "du", "dos", "das", "del", "bin",
    "binti", "al", "el", "ibn", "ter", "ten", "y", "team", "all", "everyone", "there", "folks",
    "both", "hr", "and",
))
# a sentence that opens like this is a fragment unless it has a main clause after a comma
FRAGMENT_OPENERS = frozenset((
    "because", "since", "although", "though", "whereas", "which", "took", "got", "accepted",
    "decided", "received", "moved", "relocated", "went", "chose", "found", "realised",
    "realized", "signed", "joined", "taking", "due",
))
# short sentences that are whole as they stand ("Thanks again.", "All the best.")
SHORT_SENTENCE_OK = any_of(
    r"thank", r"best\b", r"cheers", r"congratulations", r"regards", r"luck", r"wishes",
    r"happy to", r"glad to", r"i\b", r"i'm", r"i've", r"i'd", r"you\b", r"we\b", r"it's",
    r"that's", r"see you", r"talk soon", r"speak soon", r"many thanks", r"with thanks",
    r"is\b", r"was\b", r"are\b", r"sounds", r"great\b", r"let's", r"please",
)

# claiming to have already acted on advice the user never said they acted on
CLAIMS = any_of(
    r"(?:i've|i have|i) (?:already )?(?:put|taken|started|begun|followed|acted on|applied|used|"
    r"tried|implemented|adopted|reached out|signed up|enrolled|updated|rewritten|read|"
    r"contacted)\b[^.!?]{0,40}(?:advice|suggestion|tip|recommendation|into practice|on board|"
    r"as you suggested|you recommended|you suggested|you mentioned)",
    r"(?:i've|i have) already\b", r"(?:taking|following|thanks to) your (?:advice|suggestions?|"
    r"tips?)[^.!?]{0,20}, i(?:'ve| have)\b", r"as you suggested, i(?:'ve| have)?\b",
    r"since (?:we spoke|our (?:chat|call|conversation)), i(?:'ve| have) (?:started|begun|put|"
    r"applied|tried|taken|followed|reached out|contacted|signed up|enrolled|updated)",
)

# an informational note that turns into an application
JOB_PITCH = any_of(
    r"(?:excited|enthusiastic|keen|eager|thrilled) (?:about|for|by) (?:the|this|a|an|any) "
    r"(?:role|position|opportunit|opening|vacanc)",
    r"opportunit(?:y|ies) (?:at|with|to join)", r"to join (?:your|the) team",
    r"(?:consider|considered|keep me in mind) (?:me )?for (?:a|any|the|future|open) "
    r"(?:role|position|opening)",
    r"(?:open|available|upcoming) (?:roles|positions|openings|vacancies)", r"hire me\b",
    r"my (?:application|cv|resume|résumé|candidacy)", r"(?:role|position)s? (?:you|your team) "
    r"(?:have|are hiring)", r"are you hiring", r"(?:next|the) steps? in the (?:hiring )?process",
)
JOB_WORDS = any_of(r"job", r"role", r"opening", r"position", r"hiring", r"vacanc", r"apply",
                   r"application", r"referr")

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
