"""HTML pages: the visible text, without scripts, navigation, footers or template code."""
from __future__ import annotations

import re
from pathlib import Path

from vanban.extractors import limits
from vanban.extractors.read.base import RawText
from vanban.extractors.read.text import decode_bytes

DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe", "svg", "button", "select")
BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "td", "th")
TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|<\?php.*?\?>|<%.*?%>", re.S)
# class or id words of site chrome
CHROME = re.compile(r"\b(menu|navbar|nav|breadcrumb|footer|sidebar|banner|social|share|cookie|advert|ads)\b", re.I)


def html_to_text(html: str) -> str:
    from bs4 import BeautifulSoup

    html = TEMPLATE_CODE.sub(" ", html)
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None:
            continue
        marks = " ".join(tag.get("class", []) or []) + " " + (tag.get("id") or "")
        if marks.strip() and CHROME.search(marks) and tag.name not in ("body", "html", "main", "article"):
            tag.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    body = soup.body or soup
    text = body.get_text()
    return re.sub(r"\n\s*\n+", "\n\n", text)


def read_html(path: Path, data: bytes | None = None) -> RawText:
    data = path.read_bytes() if data is None else data
    html, encoding = decode_bytes(data)
    limits.check_html_depth(html, path.name)  # before a tree is built
    return RawText(text=html_to_text(html), format="html", encoding=encoding)
