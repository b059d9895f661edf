"""Every change to agreements goes through these functions: templates, filling in, attachments,
hearing, agreeing, signing and putting in force (keyword `actor=`, one transaction each)."""

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.errors import ConflictError
from partnerskap.core.models import RoleKind, User
from partnerskap.core.services import check_integer_ranges
from partnerskap.meetings.uploads import DEFAULT_MAX_BYTES, DOCX, PDF, sniff_content_type
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import (
    Employer,
    OwnerKind,
    Partnership,
    PartnershipModel,
    Role,
    Weekday,
)

from . import text
from .models import (
    Agreement,
    AgreementAttachment,
    AgreementStatus,
    AgreementTemplate,
    AgreementVersion,
    Alternative,
    AnswerKind,
    Hearing,
    HearingComment,
    Signature,
    SignatureSide,
    VersionReason,
)
from .selectors import hearing_people
from .signing import InAppSigner, Signer
from .template_format import SHIPPED, parse_template

EDITABLE = (AgreementStatus.DRAFT, AgreementStatus.HEARING)

__all__ = ["ConflictError"]


def _save(instance: Model, actor: User | None) -> Model:
    check_integer_ranges(instance)  # SQLite would store any size (issue 11)
    instance.full_clean()
    instance._history_user = actor  # type: ignore[attr-defined]
    instance.save()
    return instance


def _lock(agreement: Agreement, revision: int | None) -> Agreement:
    """The agreement as committed, locked, after the optimistic revision check."""
    if revision is not None:
        moved = Agreement.objects.filter(pk=agreement.pk, revision=revision).update(
            revision=F("revision") + 1
        )
        if not moved:
            raise ConflictError()
    else:
        Agreement.objects.filter(pk=agreement.pk).update(revision=F("revision") + 1)
    return Agreement.objects.select_for_update().select_related("template").get(pk=agreement.pk)


def _saved(agreement: Agreement, fresh: Agreement, actor: User) -> Agreement:
    """Save the locked copy and bring the caller's copy up to date."""
    _save(fresh, actor)
    agreement.refresh_from_db()
    return agreement


def _require_change(actor: User, partnership_id: int) -> None:
    if not access_scope(actor).can_edit_partnership(partnership_id):
        raise PermissionDenied


# --- templates ------------------------------------------------------------------------------


@transaction.atomic
def template_load(*, actor: User | None, data: str | bytes, file_name: str) -> AgreementTemplate:
    """A new template version from a template file; nothing is saved if anything is wrong."""
    structure = parse_template(data, file_name)
    if AgreementTemplate.objects.filter(
        name=structure["name"], version=structure["version"]
    ).exists():
        raise ValidationError(
            _("%(file)s: the template %(name)s version %(version)s is already loaded.")
            % {"file": file_name, "name": structure["name"], "version": structure["version"]}
        )
    template = AgreementTemplate(
        name=structure["name"],
        version=structure["version"],
        description=structure["description"],
        structure=structure,
        source_name=file_name,
        loaded_by=actor,
    )
    return _save(template, actor)


def shipped_template() -> AgreementTemplate:
    """The template Partnerskap ships (the national structure in its own words)."""
    structure = parse_template(SHIPPED.read_text(encoding="utf-8"), SHIPPED.name)
    existing = AgreementTemplate.objects.filter(
        name=structure["name"], version=structure["version"]
    ).first()
    if existing:
        return existing
    return template_load(
        actor=None, data=SHIPPED.read_text(encoding="utf-8"), file_name=SHIPPED.name
    )


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
    return _save(agreement, actor)


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
    template = fresh.template
    if values is not None:
        blanks = template.blanks
        errors: dict[str, list] = {}
        for blank_id, value in values.items():
            if blank_id not in blanks:
                errors.setdefault("values", []).append(
                    _("The template has no blank “%(id)s”.") % {"id": blank_id}
                )
                continue
            try:
                fresh.values[blank_id] = _checked_value(
                    blanks[blank_id], value, fresh.partnership_id
                )
            except ValidationError as exc:
                for key, messages in exc.message_dict.items():
                    errors.setdefault(key, []).extend(messages)
        if errors:
            raise ValidationError(errors)
    if alternative is not None:
        if alternative not in Alternative.values:
            raise ValidationError({"alternative": _("Choose one of the alternatives.")})
        fresh.alternative = alternative
    if struck is not None:
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
        fresh.struck = struck
    if answers is not None:
        questions = {q["id"] for s in template.sections for q in s["questions"]}
        for key, value in answers.items():
            if key not in questions:
                raise ValidationError(
                    {"answers": _("The template has no question “%(id)s”.") % {"id": key}}
                )
            fresh.answers[key] = str(value or "").strip()
    if title is not None:
        fresh.title = title.strip()
    if evaluation_interval_months is not None:
        if evaluation_interval_months < 1:
            # 0 would silently switch the evaluation reminders off.
            raise ValidationError(
                {
                    "evaluation_interval_months": _(
                        "The evaluation interval must be 1 month or more, not %(value)s: the "
                        "agreement has to be evaluated."
                    )
                    % {"value": evaluation_interval_months}
                }
            )
        fresh.evaluation_interval_months = evaluation_interval_months
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
    return _save(attachment, actor)


