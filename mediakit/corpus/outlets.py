"""``outlet_name``: the outlet of a web page, from the name the site gives itself or its domain."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["outlet_name", "site_domain"]

# Host prefixes that name the same site: www, www2, mobile and AMP editions.
_SAME_SITE_PREFIX = re.compile(r"^(?:www\d*|m|mobile|amp)\.(?=[^.]+\.[^.]+)")
# A name that is a host name ("bbc.co.uk"), not a title: one word with a dot and a suffix.
_HOST_LIKE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.I)


def site_domain(url: str | None) -> str:
    """The site's host name without ``www.``, ``m.`` or ``amp.``; ``""`` without a URL.

    >>> site_domain("https://www.bbc.co.uk/news/uk-1")
    'bbc.co.uk'
    >>> site_domain("https://amp.example.com:8443/a")
    'example.com'
    """
    if not url:
        return ""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").rstrip(".").lower()
    return _SAME_SITE_PREFIX.sub("", host)


def outlet_name(site_name: str | None, url: str | None) -> str:
    """The outlet: the page's own site name, else the domain of its URL.

    The site name is what the page calls itself (``og:site_name``, the JSON-LD
    publisher, ...). Pages often put something else there, and those values are
    not names: a URL (``article:publisher`` holds the site's Facebook page) is
    ignored, and a host name is shortened like a domain. ``""`` when the page
    has neither a name nor a URL.

    >>> outlet_name("BBC News", "https://www.bbc.co.uk/news/uk-1")
    'BBC News'
    >>> outlet_name(None, "https://www.bbc.co.uk/news/uk-1")
    'bbc.co.uk'
    >>> outlet_name("https://www.facebook.com/valleygazette", "https://valleygazette.co.uk/a")
    'valleygazette.co.uk'
    >>> outlet_name("www.ValleyGazette.co.uk", None)
    'valleygazette.co.uk'
    """
    name = " ".join((site_name or "").split())
    if "://" in name:
        name = ""
    elif _HOST_LIKE.match(name):
        name = site_domain(name)
    return name or site_domain(url)
