"""Debris of the page a text was saved from: HTML markup surviving in a ``.txt``, the front
matter of a markdown blog post, LaTeX wrappers left by a converter.

Each step returns its input unchanged when the text shows no sign of that debris.
"""
from __future__ import annotations

import html

import regex as re

_HTML_HINT = re.compile(r"<(?:html|body|head|p|div|h[1-6]|article|table|li|span)\b[^>]*>", re.I)
_HTML_DROP = re.compile(r"<(script|style|head|noscript|nav|footer)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|br|li|ul|ol|tr|table|article|section|header|title|blockquote)\b[^>]*>", re.I)
_HTML_CELL = re.compile(r"</?t[dh]\b[^>]*>", re.I)
_HTML_ANY_TAG = re.compile(r"</?[a-zA-Z][^<>]*>|<!DOCTYPE[^>]*>", re.I)


def strip_html(text: str) -> str:
    """A web page saved as text: its tags go, block tags become line breaks, entities are read."""
    if len(_HTML_HINT.findall(text, 0, 20000)) < 2:
        return text
    text = _HTML_COMMENT.sub("", text)
    text = _HTML_DROP.sub("\n", text)
    text = _HTML_BLOCK.sub("\n", text)
    text = _HTML_CELL.sub(" ", text)
    text = _HTML_ANY_TAG.sub("", text)
    text = html.unescape(text)
    return "\n".join(line.strip() for line in text.split("\n"))


_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(?P<body>(?:[^\n]*\n){1,40}?)---[ \t]*\n")
_FIELD = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$", re.M)
_ISO_DATE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")


def read_front_matter(text: str) -> str:
    """A markdown post's front matter (``title:``, ``date:``, ``author:``) becomes the headline,
    a date line and the author line a news article prints; the other keys go."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text
    fields = {f["key"].lower(): f["value"].strip("\"'") for f in _FIELD.finditer(m["body"])}
    if not fields:
        return text
    head = []
    if fields.get("title"):
        head.append(fields["title"])
    date = _ISO_DATE.match(fields.get("date", ""))
    if date:
        head.append(f"{int(date['d']):02d}/{int(date['m']):02d}/{date['y']}")
    if fields.get("author"):
        head.append(fields["author"])
    return "\n".join(head) + "\n\n" + text[m.end():]


_LATEX_WRAP = re.compile(r"\\(?:textbf|textit|emph|underline|textup|textrm|text|mbox)\s*\{([^{}]*)\}")
_LATEX_ESCAPE = re.compile(r"\\([-_&%$#{}])")
_LATEX_HINT = re.compile(r"\\(?:textbf|textit|emph|underline|textup|textrm|text|mbox)\s*\{")


def strip_latex(text: str) -> str:
    """'\\textbf{\\emph{Nơi nhận:}}' -> 'Nơi nhận:'; '\\-' -> '-'."""
    if not _LATEX_HINT.search(text):
        return text
    previous = None
    while previous != text:
        previous, text = text, _LATEX_WRAP.sub(r"\1", text)
    return _LATEX_ESCAPE.sub(r"\1", text)
