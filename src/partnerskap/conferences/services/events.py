"""Creating and changing an event, extending its deadline, inviting people, publishing its
programme (a new version, announced to the participants, when it changes after publishing)."""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import claim_revision, locked, save
from partnerskap.meetings.access import body_scope
from partnerskap.meetings.models import Body
from partnerskap.registry.models import County, Municipality, Partnership

from .. import notify
from ..access import event_scope
from ..models import (
    HOLDS_PLACE,
    RESERVED_SLUGS,
    Event,
    Invitation,
    ProgrammeVersion,
    RegistrationMode,
)
from ..programme import programme_content
from ._common import assert_manages, at
from .registrations import offer_free_places

# What event_update may change; the organiser is fixed once the event exists.
EVENT_FIELDS = (
    "title",
    "kind",
    "description",
    "co_organisers",
    "following_body",
    "first_day",
    "last_day",
    "place",
    "address",
    "capacity",
    "audience",
    "registration_mode",
    "registration_opens",
    "registration_closes",
    "late_registration",
    "questions",
    "contact_email",
    "offer_hours",
    "retention_days",
)


def _check_organiser(actor: User, partnership: Partnership | None, county: County | None) -> None:
    scope = event_scope(actor)
    if (partnership is None) == (county is None):
        raise ValidationError({"organiser": _("Choose one organiser: a county or a partnership.")})
    if partnership is not None and not (
        scope.is_admin or partnership.pk in scope.editable_partnerships
    ):
        raise PermissionDenied
    if county is not None and not (scope.is_admin or county.pk in scope.editable_counties):
        raise PermissionDenied


def _check_body(actor: User, body: Body | None) -> None:
    if body is not None and not body_scope(actor).can_read(body.pk):
        raise ValidationError(
            {"following_body": _("Choose a body you are a member of or may read.")}
        )


def _check_dates(event: Event) -> None:
    if event.first_day and event.last_day and event.last_day < event.first_day:
        raise ValidationError({"last_day": _("The last day cannot be before the first day.")})
    ends = at(event.last_day, datetime.max.time()) if event.last_day else None
    if event.registration_closes and ends and event.registration_closes > ends:
        raise ValidationError(
            {"registration_closes": _("The deadline must be before the event ends.")}
        )
    opens, closes = event.registration_opens, event.registration_closes
    if opens and closes and opens >= closes:
        raise ValidationError(
            {"registration_opens": _("Registration must open before the deadline.")}
        )
    if event.slug in RESERVED_SLUGS:
        raise ValidationError({"slug": _("This address is taken. Choose another.")})


@transaction.atomic
def event_create(
    *,
    actor: User,
    title: str,
    slug: str,
    first_day,
    last_day,
    place: str,
    registration_closes: datetime,
    organiser_partnership: Partnership | None = None,
    organiser_county: County | None = None,
    audience_municipalities: Iterable[Municipality] = (),
    **fields: object,
) -> Event:
    """A new event in draft: nothing is public until the programme is published."""
    _check_organiser(actor, organiser_partnership, organiser_county)
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"not event fields: {sorted(unknown)}")
    _check_body(actor, fields.get("following_body"))  # type: ignore[arg-type]
    event = Event(
        title=title.strip(),
        slug=slug.strip(),
        first_day=first_day,
        last_day=last_day,
        place=place.strip(),
        registration_closes=registration_closes,
        organiser_partnership=organiser_partnership,
        organiser_county=organiser_county,
        **fields,
    )
    _check_dates(event)
    save(event, actor=actor)
    event.audience_municipalities.set(audience_municipalities)
    return event


