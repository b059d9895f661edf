"""Two versions side by side, section by section, with the changed words marked <del>/<ins>
(not colour alone: the elements are announced and struck/underlined)."""

import difflib
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass
class SectionDiff:
    number: str
    title: str
    old: SafeString
    new: SafeString
    changed: bool


def _words_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    a, b = old.split(), new.split()
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        old_part, new_part = escape(" ".join(a[i1:i2])), escape(" ".join(b[j1:j2]))
        if op == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part:
            left.append(f"<del>{old_part}</del>")
        if new_part:
            right.append(f"<ins>{new_part}</ins>")
    return mark_safe(" ".join(left)), mark_safe(" ".join(right))


def compare(old: list[dict], new: list[dict]) -> list[SectionDiff]:
    """Every section in either version, in the newer version's order."""
    before = {s["number"]: s for s in old}
    after = {s["number"]: s for s in new}
    numbers = [s["number"] for s in new] + [n for n in before if n not in after]
    result = []
    for number in numbers:
        a, b = before.get(number), after.get(number)
        old_text = "\n".join(a["paragraphs"]) if a else ""
        new_text = "\n".join(b["paragraphs"]) if b else ""
        left, right = _words_diff(old_text, new_text)
        title = (b or a)["title"]
        result.append(SectionDiff(number, title, left, right, old_text != new_text))
    return result