# --- versions, hearing ----------------------------------------------------------------------


def _snapshot(agreement: Agreement, reason: str, actor: User) -> AgreementVersion:
    last = agreement.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return AgreementVersion.objects.create(
        agreement=agreement,
        number=last + 1,
        reason=reason,
        content=text.snapshot(agreement),
        created_by=actor,
    )


@transaction.atomic
def hearing_start(
    *,
    actor: User,
    agreement: Agreement,
    parties: Iterable[User],
    deadline: datetime.date,
    revision: int | None = None,
    notify: bool = True,
    site_url: str = "",
) -> Hearing:
    """Send the draft to named people with a deadline: the text sent is frozen as a version,
    and the parties are told by e-mail (`notify=False` for data loaded after the fact)."""
    _require_change(actor, agreement.partnership_id)
    fresh = _lock(agreement, revision)
    parties = list(parties)
    if fresh.status not in EDITABLE:
        raise ValidationError(_("Only a draft can be sent for hearing."))
    if not parties:
        raise ValidationError({"parties": _("Choose at least one person to send the draft to.")})
    eligible = set(
        hearing_people(fresh).filter(pk__in=[p.pk for p in parties]).values_list("pk", flat=True)
    )
    strangers = [p for p in parties if p.pk not in eligible]
    if strangers:
        raise ValidationError(
            {
                "parties": _(
                    "Only people with a role in the partnership can be hearing parties, "
                    "not %(names)s."
                )
                % {"names": ", ".join(str(p) for p in strangers)}
            }
        )
    if deadline <= timezone.localdate():
        raise ValidationError({"deadline": _("The deadline must be after today.")})
    version = _snapshot(fresh, VersionReason.HEARING, actor)
    hearing = _save(
        Hearing(agreement=fresh, version=version, deadline=deadline, sent_by=actor), actor
    )
    hearing.parties.set(parties)
    fresh.status = AgreementStatus.HEARING
    _saved(agreement, fresh, actor)
    if notify:
        transaction.on_commit(lambda: _notify_hearing(hearing.pk, site_url))
    return hearing


