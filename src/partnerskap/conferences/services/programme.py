"""The programme's sessions: add, change, remove, and speakers from inside or outside the registry.

Changes are to the working copy; the public sees them when the programme is published again
(events.programme_publish), as a new version with a note.
"""

from collections.abc import Sequence
from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.people import person_create
from partnerskap.core.services import claim_revision, delete, locked, save

from ..models import WITHOUT_SPEAKERS, Event, Session, SessionKind, SessionSpeaker
from ._common import assert_manages

SESSION_FIELDS = ("day", "starts", "ends", "title", "kind", "description", "track", "moderator")


def _check(session: Session, speakers: Sequence[User]) -> None:
    event = session.event
    if not event.first_day <= session.day <= event.last_day:
        raise ValidationError(
            {
                "day": _("The day must be one of the event's days, %(first)s–%(last)s.")
                % {
                    "first": event.first_day.strftime("%d.%m.%Y"),
                    "last": event.last_day.strftime("%d.%m.%Y"),
                }
            }
        )
    if session.ends <= session.starts:
        raise ValidationError({"ends": _("The session must end after it starts.")})
    if session.kind in WITHOUT_SPEAKERS and (speakers or session.moderator_id):
        raise ValidationError({"speakers": _("A break or a meal has no speakers or moderator.")})
    if len({person.pk for person in speakers}) != len(speakers):
        raise ValidationError({"speakers": _("The same speaker is chosen twice.")})
    clash = (
        Session.objects.filter(
            event=event,
            day=session.day,
            track=session.track,
            starts__lt=session.ends,
            ends__gt=session.starts,
        )
        .exclude(pk=session.pk)
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "track": _(
                    "“%(other)s” (%(starts)s–%(ends)s) is at the same time in the same room. "
                    "Parallel sessions need a room or track each."
                )
                % {
                    "other": clash.title,
                    "starts": clash.starts.strftime("%H:%M"),
                    "ends": clash.ends.strftime("%H:%M"),
                }
            }
        )


def _set_speakers(session: Session, speakers: Sequence[User]) -> None:
    session.speaker_links.all().delete()
    SessionSpeaker.objects.bulk_create(
        SessionSpeaker(session=session, person=person, position=index)
        for index, person in enumerate(speakers)
    )


@transaction.atomic
def session_add(
    *,
    actor: User,
    event: Event,
    day: date,
    starts: time,
    ends: time,
    title: str,
    kind: str = SessionKind.TALK,
    description: str = "",
    track: str = "",
    moderator: User | None = None,
    speakers: Sequence[User] = (),
) -> Session:
    assert_manages(actor, event)
    session = Session(
        event=event,
        day=day,
        starts=starts,
        ends=ends,
        title=title.strip(),
        kind=kind,
        description=description.strip(),
        track=track.strip(),
        moderator=moderator,
    )
    _check(session, speakers)
    save(session, actor=actor)
    _set_speakers(session, speakers)
    return session


@transaction.atomic
def session_update(
    *,
    actor: User,
    session: Session,
    revision: int | None,
    speakers: Sequence[User] | None = None,
    **fields: object,
) -> Session:
    """Change a session; `speakers`, when given, replaces the list in that order."""
    assert_manages(actor, session.event)
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"not session fields: {sorted(unknown)}")
    claim_revision(Session, session.pk, revision)
    fresh = locked(Session, session.pk, "event")
    for name, value in fields.items():
        setattr(fresh, name, value.strip() if isinstance(value, str) else value)
    if speakers is None:
        speakers = [link.person for link in fresh.speaker_links.select_related("person")]
    _check(fresh, speakers)
    save(fresh, actor=actor)
    _set_speakers(fresh, speakers)
    return fresh


@transaction.atomic
def session_remove(*, actor: User, session: Session) -> None:
    assert_manages(actor, session.event)
    delete(session, actor=actor)


def speaker_create(
    *,
    actor: User,
    first_name: str,
    last_name: str = "",
    job_title: str = "",
    organisation: str = "",
    email: str = "",
) -> User:
    """A speaker from outside the registry: a person without a login (decision 0020)."""
    return person_create(
        actor=actor,
        first_name=first_name,
        last_name=last_name,
        job_title=job_title,
        organisation=organisation,
        email=email,
    )
