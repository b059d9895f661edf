"""An agreement's text: the template's clauses with the chosen alternative, without struck
clauses, the blanks filled in; and what is still missing before it can be agreed."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import ngettext

from .models import REQUIRED_ATTACHMENTS, Agreement, AttachmentKind
from .template_format import MARKER

UNFILLED = "……"


@dataclass
class Clause:
    id: str
    text: str
    optional: bool
    struck: bool


@dataclass
class Section:
    number: str
    title: str
    guidance: str
    clauses: list[Clause] = field(default_factory=list)
    questions: list[dict] = field(default_factory=list)
    answers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def paragraphs(self) -> list[str]:
        return [c.text for c in self.clauses if not c.struck]


@dataclass(frozen=True)
class Missing:
    kind: str  # blank, question, attachment, comment
    key: str
    label: str
    section: str = ""


def display_value(blank: dict, value: str) -> str:
    if blank["type"] == "date" and value:
        try:
            return datetime.date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    return value


def _applies(clause: dict, alternative: str) -> bool:
    return not clause["alternative"] or clause["alternative"] == alternative


def fill(text: str, agreement: Agreement, blanks: dict[str, dict]) -> str:
    def value(match) -> str:
        blank_id = match.group(1)
        raw = str(agreement.values.get(blank_id) or "").strip()
        return display_value(blanks[blank_id], raw) if raw else UNFILLED

    return MARKER.sub(value, text)


def _empty_optional_blank(clause: dict, agreement: Agreement, blanks: dict[str, dict]) -> bool:
    """A clause built on a blank that need not be filled, and is not, is left out."""
    return any(
        not blanks[b]["required"] and not str(agreement.values.get(b) or "").strip()
        for b in MARKER.findall(clause["text"])
    )


def sections(agreement: Agreement) -> list[Section]:
    """Every section as it reads now; struck clauses are kept but marked."""
    template = agreement.template
    blanks = template.blanks
    struck = set(agreement.struck)
    result = []
    for raw in template.sections:
        section = Section(
            raw["number"],
            raw["title"],
            raw["guidance"],
            questions=raw["questions"],
            answers=[(q["text"], agreement.answers.get(q["id"], "")) for q in raw["questions"]],
        )
        for clause in raw["clauses"]:
            if not _applies(clause, agreement.alternative):
                continue
            section.clauses.append(
                Clause(
                    clause["id"],
                    fill(clause["text"], agreement, blanks),
                    clause["optional"],
                    (clause["optional"] and clause["id"] in struck)
                    or _empty_optional_blank(clause, agreement, blanks),
                )
            )
        result.append(section)
    return result


def used_blanks(agreement: Agreement) -> list[tuple[str, dict]]:
    """The blanks the kept clauses use, in order of first use, with their section."""
    blanks = agreement.template.blanks
    struck = set(agreement.struck)
    seen: dict[str, tuple[str, dict]] = {}
    for raw in agreement.template.sections:
        for clause in raw["clauses"]:
            if not _applies(clause, agreement.alternative) or clause["id"] in struck:
                continue
            for blank_id in MARKER.findall(clause["text"]):
                seen.setdefault(blank_id, (raw["number"], blanks[blank_id]))
    return list(seen.values())


def missing(agreement: Agreement, attachment_kinds: set[str], unanswered: int = 0) -> list[Missing]:
    """What must be done before the agreement can be agreed, in the order of the text."""
    result = []
    for number, blank in used_blanks(agreement):
        if blank["required"] and not str(agreement.values.get(blank["id"]) or "").strip():
            result.append(Missing("blank", blank["id"], blank["label"], number))
    for raw in agreement.template.sections:
        for question in raw["questions"]:
            if not str(agreement.answers.get(question["id"]) or "").strip():
                result.append(Missing("question", question["id"], question["text"], raw["number"]))
    for kind in REQUIRED_ATTACHMENTS:
        if kind not in attachment_kinds:
            result.append(Missing("attachment", kind, str(AttachmentKind(kind).label)))
    if unanswered:
        label = ngettext(
            "%(count)s hearing comment has no answer",
            "%(count)s hearing comments have no answer",
            unanswered,
        ) % {"count": unanswered}
        result.append(Missing("comment", "comments", label))
    return result


def snapshot(agreement: Agreement) -> list[dict]:
    """The frozen text of a version: kept clauses only."""
    return [
        {"number": s.number, "title": s.title, "paragraphs": s.paragraphs}
        for s in sections(agreement)
    ]