@transaction.atomic
def event_update(
    *,
    actor: User,
    event: Event,
    revision: int | None,
    audience_municipalities: Iterable[Municipality] | None = None,
    base_url: str = "",
    **fields: object,
) -> Event:
    """Change the event's details; a stale `revision` raises ConflictError (nothing saved).

    Places can be added (the first on the waiting list are offered them at once) but not cut
    below the number of people who already hold one."""
    assert_manages(actor, event)
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"not event fields: {sorted(unknown)}")
    claim_revision(Event, event.pk, revision)
    fresh = locked(Event, event.pk)
    if "following_body" in fields and fields["following_body"] != fresh.following_body:
        _check_body(actor, fields["following_body"])  # type: ignore[arg-type]
    for name, value in fields.items():
        setattr(fresh, name, value)
    _check_dates(fresh)
    held = fresh.registrations.filter(status__in=HOLDS_PLACE).count()
    if fresh.capacity is not None and fresh.capacity < held:
        raise ValidationError(
            {
                "capacity": _(
                    "%(count)s people already hold a place: the event cannot have fewer places."
                )
                % {"count": held}
            }
        )
    save(fresh, actor=actor)
    if audience_municipalities is not None:
        fresh.audience_municipalities.set(audience_municipalities)
    offer_free_places(fresh, actor=actor, base_url=base_url)
    return fresh


@transaction.atomic
def event_extend_deadline(
    *, actor: User, event: Event, registration_closes: datetime, revision: int | None
) -> Event:
    """Move the registration deadline later (the seed's "påmeldingsfrist utvidet til 29. mai");
    the history keeps the old one."""
    assert_manages(actor, event)
    claim_revision(Event, event.pk, revision)
    fresh = locked(Event, event.pk)
    if registration_closes <= fresh.registration_closes:
        raise ValidationError(
            {
                "registration_closes": _(
                    "The new deadline must be later than the current one, %(deadline)s."
                )
                % {
                    "deadline": timezone.localtime(fresh.registration_closes).strftime(
                        "%d.%m.%Y %H:%M"
                    )
                }
            }
        )
    fresh.registration_closes = registration_closes
    _check_dates(fresh)
    return save(fresh, actor=actor)


@transaction.atomic
def programme_publish(
    *, actor: User, event: Event, note: str = "", base_url: str = ""
) -> ProgrammeVersion:
    """Publish the programme as it stands. The first publication opens the public page; each
    later one is a new version that must say what changed, and the participants are told."""
    assert_manages(actor, event)
    fresh = locked(Event, event.pk)
    content = programme_content(fresh)
    if not any(day["sessions"] for day in content["days"]):
        raise ValidationError(_("The programme has no sessions yet. Add the first one."))
    latest = fresh.versions.order_by("-number").first()
    if latest is not None:
        if latest.content == content:
            raise ValidationError(_("The programme has not changed since it was published."))
        if not note.strip():
            raise ValidationError(
                {"note": _("Say what changed: the participants are told in an e-mail.")}
            )
    version = save(
        ProgrammeVersion(
            event=fresh,
            number=(latest.number + 1) if latest else 1,
            published_by=actor,
            note=note.strip(),
            content=content,
        ),
        actor=actor,
    )
    if fresh.published_at is None:
        fresh.published_at = timezone.now()
        save(fresh, actor=actor)
    if latest is not None:
        transaction.on_commit(lambda: notify.send_programme_changed(version.pk, base_url))
    return version


@transaction.atomic
def invitation_add(
    *,
    actor: User,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    municipality: Municipality | None = None,
    base_url: str = "",
) -> Invitation:
    """Invite one person: they get a personal link to the registration form by e-mail."""
    assert_manages(actor, event)
    if event.registration_mode != RegistrationMode.INVITATION:
        raise ValidationError(_("This event is open to everyone: share the public page instead."))
    email = email.strip().lower()
    if Invitation.objects.filter(event=event, email__iexact=email).exists():
        raise ValidationError({"email": _("%(email)s is already invited.") % {"email": email}})
    if (
        municipality is not None
        and not event.audience_municipalities.filter(pk=municipality.pk).exists()
    ):
        raise ValidationError(
            {"municipality": _("Choose one of the municipalities invited to the event.")}
        )
    invitation = save(
        Invitation(
            event=event,
            name=name.strip(),
            email=email,
            organisation=organisation.strip(),
            municipality=municipality,
            invited_by=actor,
        ),
        actor=actor,
    )
    transaction.on_commit(lambda: notify.send_invitation(invitation.pk, base_url))
    return invitation
