"""Creating an agreement prefilled from the registry, filling it in, and its attachments."""

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import save
from partnerskap.meetings.uploads import DEFAULT_MAX_BYTES, DOCX, PDF, sniff_content_type
from partnerskap.registry.models import (
    Employer,
    OwnerKind,
    Partnership,
    PartnershipModel,
    Weekday,
)

from .. import text
from ..models import (
    Agreement,
    AgreementAttachment,
    AgreementTemplate,
    Alternative,
    HearingComment,
)
from ._base import EDITABLE, _lock, _require_change, _saved
from .templates import shipped_template

# --- creating and filling in ----------------------------------------------------------------


def prefill(partnership: Partnership) -> dict[str, str]:
    """Values the registry already knows: parties, office, municipalities, terms, hours."""
    owners = list(partnership.owners.select_related("county", "municipality"))
    municipal = [o for o in owners if o.kind == OwnerKind.MUNICIPALITY]
    host = next((o for o in municipal if o.is_host), municipal[0] if municipal else None)
    state = next((o for o in owners if o.kind == OwnerKind.STATE), None)
    office = partnership.office
    hours = list(office.opening_hours.order_by("weekday", "opens"))
    values = {
        "office_name": office.name,
        "office_address": office.visiting_address,
        "municipality": host.municipality.name if host else "",
        "municipalities": ", ".join(o.municipality.name for o in municipal),
        "county": state.county.name if state else "",
        "opening_hours": "; ".join(
            f"{str(Weekday(h.weekday).label).lower()} {h.opens:%H:%M}–{h.closes:%H:%M}"
            for h in hours  # mid-sentence in the clause: "åpent mandag 09:00–15:00"
        ),
        "leader_terms": (
            str(Employer(partnership.leader_employer).label).lower()
            if partnership.leader_employer
            else ""
        ),
    }
    return {k: v for k, v in values.items() if v}


@transaction.atomic
def agreement_create(
    *,
    actor: User,
    partnership: Partnership,
    template: AgreementTemplate | None = None,
    title: str = "",
) -> Agreement:
    _require_change(actor, partnership.pk)
    template = template or shipped_template()
    known = prefill(partnership)
    values = {
        blank["id"]: known[blank["prefill"]]
        for blank in template.structure["blanks"]
        if blank["prefill"] and known.get(blank["prefill"])
    }
    alternative = (
        Alternative.HOST if partnership.model == PartnershipModel.HOST else Alternative.SINGLE
    )
    agreement = Agreement(
        partnership=partnership,
        template=template,
        title=title or _("Partnership agreement for %(name)s") % {"name": partnership.name},
        alternative=alternative,
        values=values,
    )
    return save(agreement, actor=actor)


def _municipality_names(partnership_id: int) -> set[str]:
    from partnerskap.registry.models import Owner

    return set(
        Owner.objects.filter(
            partnership_id=partnership_id, kind=OwnerKind.MUNICIPALITY
        ).values_list("municipality__name", flat=True)
    )


def _checked_value(blank: dict, value: object, partnership_id: int) -> str:
    raw = str(value if value is not None else "").strip()
    if not raw:
        return ""
    label = blank["label"]
    if blank["type"] == "number":
        try:
            Decimal(raw.replace(" ", "").replace(",", "."))
        except InvalidOperation:
            raise ValidationError(
                {
                    blank["id"]: _("%(label)s must be a number, not “%(value)s”.")
                    % {"label": label, "value": raw}
                }
            ) from None
    elif blank["type"] == "date":
        try:
            if "." in raw:
                return datetime.datetime.strptime(raw, "%d.%m.%Y").date().isoformat()
            return datetime.date.fromisoformat(raw).isoformat()
        except ValueError:
            raise ValidationError(
                {
                    blank["id"]: _("%(label)s must be a date like 31.12.2027, not “%(value)s”.")
                    % {"label": label, "value": raw}
                }
            ) from None
    elif blank["type"] == "municipality":
        names = _municipality_names(partnership_id)
        if raw not in names:
            raise ValidationError(
                {
                    blank["id"]: _(
                        "%(label)s must be one of the partnership's municipalities: %(names)s."
                    )
                    % {"label": label, "names": ", ".join(sorted(names))}
                }
            )
    return raw


