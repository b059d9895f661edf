"""Agreement template files: YAML in the format of docs/agreement-template-format.md, checked
line by line into the structure an AgreementTemplate stores. Every problem is reported with the
file, the section and the line, and a file with any problem is refused whole."""

import re
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# The national template's sections, in order: a template must have every one of them.
SECTION_NUMBERS = (
    "1.0",
    "2.0",
    "2.1",
    "3.0",
    "3.1",
    "3.2",
    "3.3",
    "3.4",
    "3.5",
    "3.6",
    "3.7",
    "3.8",
    "4.0",
    "5.0",
    "6.0",
    "7.0",
    "8.0",
    "9.0",
)
BLANK_TYPES = ("text", "number", "date", "municipality", "opening_hours")
PREFILLS = (
    "office_name",
    "office_address",
    "municipality",
    "municipalities",
    "county",
    "opening_hours",
    "leader_terms",
)
ALTERNATIVES = ("single", "host")
# A date blank can hold the start or the end of the agreement's period (key `period`).
PERIODS = ("from", "to")
MARKER = re.compile(r"\[\[([^\[\]]*)\]\]")
BLANK_ID = re.compile(r"^[a-z][a-z0-9_]*$")
SHIPPED = Path(__file__).parent / "data" / "partnerskapsavtale-3.0.yaml"


class _LineLoader(yaml.SafeLoader):
    """Safe YAML that remembers the line of every mapping, for messages."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


class TemplateFileError(ValidationError):
    """The file's problems, every one naming its place."""


class _Problems:
    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.messages: list[str] = []

    def add(self, line: int | None, message: str, section: str | None = None) -> None:
        where = {"file": self.file_name, "line": line or 1, "section": section}
        if section:
            place = _("%(file)s, section %(section)s, line %(line)s") % where
        else:
            place = _("%(file)s, line %(line)s") % where
        self.messages.append(f"{place}: {message}")


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


# The keys each kind of mapping may have: anything else is a typo and refused.
TOP_KEYS = ("name", "version", "description", "blanks", "sections")
BLANK_KEYS = ("id", "type", "label", "required", "prefill", "period")
SECTION_KEYS = ("number", "title", "guidance", "clauses", "questions")
CLAUSE_KEYS = ("text", "alternative", "optional")


def _unknown_keys(
    item: dict, allowed: tuple[str, ...], problems: "_Problems", section: str | None = None
) -> None:
    for key in item:
        if key != "__line__" and key not in allowed:
            problems.add(
                item["__line__"],
                _("The key “%(key)s” is unknown here; use %(keys)s.")
                % {"key": key, "keys": ", ".join(allowed)},
                section,
            )


def _boolean(
    item: dict, key: str, default: bool, problems: "_Problems", section: str | None = None
) -> bool:
    value = item.get(key, default)
    if isinstance(value, bool):
        return value
    problems.add(
        item["__line__"],
        _("“%(key)s” must be true or false, not “%(value)s”.") % {"key": key, "value": value},
        section,
    )
    return default


