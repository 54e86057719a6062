"""The words of attribution: cue verbs, pronouns and the words a speaker phrase stops at."""

from __future__ import annotations

import re
from collections import defaultdict


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


FINITE = word_set(
    """said says say told tells added adds stated states warned warns wrote writes remarked
    remarks argued argues insisted insists explained explains noted notes asked asks replied
    replies responded responds declared declares announced announces claimed claims confirmed
    confirms acknowledged acknowledges admitted admits emphasized emphasizes emphasised
    emphasises stressed stresses urged urges tweeted tweets posted posts recalled recalls
    observed observes cautioned cautions predicted predicts vowed vows promised promises
    continued continues concluded concludes conceded concedes countered counters contended contends
    testified testifies joked jokes quipped quips pleaded pleads reiterated reiterates
    maintained maintains alleged alleges complained complains asserted asserts boasted boasts
    lamented laments charged demanded retorted answered agreed agrees objected protested fumed
    shouted yelled whispered mused wondered reported accused accuses pledged pledges chided
    chides blasted blasts slammed slams criticized criticizes criticised criticises praised
    praises touted touts signaled signals signalled suggested suggests dismissed dismisses
    mocked mocks condemned condemns denounced denounces ridiculed scoffed scoffs questioned
    defended defends insisted recounted recounts exclaimed
    referred refers"""
) | word_set(  # plural subjects ("Critics warn that ..."); base forms that are
    # mostly nouns ("state", "note", "claim", "post") are left out.
    """tell add warn write remark argue insist explain reply respond declare announce confirm
    acknowledge admit emphasize emphasise urge caution predict vow promise conclude concede
    contend testify maintain allege reiterate complain assert"""
)


PARTICIPLES = word_set(
    """saying stating adding warning noting telling writing arguing insisting declaring
    explaining asking remarking emphasizing emphasising stressing urging claiming vowing
    promising acknowledging announcing tweeting posting observing cautioning predicting
    recalling replying responding continuing concluding conceding contending reiterating
    accusing pledging suggesting referring condemning dismissing mocking denouncing blasting
    slamming criticizing criticising praising touting signaling signalling chiding lamenting
    complaining boasting joking quipping charging demanding asserting alleging questioning
    defending"""
)


# Verbs that put words in quotes into the subject's mouth without reporting a
# statement ("Trump called it a “witch hunt”"): cues for partial quotes only.
NAMING = word_set(
    """called calls calling described describes describing dubbed dubs labeled labelled labels
    termed terms branded brands dubbing labeling labelling terming branding"""
)


# Verbs whose object may come before "that" ("told reporters that").
OBJECT_CUES = word_set("told tells tell warned warns warn reminded assured informed urged")


# Adjuncts allowed between a cue and "that" ("said on Monday that").
THAT_ADJUNCT = word_set(
    """on in at during last this late early earlier yesterday today tonight repeatedly publicly
    previously again recently later also monday tuesday wednesday thursday friday saturday
    sunday"""
)


# Verbs that introduce reported speech without "that" ("Biden said the decision ...").
BARE_REPORT = frozenset({"said", "says"})


PERSONAL = frozenset({"he", "she"})


PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})


# A cue right after one of these is an adjective, noun or infinitive ("his stated
# aim", "the said", "so-called", "to maintain").
NOT_CUE_AFTER = word_set("his her their its our my your the a an this that - to")


# Words allowed between a speaker and the cue ("Putin has previously warned").
AUX = word_set(
    """has have had also previously later then once again repeatedly publicly recently
    already earlier reportedly"""
)


NEGATION = frozenset({"not", "n't", "never"})


DETERMINERS = word_set("the a an some many most several other others all both")


VERBISH = word_set(
    "is are was were be been has have had will would could can did does do may might should"
)


PASSIVE = word_set("is are was were be been being")  # "is said to be"


# Where a speaker phrase cannot continue backwards.
BOUNDARY = word_set(
    """, ; : ( ) — – " “ ” while as because since although though when after before if whereas
    so but and that which who"""
)


# Where a speaker phrase after an inverted cue ("said X") stops.
AFTER_STOP = word_set(
    """in on at during after before when while to from about as ahead adding referring citing
    according who which that told speaking last this late early"""
)


MAX_SPEAKER_TOKENS = 9


# "Rep. Ann Lee, D-N.Y., the former chair of the House Judiciary subcommittee on ..., told"
MAX_APPOSITIVE_TOKENS = 25


# "according to a U.S. official and three individuals familiar with the matter"
MAX_SOURCE_TOKENS = 16


# Tokens that may sit inside a speaker phrase although they are not words.
PHRASE_PUNCT = frozenset({"-", "’s", "'s", "&"})


WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def _alternation(words: frozenset[str]) -> str:
    # Grouped by first letter: a flat alternation of 200 words makes re try
    # every word at every position (6 s on 2,000 articles instead of 0.5 s).
    groups: dict[str, list[str]] = defaultdict(list)
    for w in sorted(words, key=lambda w: (-len(w), w)):
        groups[w[0]].append(re.escape(w[1:]))
    return "|".join(f"{k}(?:{'|'.join(v)})" for k, v in sorted(groups.items()))


# Cue verbs are written in lower case; "According" may open a sentence.
CUE_RE = re.compile(r"\b(?:[Aa]ccording to|" + _alternation(FINITE) + r")\b")


# -- people, pronouns and roles -----------------------------------------------------------
# A person named right after one of these is the object, not the subject, of
# the clause: "Of Obama, he said" does not make Obama the speaker.
OBJECT_PREPS = word_set(
    """of about against on with to for from toward towards than like at into over under
    among between"""
)


#: Title before a name -> gender ("Mr. Santorum", "Ms. Pelosi").
GENDER_TITLES = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f"}


#: Words beside a name that give a gender ("Lis Smith, a spokeswoman for ...").
GENDER_NOUNS = {
    **dict.fromkeys(
        word_set(
            """spokesman congressman chairman businessman husband father son brother king
            boyfriend grandfather nephew uncle"""
        ),
        "m",
    ),
    **dict.fromkeys(
        word_set(
            """spokeswoman congresswoman chairwoman businesswoman wife mother daughter sister
            queen girlfriend grandmother niece aunt actress"""
        ),
        "f",
    ),
}


#: Pronouns that refer back to a person, and the gender they carry.
BACK_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


#: A role noun ("the governor") and the titles written before a name that hold it ("Gov.").
ROLE_TITLES = {
    "governor": ("gov", "governor", "gov."),
    "senator": ("sen", "sen.", "senator"),
    "representative": ("rep", "rep.", "representative", "congressman", "congresswoman"),
    "congressman": ("rep", "rep.", "representative", "congressman"),
    "congresswoman": ("rep", "rep.", "representative", "congresswoman"),
    "lawmaker": ("rep", "rep.", "representative", "sen", "sen.", "senator", "congressman"),
    "president": ("president", "pres."),
    "speaker": ("speaker",),
    "secretary": ("secretary", "sec."),
    "sheriff": ("sheriff",),
    "mayor": ("mayor",),
    "leader": ("leader",),
    "chairman": ("chairman", "chair"),
    "chairwoman": ("chairwoman", "chair"),
    "minister": ("minister",),
    "chancellor": ("chancellor",),
    "general": ("gen", "gen.", "general"),
    "ambassador": ("ambassador", "amb."),
    "judge": ("judge",),
    "justice": ("justice",),
    "attorney": ("attorney", "atty."),
    "spokesman": ("spokesman", "spokesperson"),
    "spokeswoman": ("spokeswoman", "spokesperson"),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
    "candidate": ("candidate", "hopeful"),
    "nominee": ("nominee",),
    "democrat": ("democrat", "d"),
    "republican": ("republican", "r"),
    "director": ("director",),
    "commissioner": ("commissioner",),
    "mogul": ("mogul",),
    "host": ("host",),
    "founder": ("founder",),
    "pastor": ("pastor", "rev.", "reverend"),
    "bishop": ("bishop",),
    "cardinal": ("cardinal",),
    "pope": ("pope",),
}


#: Subjects that are the text itself, not its author ("the statement continued").
DOCUMENT_NOUNS = word_set(
    """statement letter release memo email e-mail note message post tweet ad advertisement
    commercial video op-ed column essay resolution petition speech remarks transcript
    complaint lawsuit filing suit report"""
)


#: Cues that carry on from an earlier quote ("the statement continued").
CONTINUE_CUES = word_set("continued continues continuing added adds went goes")


#: Heads of descriptions of sources that are not named ("senior U.S. officials").
SOURCE_NOUNS = word_set(
    """official officials spokesman spokeswoman spokesperson aide aides adviser advisers
    advisor advisors analyst analysts critic critics expert experts source sources observer
    observers lawmaker lawmakers people person residents resident witness witnesses diplomat
    diplomats officer officers leader leaders member members supporters supporter opponents
    opponent protesters protester activists activist voters voter organizers organizer
    campaign administration officials staff staffer staffers agency ministry government
    department office team group committee party camp aides allies ally economists economist
    scientists scientist researchers researcher investigators prosecutors prosecutor
    lawyers lawyer attorneys attorney doctors doctor"""
)


#: Nouns that make a group of a name before them ("the Obama campaign", "the Romney camp").
GROUP_HEADS = word_set("campaign camp administration team government family foundation")


#: Words that open a clause inside a sentence: a person named after one is not its subject.
SUBORDINATORS = word_set(
    "that whether if because although though while who whom which when after before since asked"
)
