"""Remove generic page furniture: video widgets, photo galleries, credits and prompts.

These are patterns of news web pages in general (not of one outlet), so they are
removed from any article: a "JUST WATCHED ... Replay More Videos" widget, gallery
captions with their "Hide Caption 3 of 8" counters, "(AP Photo/...)" credits, image
caption lines, newsletter, share and app prompts, and reprint/copyright notices.
Outlet-specific furniture (a footer one outlet repeats) is found by
:func:`mediakit.corpus.furniture.remove_furniture` instead.
"""

from __future__ import annotations

import re

__all__ = ["remove_page_furniture"]

VIDEO_WIDGET = "video widget"
PHOTO_GALLERY = "photo gallery"
PHOTO_CREDIT = "photo credit"
IMAGE_CAPTION = "image caption line"
PROMPT = "sign-up or share prompt"
NOTICE = "copyright or reprint notice"
RELATED = "related-links widget"

# Photo agencies and picture desks that end a credit ("Jane Roe/Getty Images").
_AGENCY = (
    r"(?:Getty Images|Getty|AP|AFP|Reuters|REUTERS|EPA(?:-EFE)?|Bloomberg|Zuma Press|Zuma|"
    r"Landov|Corbis|Shutterstock|iStock|NurPhoto|Sipa|Pool|Polaris|Redux|UPI|TNS|"
    r"[A-Z][\w.&-]* via Getty Images)\b"
)

# Inline pieces: removed where they stand, the rest of the line stays.
_INLINE = (
    (
        VIDEO_WIDGET,
        re.compile(
            r"JUST WATCHED\b[^\n]{0,300}?\bReplay More Videos\b(?:[ .…]*MUST WATCH\b[^\n]{0,300}?"
            r"\b\d{1,2}:\d{2}\b)?"
        ),
    ),
    # A name's pop-up of related headlines, glued to the name and ending in MORE:
    # "President Trump Donald John TrumpGOP senators balk at ... votes MORE says".
    (
        RELATED,
        re.compile(
            r"\b(?P<name>[A-Z][\w'’-]+) (?P<cut>(?:[A-Z(][\w.'’()-]*[ \t]){0,4}(?P=name)"
            r"(?=[A-Z0-9“\"'‘])[^\n]{5,600}?[ \t]MORE\b)"
        ),
    ),
    # One gallery slide: "Photos: <gallery title> <caption> Hide Caption 3 of 8".
    (
        PHOTO_GALLERY,
        re.compile(r"(?:Photos?:[ \t]+)+(?:(?!Hide Caption)[^\n]){0,3000}?Hide Caption \d+ of \d+"),
    ),
    (PHOTO_GALLERY, re.compile(r"\bHide Caption(?: \d+ of \d+)?")),
    # "(AP Photo/Evan Vucci, File)", "(Photo: Jack Gruber, USA TODAY)", "(Photo by X/Getty)".
    (
        PHOTO_CREDIT,
        re.compile(
            r"[ \t]*\((?:[A-Z][\w.&]*[ \t]){0,3}(?:Photos?|Images?)"
            r"(?:[ \t]*(?:/|:|by\b)[ \t]*[^()\n]{1,80})?\)"
        ),
    ),
    (
        PHOTO_CREDIT,
        re.compile(r"[ \t]*\bPhoto(?:graph)?s?:[ \t]+(?:\S+[ \t]*){1,8}$", re.MULTILINE),
    ),
    # "(Chip Somodevilla/Getty Images)", "... Drew Angerer/Getty Images" at a line's end,
    # "REUTERS/Jonathan Ernst/File Photo", "Photo: Emilee Mcgovern/SOPA/Zuma Press".
    (PHOTO_CREDIT, re.compile(r"[ \t]*\((?:[^()\n/]{1,50}/)+" + _AGENCY + r"[^()\n]{0,40}\)")),
    (
        PHOTO_CREDIT,
        re.compile(
            r"(?:(?<=\s)|^)(?:[A-Z][\w.'’-]*[ \t]){0,3}[A-Z][\w.'’-]*/(?:[^\s/]+/)*"
            + _AGENCY
            + r"(?:/[\w ]{1,30})?[ \t]*$",
            re.MULTILINE,
        ),
    ),
    (PHOTO_CREDIT, re.compile(r"[ \t]*\b(?:REUTERS|Reuters)/[^\n]{1,60}$", re.MULTILINE)),
    (PROMPT, re.compile(r"^[ \t]*Facebook Twitter Pinterest\b[ \t]*", re.MULTILINE)),
    (VIDEO_WIDGET, re.compile(r"(?:^|[ \t]+)Related Video\b(?=[ \t]+[A-Z])", re.MULTILINE)),
    # Photo teasers: "( PHOTOS: Fiscal cliff's key players)", "| AP Photos No ...".
    (PHOTO_GALLERY, re.compile(r"[ \t]*\([ \t]*PHOTOS?:[^()\n]{1,100}\)")),
    (PHOTO_GALLERY, re.compile(r"[ \t]*\|[ \t]*AP Photos?\b[^\n]*$", re.MULTILINE)),
)