def parse_template(data: str | bytes, file_name: str) -> dict:
    """The checked structure of a template file, or TemplateFileError listing every problem."""
    problems = _Problems(file_name)
    try:
        raw = yaml.load(data, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.add(mark.line + 1 if mark else None, _("This is not valid YAML."))
        raise TemplateFileError(problems.messages) from None
    if not isinstance(raw, dict):
        problems.add(1, _("The file must be a mapping with name, version, blanks and sections."))
        raise TemplateFileError(problems.messages)
    _unknown_keys(raw, TOP_KEYS, problems)
    version = raw.get("version")
    if version is not None and not isinstance(version, str):
        problems.add(
            raw["__line__"],
            _('Write the version in quotes, for example version: "3.10" (not %(value)s).')
            % {"value": version},
        )
    structure = {
        "name": _text(raw.get("name")),
        "version": _text(version),
        "description": _text(raw.get("description")),
        "blanks": _blanks(raw.get("blanks"), problems),
        "sections": [],
    }
    for key in ("name", "version"):
        already_reported = key == "version" and not isinstance(version, str | None)
        if not structure[key] and not already_reported:
            problems.add(raw["__line__"], _("The template has no “%(key)s”.") % {"key": key})
    known = {blank["id"] for blank in structure["blanks"]}
    structure["sections"] = _sections(raw.get("sections"), known, problems, raw["__line__"])
    if problems.messages:
        raise TemplateFileError(problems.messages)
    return structure


def _blanks(raw: object, problems: _Problems) -> list[dict]:
    if not isinstance(raw, list):
        problems.add(None, _("The template has no list of blanks."))
        return []
    blanks: list[dict] = []
    seen: set[str] = set()
    for item in raw:
        if not isinstance(item, dict):
            problems.add(None, _("Each blank must be a mapping with id, type and label."))
            continue
        _unknown_keys(item, BLANK_KEYS, problems)
        line, blank_id = item["__line__"], _text(item.get("id"))
        kind = _text(item.get("type"))
        if not BLANK_ID.match(blank_id):
            problems.add(
                line,
                _("The blank “%(id)s” needs an id of small letters, digits and _.")
                % {"id": blank_id},
            )
        elif blank_id in seen:
            problems.add(line, _("The blank “%(id)s” is defined twice.") % {"id": blank_id})
        if kind not in BLANK_TYPES:
            problems.add(
                line,
                _("The blank “%(id)s” has the unknown type “%(type)s”; use one of %(types)s.")
                % {"id": blank_id, "type": kind, "types": ", ".join(BLANK_TYPES)},
            )
        prefill = _text(item.get("prefill"))
        if prefill and prefill not in PREFILLS:
            problems.add(
                line,
                _("The blank “%(id)s” is prefilled from the unknown source “%(source)s”.")
                % {"id": blank_id, "source": prefill},
            )
        period = _text(item.get("period"))
        if period and (period not in PERIODS or kind != "date"):
            problems.add(
                line,
                _("The blank “%(id)s” can only mark the period as a date blank, with from or to.")
                % {"id": blank_id},
            )
        seen.add(blank_id)
        blanks.append(
            {
                "id": blank_id,
                "type": kind,
                "label": _text(item.get("label")) or blank_id,
                "required": _boolean(item, "required", True, problems),
                "prefill": prefill,
                "period": period,
            }
        )
    if [b["period"] for b in blanks].count("from") > 1 or [b["period"] for b in blanks].count(
        "to"
    ) > 1:
        problems.add(None, _("Only one blank can mark the start and one the end of the period."))
    return blanks


def _sections(raw: object, known: set[str], problems: _Problems, line: int) -> list[dict]:
    if not isinstance(raw, list):
        problems.add(line, _("The template has no list of sections."))
        return []
    sections: list[dict] = []
    for item in raw:
        if not isinstance(item, dict):
            problems.add(line, _("Each section must be a mapping with number, title and clauses."))
            continue
        number = _text(str(item.get("number") or ""))
        where = item["__line__"]
        _unknown_keys(item, SECTION_KEYS, problems, number)
        if number not in SECTION_NUMBERS:
            problems.add(
                where,
                _("“%(number)s” is not a section number of the template.") % {"number": number},
            )
        elif any(s["number"] == number for s in sections):
            problems.add(where, _("The section appears twice."), number)
        title = _text(item.get("title"))
        if not title:
            problems.add(where, _("The section has no title."), number)
        sections.append(
            {
                "number": number,
                "title": title,
                "guidance": _text(item.get("guidance")),
                "clauses": _clauses(item.get("clauses"), number, known, problems, where),
                "questions": _questions(item.get("questions"), number, problems, where),
            }
        )
    present = {s["number"] for s in sections}
    for number in SECTION_NUMBERS:
        if number not in present:
            problems.add(line, _("Section %(number)s is missing.") % {"number": number})
    order = {n: i for i, n in enumerate(SECTION_NUMBERS)}
    return sorted(sections, key=lambda s: order.get(s["number"], len(order)))


def _clauses(raw: object, number: str, known: set[str], problems: _Problems, line: int) -> list:
    if not isinstance(raw, list) or not raw:
        problems.add(line, _("The section has no clauses."), number)
        return []
    clauses = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not _text(item.get("text")):
            problems.add(line, _("Clause %(n)s has no text.") % {"n": index}, number)
            continue
        where, text = item["__line__"], _text(item["text"])
        _unknown_keys(item, CLAUSE_KEYS, problems, number)
        for blank_id in MARKER.findall(text):
            if blank_id not in known:
                problems.add(
                    where,
                    _("The clause uses the blank “%(id)s”, which is not defined under blanks.")
                    % {"id": blank_id},
                    number,
                )
        alternative = _text(item.get("alternative"))
        if alternative and alternative not in ALTERNATIVES:
            problems.add(
                where,
                _("The alternative “%(alt)s” is unknown; use single or host.")
                % {"alt": alternative},
                number,
            )
        clauses.append(
            {
                "id": f"{number}-{index}",
                "text": text,
                "alternative": alternative,
                "optional": _boolean(item, "optional", False, problems, number),
            }
        )
    return clauses


def _questions(raw: object, number: str, problems: _Problems, line: int) -> list[dict]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(q, str) and q.strip() for q in raw):
        problems.add(line, _("The questions must be a list of texts."), number)
        return []
    return [{"id": f"{number}-q{i}", "text": q.strip()} for i, q in enumerate(raw, start=1)]