def site_url(request=None) -> str:
    """Where Partnerskap answers, for links in e-mail: the request's own address when there is
    one, else the SITE_URL setting, else the first trusted origin or allowed host."""
    from django.conf import settings

    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    configured = getattr(settings, "SITE_URL", "") or next(
        iter(getattr(settings, "CSRF_TRUSTED_ORIGINS", [])), ""
    )
    if configured:
        return configured.rstrip("/")
    hosts = [h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")]
    return f"https://{hosts[0]}" if hosts else "http://localhost:8000"


def _notify_hearing(hearing_id: int, base_url: str = "") -> int:
    """Tell the parties the draft is out for hearing, with the deadline and the link
    (absolute: an e-mail has no page to be relative to)."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.urls import reverse

    hearing = Hearing.objects.select_related("agreement").get(pk=hearing_id)
    recipients = sorted({p.email for p in hearing.parties.all() if p.email})
    if not recipients:
        return 0
    values = {
        "title": hearing.agreement.title,
        "deadline": hearing.deadline.strftime("%d.%m.%Y"),
        "path": (base_url or site_url())
        + reverse("agreements:agreement_detail", args=[hearing.agreement_id]),
    }
    return send_mail(
        _("Draft for hearing: %(title)s") % values,
        _(
            "The draft %(title)s is out for hearing. Comment on its sections by %(deadline)s: "
            "%(path)s"
        )
        % values,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )


def current_hearing(agreement: Agreement) -> Hearing | None:
    return agreement.hearings.order_by("-created_at", "-pk").first()


@transaction.atomic
def hearing_comment(
    *, actor: User, agreement: Agreement, section: str, text_: str
) -> HearingComment:
    """A named party (or someone who may change the partnership) comments on one section."""
    hearing = current_hearing(agreement)
    if agreement.status != AgreementStatus.HEARING or hearing is None:
        raise ValidationError(_("The agreement is not in hearing."))
    is_party = hearing.parties.filter(pk=actor.pk).exists()
    if not is_party and not access_scope(actor).can_edit_partnership(agreement.partnership_id):
        raise PermissionDenied
    if hearing.deadline < timezone.localdate():
        raise ValidationError(_("The hearing deadline has passed."))
    numbers = {s["number"] for s in agreement.template.sections}
    if section not in numbers:
        raise ValidationError({"section": _("Choose a section of the agreement.")})
    if not text_.strip():
        raise ValidationError({"text": _("Write the comment.")})
    return _save(HearingComment(hearing=hearing, section=section, author=actor, text=text_), actor)


@transaction.atomic
def comment_answer(
    *, actor: User, comment: HearingComment, answer: str, explanation: str = ""
) -> HearingComment:
    _require_change(actor, comment.hearing.agreement.partnership_id)
    agreement = Agreement.objects.select_for_update().get(pk=comment.hearing.agreement_id)
    if agreement.status not in EDITABLE:
        raise ValidationError(
            _("The answers cannot be changed once the agreement is agreed (status: %(status)s).")
            % {"status": agreement.get_status_display()}
        )
    if answer not in AnswerKind.values:
        raise ValidationError({"answer": _("Choose accepted, partly accepted or not accepted.")})
    if answer != AnswerKind.ACCEPTED and not explanation.strip():
        raise ValidationError(
            {"explanation": _("Explain why the comment is not accepted in full.")}
        )
    comment.answer = answer
    comment.answer_text = explanation.strip()
    comment.answered_by = actor
    comment.answered_at = timezone.now()
    return _save(comment, actor)


# --- agreeing, signing, in force ------------------------------------------------------------


@transaction.atomic
def agreement_agree(*, actor: User, agreement: Agreement, revision: int | None) -> Agreement:
    """Mark the text as agreed: refused while anything required is missing."""
    _require_change(actor, agreement.partnership_id)
    fresh = _lock(agreement, revision)
    if fresh.status not in EDITABLE:
        raise ValidationError(_("Only a draft or an agreement in hearing can be agreed."))
    gaps = missing(fresh)
    if gaps:
        raise ValidationError(
            _("The agreement cannot be agreed while %(count)s things are missing, first: %(what)s.")
            % {"count": len(gaps), "what": gaps[0].label}
        )
    fresh.status = AgreementStatus.AGREED
    fresh.agreed_at = timezone.now()
    _snapshot(fresh, VersionReason.AGREED, actor)
    return _saved(agreement, fresh, actor)


def signing_sides(actor: User, agreement: Agreement) -> list[str]:
    """The sides this person may sign for: the partnership's municipal owner representative for
    the municipality, the state owner (of the partnership or its county) for the state."""
    state_county = (
        agreement.partnership.owners.filter(kind=OwnerKind.STATE)
        .values_list("county_id", flat=True)
        .first()
    )
    roles = list(
        Role.objects.current()
        .filter(person=actor)
        .values_list("kind", "partnership_id", "county_id")
    )
    sides = []
    if any(k == RoleKind.MUNICIPAL_OWNER and p == agreement.partnership_id for k, p, _c in roles):
        sides.append(SignatureSide.MUNICIPALITY)
    if any(
        k == RoleKind.STATE_OWNER and (p == agreement.partnership_id or (c and c == state_county))
        for k, p, c in roles
    ):
        sides.append(SignatureSide.STATE)
    return sides


def signing_version(agreement: Agreement) -> AgreementVersion | None:
    return agreement.versions.filter(reason=VersionReason.AGREED).order_by("-number").first()


@transaction.atomic
def agreement_sign(
    *,
    actor: User,
    agreement: Agreement,
    side: str,
    signed_as: str,
    signer: Signer | None = None,
) -> Signature:
    """One owner signs the agreed text; when both have signed, the agreement is signed."""
    fresh = _lock(agreement, None)
    if fresh.status != AgreementStatus.AGREED:
        raise ValidationError(_("Only an agreed agreement can be signed."))
    if side not in signing_sides(actor, fresh):
        raise PermissionDenied
    if not signed_as.strip():
        raise ValidationError({"signed_as": _("Say as what you sign, for example Mayor.")})
    version = signing_version(fresh)
    if Signature.objects.filter(agreement=fresh, version=version, side=side).exists():
        raise ValidationError({"side": _("This party has already signed.")})
    if Signature.objects.filter(agreement=fresh, version=version, signer=actor).exists():
        raise ValidationError(
            {
                "side": _(
                    "You have already signed for the other party; each party needs its own signer."
                )
            }
        )
    result = (signer or InAppSigner()).sign(fresh, actor, signed_as.strip())
    signature = Signature.objects.create(
        agreement=fresh,
        version=version,
        side=side,
        signer=actor,
        signed_as=signed_as.strip(),
        signed_at=result.signed_at,
        method=result.method,
        reference=result.reference,
    )
    if Signature.objects.filter(agreement=fresh, version=version).count() == len(SignatureSide):
        fresh.status = AgreementStatus.SIGNED
        _snapshot(fresh, VersionReason.SIGNING, actor)
        _saved(agreement, fresh, actor)
    return signature


def period_blanks(agreement: Agreement) -> dict[str, dict]:
    """The template's blanks marking the period's start ("from") and end ("to"), if any."""
    return {b["period"]: b for b in agreement.template.structure["blanks"] if b.get("period")}


def agreed_period(agreement: Agreement) -> dict[str, datetime.date | None]:
    """The period as written in the agreement's blanks (what the DOCX and PDF print)."""
    period: dict[str, datetime.date | None] = {"from": None, "to": None}
    for end, blank in period_blanks(agreement).items():
        value = agreement.values.get(blank["id"])
        period[end] = datetime.date.fromisoformat(value) if value else None
    return period


def _check_period(
    agreement: Agreement, valid_from: datetime.date | None, valid_to: datetime.date | None
) -> tuple[datetime.date, datetime.date | None]:
    """The period to put in force: the agreed text's, and never one that contradicts it."""
    written = agreed_period(agreement)
    blanks = period_blanks(agreement)
    chosen = {"from": valid_from or written["from"], "to": valid_to or written["to"]}
    for end, field in (("from", "valid_from"), ("to", "valid_to")):
        if written[end] and chosen[end] != written[end]:
            raise ValidationError(
                {
                    field: _(
                        "The signed agreement says %(label)s %(written)s; the date here must be "
                        "the same, not %(given)s."
                    )
                    % {
                        "label": blanks[end]["label"],
                        "written": written[end].strftime("%d.%m.%Y"),
                        "given": chosen[end].strftime("%d.%m.%Y"),
                    }
                }
            )
    if chosen["from"] is None:
        raise ValidationError({"valid_from": _("Give the date the agreement is in force from.")})
    if chosen["from"] > timezone.localdate():
        raise ValidationError(
            {
                "valid_from": _(
                    "The agreement starts %(date)s: put it in force on that day, not before, "
                    "so that the agreement in force until then stays in force."
                )
                % {"date": chosen["from"].strftime("%d.%m.%Y")}
            }
        )
    return chosen["from"], chosen["to"]


@transaction.atomic
def agreement_put_in_force(
    *,
    actor: User,
    agreement: Agreement,
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
    revision: int | None = None,
) -> Agreement:
    """Put a signed agreement in force; the one in force before it is replaced in the same
    transaction. The database refuses two in force (constraint agreement_one_in_force).
    The period is the one written in the agreement's period blanks (decision 0008)."""
    _require_change(actor, agreement.partnership_id)
    fresh = _lock(agreement, revision)
    if fresh.status != AgreementStatus.SIGNED:
        raise ValidationError(_("Only an agreement signed by both owners can be put in force."))
    valid_from, valid_to = _check_period(fresh, valid_from, valid_to)
    if valid_to and valid_to <= valid_from:
        raise ValidationError({"valid_to": _("The period must end after it starts.")})
    previous = list(
        Agreement.objects.select_for_update()
        .filter(partnership_id=fresh.partnership_id, status=AgreementStatus.IN_FORCE)
        .exclude(pk=fresh.pk)
    )
    for old in previous:
        old.status = AgreementStatus.REPLACED
        old.replaced_by = fresh
        if old.valid_to is None or old.valid_to > valid_from:
            old.valid_to = max(valid_from, (old.valid_from or valid_from) + datetime.timedelta(1))
        _save(old, actor)
    fresh.status = AgreementStatus.IN_FORCE
    fresh.valid_from, fresh.valid_to = valid_from, valid_to
    try:
        with transaction.atomic():
            _saved(agreement, fresh, actor)
    except IntegrityError:
        raise ValidationError(
            _("Another agreement was put in force at the same time; reload and try again.")
        ) from None
    return agreement


@transaction.atomic
def agreements_expire(today: datetime.date) -> int:
    """Agreements whose period has ended are expired, one by one so that each change is in
    the agreement's history."""
    ended = list(
        Agreement.objects.select_for_update().filter(
            status=AgreementStatus.IN_FORCE, valid_to__lt=today
        )
    )
    for agreement in ended:
        agreement.status = AgreementStatus.EXPIRED
        agreement.revision += 1
        _save(agreement, None)
    return len(ended)
