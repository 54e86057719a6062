"""Saved news pages in the layouts sites really use, built for the tests.

Every page tells an invented story (a river flood in the fictional town of
Alderford) in prose written for these tests, wrapped in the furniture real pages
carry: navigation, cookie banners, share bars, related links, galleries,
comments, newsletter boxes and footers. Each builder returns the page as text;
the tests check that the article comes out and the furniture does not.
"""

from __future__ import annotations

import json

PARAGRAPHS = (
    "The river Alder burst its banks early on Tuesday, flooding more than two hundred "
    "homes in the low-lying east of Alderford and cutting the main road to the coast.",
    "Emergency crews worked through the night with pumps and sandbags, and the county "
    "council opened the school gymnasium as a shelter for families forced to leave.",
    '"We have never seen the water rise this fast," said Mara Quint, who has run the '
    'bakery on Mill Street for thirty years. "By midnight it was at the second step."',
    "Forecasters said a second band of heavy rain could arrive on Thursday, and the "
    "environment agency kept its severe flood warning in place for the whole valley.",
    "The council leader, Tomas Heller, said repairs to the flood wall had been delayed "
    "last year by a dispute over funding, and promised an independent review.",
    "Residents who need help were asked to call the council hotline, which will stay "
    "open around the clock until the water has gone down.",
)

#: Phrases that only the page furniture contains; none may reach the article text.
FURNITURE = (
    "Accept all cookies",
    "Sign up for our morning newsletter",
    "Most read",
    "Share on Facebook",
    "All rights reserved",
    "Leave a comment",
    "Photo 3 of 12",
    "Home",
)


def _paragraphs(paragraphs=PARAGRAPHS) -> str:
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


def _head(title: str, *, site: str | None, extra: str = "") -> str:
    site_meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    return f"""<head>
<meta charset="utf-8">
<title>{title}{f" | {site}" if site else ""}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{title}">
{site_meta}
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
{extra}
</head>"""


NAV = """<header class="site-header">
<a class="logo" href="/">Home</a>
<nav class="main-nav"><ul>
<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/business">Business</a></li>
<li><a href="/culture">Culture</a></li><li><a href="/opinion">Opinion</a></li>
</ul></nav>
</header>"""

COOKIE_BANNER = """<div id="cookie-consent" class="cookie-banner" role="dialog">
<p>We use cookies to give you the best experience and to show personalised adverts.
By clicking Accept all cookies you agree to our use of cookies.</p>
<button>Accept all cookies</button><button>Manage settings</button>
</div>"""

SHARE_BAR = """<div class="share-tools"><a href="#">Share on Facebook</a>
<a href="#">Share on X</a><a href="#">Email</a></div>"""

RELATED = """<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/news/1">Council approves new cycle lanes on the ring road</a></li>
<li><a href="/news/2">Local team wins cup after dramatic penalty shoot-out</a></li>
<li><a href="/news/3">Bus fares to rise by ten pence from next month</a></li>
</ol></aside>"""

NEWSLETTER = """<div class="newsletter-signup"><h3>Sign up for our morning newsletter</h3>
<form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>"""

FOOTER = """<footer class="site-footer"><ul><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li></ul>
<p>Copyright 2024 Valley Media Group. All rights reserved.</p></footer>"""

COMMENTS = """<section id="comments" class="comments">
<h2>Comments (3)</h2><p><a href="#">Leave a comment</a></p>
<div class="comment"><span class="comment-author">riverwatcher</span>
<p>The council was warned about that wall years ago and did nothing at all about it.</p></div>
<div class="comment"><span class="comment-author">alderford_mum</span>
<p>Thank you to the volunteers at the gym, they were wonderful with the children last night.</p></div>
</section>"""


def article_with_furniture(site: str | None = "Valley Gazette") -> str:
    """A classic article page: nav, cookie banner, byline, share bar, related links,
    newsletter box, comments and footer around an ``<article>``."""
    head = _head(
        "Floods cut off east Alderford",
        site=site,
        extra="""<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T07:30:00+00:00">
<meta property="article:publisher" content="https://www.facebook.com/valleygazette">
<link rel="canonical" href="https://www.valleygazette.co.uk/news/floods-alderford">""",
    )
    return f"""<!DOCTYPE html>
<html lang="en-GB">{head}
<body>
{COOKIE_BANNER}
{NAV}
<main>
<article class="story">
<h1>Floods cut off east Alderford</h1>
<p class="byline">By <a href="/authors/jane-roe">Jane Roe</a>, Environment correspondent</p>
<time datetime="2024-03-05T07:30:00+00:00">5 March 2024</time>
{SHARE_BAR}
{_paragraphs()}
</article>
{RELATED}
{NEWSLETTER}
{COMMENTS}
</main>
{FOOTER}
</body></html>"""


def gallery_article() -> str:
    """A picture-led article: figures with captions, a slideshow counter and credits
    between the paragraphs; the site is named only in JSON-LD."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "In pictures: Alderford under water",
        "datePublished": "2024-03-06T12:00:00Z",
        "author": [{"@type": "Person", "name": "Sam Okafor"}],
        "publisher": {"@type": "Organization", "name": "Northern Daily"},
    }
    figures = "\n".join(
        f"""<figure class="gallery-item"><img src="/img/flood-{i}.jpg" alt="">
<figcaption>Photo {i} of 12. Water on Mill Street. Credit: Staff photographer</figcaption></figure>"""
        for i in (1, 2, 3)
    )
    body = list(PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>In pictures: Alderford under water</title>
<script type="application/ld+json">{json.dumps(ld)}</script></head>
<body>
{NAV}
<div class="content">
<div class="article-body" itemprop="articleBody">
<h1>In pictures: Alderford under water</h1>
{_paragraphs(body[:2])}
<div class="gallery">{figures}<div class="gallery-nav">Previous Next</div></div>
{_paragraphs(body[2:])}
</div>
{SHARE_BAR}
{RELATED}
</div>
{FOOTER}
</body></html>"""