def _fill_values(agreement: Agreement, values: dict[str, object]) -> None:
    """Put the checked values in the blanks; every wrong one is reported at once."""
    blanks = agreement.template.blanks
    errors: dict[str, list] = {}
    for blank_id, value in values.items():
        if blank_id not in blanks:
            errors.setdefault("values", []).append(
                _("The template has no blank “%(id)s”.") % {"id": blank_id}
            )
            continue
        try:
            agreement.values[blank_id] = _checked_value(
                blanks[blank_id], value, agreement.partnership_id
            )
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                errors.setdefault(key, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _checked_struck(template: AgreementTemplate, struck: Iterable[str]) -> list[str]:
    optional = {c["id"] for s in template.sections for c in s["clauses"] if c["optional"]}
    struck = list(dict.fromkeys(struck))
    wrong = [c for c in struck if c not in optional]
    if wrong:
        raise ValidationError(
            {
                "struck": _("Only optional clauses can be struck, not %(ids)s.")
                % {"ids": ", ".join(wrong)}
            }
        )
    return struck


def _fill_answers(agreement: Agreement, answers: dict[str, object]) -> None:
    questions = {q["id"] for s in agreement.template.sections for q in s["questions"]}
    for key, value in answers.items():
        if key not in questions:
            raise ValidationError(
                {"answers": _("The template has no question “%(id)s”.") % {"id": key}}
            )
        agreement.answers[key] = str(value or "").strip()


def _checked_interval(months: int) -> int:
    if months < 1:
        # 0 would silently switch the evaluation reminders off.
        raise ValidationError(
            {
                "evaluation_interval_months": _(
                    "The evaluation interval must be 1 month or more, not %(value)s: the "
                    "agreement has to be evaluated."
                )
                % {"value": months}
            }
        )
    return months


@transaction.atomic
def agreement_fill(
    *,
    actor: User,
    agreement: Agreement,
    revision: int | None,
    values: dict[str, object] | None = None,
    alternative: str | None = None,
    struck: Iterable[str] | None = None,
    answers: dict[str, object] | None = None,
    title: str | None = None,
    evaluation_interval_months: int | None = None,
) -> Agreement:
    """Fill in blanks, choose the alternative, strike optional clauses, answer questions.
    Only what is given changes; a stale revision is refused (ConflictError)."""
    _require_change(actor, agreement.partnership_id)
    fresh = _lock(agreement, revision)
    if fresh.status not in EDITABLE:
        raise ValidationError(_("Only a draft or an agreement in hearing can be changed."))
    if values is not None:
        _fill_values(fresh, values)
    if alternative is not None:
        if alternative not in Alternative.values:
            raise ValidationError({"alternative": _("Choose one of the alternatives.")})
        fresh.alternative = alternative
    if struck is not None:
        fresh.struck = _checked_struck(fresh.template, struck)
    if answers is not None:
        _fill_answers(fresh, answers)
    if title is not None:
        fresh.title = title.strip()
    if evaluation_interval_months is not None:
        fresh.evaluation_interval_months = _checked_interval(evaluation_interval_months)
    return _saved(agreement, fresh, actor)


def attachment_kinds(agreement: Agreement) -> set[str]:
    return set(agreement.attachments.values_list("kind", flat=True))


def unanswered_count(agreement: Agreement) -> int:
    return HearingComment.objects.filter(hearing__agreement=agreement, answer="").count()


def missing(agreement: Agreement) -> list[text.Missing]:
    return text.missing(agreement, attachment_kinds(agreement), unanswered_count(agreement))


ATTACHMENT_TYPES = (PDF, DOCX)


@transaction.atomic
def attachment_add(
    *, actor: User, agreement: Agreement, kind: str, title: str, file: UploadedFile
) -> AgreementAttachment:
    _require_change(actor, agreement.partnership_id)
    if file.size and file.size > DEFAULT_MAX_BYTES:
        raise ValidationError({"file": _("%(name)s is larger than 20 MB.") % {"name": file.name}})
    content_type = sniff_content_type(file)
    if content_type not in ATTACHMENT_TYPES:
        raise ValidationError(
            {"file": _("%(name)s is not a PDF or Word (DOCX) file.") % {"name": file.name}}
        )
    attachment = AgreementAttachment(
        agreement=agreement,
        kind=kind,
        title=title.strip() or file.name,
        file=file,
        content_type=content_type,
        size=file.size or 0,
        uploaded_by=actor,
    )
    return save(attachment, actor=actor)