# Whole lines, matched against the stripped line, ignoring case.
_WORDS = r"\s*(?:\S+\s+){0,%d}\S*"
_LINE_PATTERNS = (
    (PHOTO_GALLERY, r"(?:(?:photo|image|slide)\s+)?\d+\s+of\s+\d+"),
    (PHOTO_GALLERY, r"photos?:\s" + _WORDS % 14),
    (IMAGE_CAPTION, r"(?:enlarge this image\s+)?toggle caption\b.*"),
    (IMAGE_CAPTION, r"image (?:copyright|caption)\b.*"),
    (IMAGE_CAPTION, r"(?:media playback is unsupported on your device\s*)?media caption\b.*"),
    (IMAGE_CAPTION, r"media playback is unsupported on your device\W*"),
    (IMAGE_CAPTION, r"hide caption\b.*"),
    (IMAGE_CAPTION, r"file photo:.*"),
    (IMAGE_CAPTION, r"file\s*[-–—_]+\s*(?:in this|this)\b.{0,120}\bphoto\b.*"),
    (PROMPT, r"newsletter sign up\b.*"),
    (
        PROMPT,
        r"\W*(?:sign up|subscribe|get our|want [^\n]{0,60} in your inbox|get [^\n]{0,60}"
        r"(?:in|to) your inbox)\b" + _WORDS % 40,
    ),
    (PROMPT, r"(?:read or )?share this (?:story|article)\b.*"),
    (PROMPT, r".*\bmanage newsletters"),
    (PROMPT, r"\W*click here(?:\s+(?:to|for)\b" + _WORDS % 20 + r"|\W*)"),
    (PROMPT, r"(?:\S+\s+){0,12}click here\W*"),
    (NOTICE, r".*\bclick here for reprint permission\W*"),
    (NOTICE, r"(?:copyright\s*)?(?:©|\(c\))\s*(?:\d{4}\b)?" + _WORDS % 20),
)
_LINES = tuple((kind, re.compile(p, re.IGNORECASE | re.DOTALL)) for kind, p in _LINE_PATTERNS)

# Words each pattern cannot match without (lower case for the lines, as written for the
# inline pieces): most lines hold none, and skipping their patterns makes cleaning of a
# large corpus about ten times faster. Same order as the patterns above.
_LINE_NEEDLES = (
    ("of",), ("photo",), ("caption",), ("image",), ("caption",), ("unsupported",), ("caption",),
    ("photo",), ("photo",), ("newsletter",), ("sign up", "subscribe", "get our", "inbox"),
    ("share this",), ("manage newsletters",), ("click here",), ("click here",), ("reprint",),
    ("©", "(c)"),
)  # fmt: skip
# Any line a pattern or the sign-up form test can take holds one of these (or starts with
# a digit: "3 of 8").
_LINE_HINT = re.compile(
    "|".join(
        re.escape(n)
        for n in {n for ns in _LINE_NEEDLES[1:] for n in ns}
        | {"slide", "privacy policy", "terms of service", "recaptcha", "email address"}
    )
)
_INLINE_NEEDLES = (
    ("JUST WATCHED",), ("MORE",), ("Hide Caption",), ("Hide Caption",), ("Photo", "Image"),
    ("Photo",), ("/",), ("/",), ("/",), ("Facebook Twitter Pinterest",), ("Related Video",),
    ("PHOTO",), ("AP Photo",),
)  # fmt: skip
_INLINE_HINT = re.compile("|".join(re.escape(n) for ns in _INLINE_NEEDLES for n in ns))


def remove_page_furniture(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``(text, removed)``: ``text`` without generic page furniture.

    Whole lines that are a widget, prompt or notice are dropped; widgets, gallery
    slides and photo credits inside a line are cut out and the line's prose stays.
    ``removed`` holds ``(kind, what)`` pairs for the ``cleaning`` column.

    >>> remove_page_furniture("Talks resumed. (AP Photo/Jane Doe)\\nSign up for our newsletter")
    ('Talks resumed.', (('photo credit', '(AP Photo/Jane Doe)'), ('sign-up or share prompt', 'Sign up for our newsletter')))
    """
    removed: list[tuple[str, str]] = []
    kept = []
    for line in text.split("\n"):
        kind = _line_kind(line.strip())
        if not kind and _INLINE_HINT.search(line):
            cut = _cut_inline(line, removed)
            if cut != line:
                line, kind = cut, _line_kind(cut.strip())
        stripped = line.strip()
        if kind:
            removed.append((kind, stripped))
        elif stripped or not line:
            kept.append(line.rstrip())
    if not removed:
        return text, ()
    return "\n".join(kept), tuple(removed)


def _cut_inline(line: str, removed: list[tuple[str, str]]) -> str:
    for (kind, pattern), needles in zip(_INLINE, _INLINE_NEEDLES, strict=True):
        if any(n in line for n in needles) and pattern.search(line):
            # A pattern with a "cut" group keeps what stands around that group.
            cut = "cut" if "cut" in pattern.groupindex else 0
            removed.extend((kind, m.group(cut).strip()) for m in pattern.finditer(line))
            line = pattern.sub(lambda m, c=cut: _kept_part(m, c), line)
    return line


def _kept_part(match: re.Match, cut: str | int) -> str:
    return match.group()[: match.start(cut) - match.start()].rstrip() if cut else ""


# A sign-up form flattened into one line names two or more of these.
_FORM_PHRASES = re.compile(
    r"\b(?:sign up|unsubscribe|privacy policy|terms of service|recaptcha|newsletters?|"
    r"email address|subscribe)\b",
    re.IGNORECASE,
)


def _line_kind(line: str) -> str:
    if not line or len(line) > 2000:
        return ""
    low = line.lower()
    if not _LINE_HINT.search(low) and not low[:1].isdigit():
        return ""  # every pattern needs one of the needles; "3 of 8" starts with its digit
    if len({m.group().lower() for m in _FORM_PHRASES.finditer(line)}) >= 2:
        return PROMPT
    return next(
        (
            kind
            for (kind, pattern), needles in zip(_LINES, _LINE_NEEDLES, strict=True)
            if any(n in low for n in needles) and pattern.fullmatch(line)
        ),
        "",
    )