def plain_article(
    *, title: str = "Flood warning stays in place", paragraphs=PARAGRAPHS, lang: str = "en",
    site: str | None = None, extra_head: str = "",
) -> str:  # fmt: skip
    """A plain page without ``<article>``: the story in a ``div`` between nav and footer."""
    head = _head(title, site=site, extra=extra_head)
    return f"""<!DOCTYPE html>
<html lang="{lang}">{head}
<body>
{NAV}
<div id="main-content"><div class="story-text">
<h1>{title}</h1>
{_paragraphs(paragraphs)}
</div></div>
{FOOTER}
</body></html>"""


def section_front() -> str:
    """A section front: headlines and links only, no article."""
    items = "\n".join(
        f'<li class="teaser"><a href="/news/{i}"><h3>{headline}</h3></a><span>2 hours ago</span></li>'
        for i, headline in enumerate(
            (
                "Floods cut off east Alderford",
                "Council approves new cycle lanes",
                "Bus fares to rise next month",
                "Local team wins cup",
                "New library opens its doors",
                "Road works on the A4 this weekend",
            )
        )
    )
    return f"""<!DOCTYPE html><html lang="en">{_head("News", site="Valley Gazette")}
<body>{NAV}<main><h1>Latest news</h1><ul class="teasers">{items}</ul></main>{FOOTER}</body></html>"""


PAYWALL_TEASER = (
    "The river Alder burst its banks early on Tuesday, flooding more than two hundred "
    "homes in the low-lying east of Alderford."
)


def paywall_stub() -> str:
    """A subscriber-only article as a non-subscriber sees it: one teaser paragraph,
    a subscribe box and ``isAccessibleForFree: false`` in JSON-LD."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "What went wrong with the Alderford flood wall",
        "isAccessibleForFree": "False",
        "hasPart": {
            "@type": "WebPageElement",
            "isAccessibleForFree": "False",
            "cssSelector": ".paywalled",
        },
    }
    return f"""<!DOCTYPE html><html lang="en">
<head><meta charset="utf-8"><title>What went wrong with the Alderford flood wall</title>
<meta property="og:site_name" content="The Valley Times">
<script type="application/ld+json">{json.dumps(ld)}</script></head>
<body>{NAV}<article><h1>What went wrong with the Alderford flood wall</h1>
<p>{PAYWALL_TEASER}</p>
<div class="paywall"><h2>Subscribe to continue reading</h2>
<p>Get unlimited access to The Valley Times for 1 pound a week. Cancel anytime.</p>
<p>Already a subscriber? <a href="/login">Log in</a></p></div>
</article>{FOOTER}</body></html>"""


SPANISH = (
    "El río Alder se desbordó el martes por la mañana e inundó más de doscientas casas "
    "en el este de Alderford, según informaron las autoridades locales.",
    "Los equipos de emergencia trabajaron durante toda la noche con bombas y sacos de "
    "arena, y el ayuntamiento abrió el gimnasio de la escuela como refugio.",
    "Los meteorólogos advirtieron de que el jueves podría llegar una segunda banda de "
    "lluvias intensas sobre todo el valle.",
)


def spanish_article() -> str:
    """The story in Spanish, declared as such."""
    return plain_article(title="Inundaciones en Alderford", paragraphs=SPANISH, lang="es")


def cp1252_article() -> bytes:
    """A page saved by an old CMS in Windows-1252 (curly quotes, a pound sign)."""
    text = plain_article(
        title="Flood repairs to cost \u00a32m",
        paragraphs=[*PARAGRAPHS[:2], "\u201cIt will take months,\u201d the engineer said.",
                    *PARAGRAPHS[3:]],
    ).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')  # fmt: skip
    return text.encode("cp1252")


def busy_article() -> str:
    """A long-form layout: subheadings, a key-points list, one-sentence paragraphs,
    an inline "Read more" link, a pull quote, an ad slot and an author box."""
    head = _head(
        "Why the Alderford flood wall failed",
        site="The Valley Times",
        extra="""<script type="application/ld+json">{"@type": "NewsArticle",
"datePublished": "2024-03-08T09:00:00Z", "author": {"@type": "Person", "name": "Priya Nand"}}
</script>""",
    )
    return f"""<!DOCTYPE html><html lang="en">{head}
<body>{COOKIE_BANNER}{NAV}
<article>
<header><h1>Why the Alderford flood wall failed</h1>
<p class="standfirst">Engineers warned in 2019 that the wall was too low.</p>
<span class="byline">By Priya Nand</span></header>
<div class="article-body">
<ul class="key-points"><li>The wall was built in 1968</li><li>A 2019 report asked for it to be raised</li></ul>
<p>{PARAGRAPHS[0]}</p>
<p>It was the third flood in six years.</p>
<div class="ad-slot" data-ad="mpu">Advertisement</div>
<p class="read-more"><a href="/news/2">Read more: Residents count the cost of the floods</a></p>
<h2>A warning ignored</h2>
<p>{PARAGRAPHS[1]}</p>
<blockquote class="pull-quote">"We have never seen the water rise this fast."</blockquote>
<p>{PARAGRAPHS[2]}</p>
<p>{PARAGRAPHS[3]}</p>
<h2>What happens next</h2>
<p>{PARAGRAPHS[4]}</p>
<p>{PARAGRAPHS[5]}</p>
</div>
<div class="author-bio"><p>Priya Nand is our environment editor. Follow her on X.</p></div>
{SHARE_BAR}
</article>
{RELATED}{NEWSLETTER}{FOOTER}</body></html>"""
