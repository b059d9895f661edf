"""The hearing: the draft sent to named parties, their comments and the answers."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core import links
from partnerskap.core.models import User
from partnerskap.core.services import save
from partnerskap.registry.access import access_scope

from ..models import (
    Agreement,
    AgreementStatus,
    AnswerKind,
    Hearing,
    HearingComment,
    VersionReason,
)
from ..selectors import hearing_people
from ._base import EDITABLE, _lock, _require_change, _saved, _snapshot


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
    hearing = save(
        Hearing(agreement=fresh, version=version, deadline=deadline, sent_by=actor), actor=actor
    )
    hearing.parties.set(parties)
    fresh.status = AgreementStatus.HEARING
    _saved(agreement, fresh, actor)
    if notify:
        transaction.on_commit(lambda: _notify_hearing(hearing.pk, site_url))
    return hearing


def site_url(request=None) -> str:
    """Where Partnerskap answers, for links in e-mail (core.links.site_url)."""
    return links.site_url(request)


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
    return save(
        HearingComment(hearing=hearing, section=section, author=actor, text=text_), actor=actor
    )


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
    return save(comment, actor=actor)
