"""What each searchable thing of the other apps looks like in the index, and which things a
change touches.

A *source* turns one row of another app into an `Entry` (or None when it must not be found, e.g.
a withdrawn person or a cancelled meeting is still found, a deleted row is not). `touched` says
which sources a saved row changes: publishing minutes changes whether the meeting's items and
attachments are public. The search app reads the other apps; none of them imports it.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet
from django.urls import reverse

from partnerskap.agreements import text as agreement_text
from partnerskap.agreements.models import Agreement, AgreementAttachment, HearingComment
from partnerskap.core.models import User
from partnerskap.figures.models import ReportSection, StatusReport
from partnerskap.meetings.models import (
    ActionItem,
    AgendaItem,
    Attachment,
    Body,
    BodyMember,
    Meeting,
    MeetingStatus,
    Minutes,
)
from partnerskap.meetings.selectors import public_meetings_q
from partnerskap.registry.models import Partnership, Role

from . import text
from .models import EntryKind, SearchEntry


@dataclass(frozen=True)
class Entry:
    kind: str
    title: str
    text: str
    url: str
    partnership_id: int | None = None
    body_id: int | None = None
    year: int | None = None
    public: bool = False
    source_hash: str = ""
    public_url: str = ""


def _join(*parts: object) -> str:
    return "\n".join(str(p) for p in parts if p)


def _public_meeting_ids(meeting_ids: Iterable[int]) -> set[int]:
    return set(
        Meeting.objects.filter(public_meetings_q(), id__in=list(meeting_ids))
        .exclude(status=MeetingStatus.CANCELLED)
        .values_list("id", flat=True)
    )


# --- one builder per source model; each takes a batch (one query per batch, not per row) ------


def _public_page(meeting_id: int, slug: str, anchor: str = "") -> str:
    return reverse("meetings:public_meeting", args=[slug, meeting_id]) + anchor


def meetings(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    rows = list(qs.select_related("body"))
    public = _public_meeting_ids(m.pk for m in rows)
    for m in rows:
        yield (
            m,
            Entry(
                EntryKind.MEETING,
                str(m),
                _join(m.body.name, m.location, m.cancelled_reason),
                reverse("meetings:meeting_detail", args=[m.pk]),
                m.body.partnership_id,
                m.body_id,
                m.starts_at.year,
                m.pk in public,
                public_url=_public_page(m.pk, m.body.slug) if m.pk in public else "",
            ),
        )


def items(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    rows = list(qs.select_related("meeting__body"))
    public = _public_meeting_ids({i.meeting_id for i in rows})
    for i in rows:
        body = i.meeting.body
        yield (
            i,
            Entry(
                EntryKind.ITEM,
                f"{i.label} {i.title}",
                _join(i.background, i.notes, i.decision_text, i.status_note),
                reverse("meetings:meeting_detail", args=[i.meeting_id]) + f"#item-{i.pk}",
                body.partnership_id,
                body.pk,
                i.year,
                i.meeting_id in public and not i.exempt,
                public_url=_public_page(i.meeting_id, body.slug, f"#item-{i.pk}"),
            ),
        )


def actions(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    for a in qs.select_related("body", "owner", "item"):
        yield (
            a,
            Entry(
                EntryKind.FOLLOW_UP,
                a.title,
                _join(a.progress, a.owner.display_name, a.item.label),
                reverse("meetings:meeting_detail", args=[a.item.meeting_id]) + f"#item-{a.item_id}",
                a.body.partnership_id,
                a.body_id,
                a.due_date.year,
            ),
        )


def _known_texts(model: type[Model], ids: list[int]) -> dict[int, tuple[str, str]]:
    """The text already extracted from each file, with the hash of the file it came from."""
    source_type = ContentType.objects.get_for_model(model)
    rows = SearchEntry.objects.filter(source_type=source_type, source_id__in=ids)
    return {
        pk: (digest, body)
        for pk, digest, body in rows.values_list("source_id", "source_hash", "text")
    }


def _text_of(obj: Model, digest: str, known: dict[int, tuple[str, str]]) -> str:
    old = known.get(obj.pk)
    if old is not None and digest and old[0] == digest:
        return old[1]  # the same file as last time: not read again
    return _file_text(obj.file, obj.content_type)


def attachments(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    rows = list(qs.select_related("item__meeting__body"))
    public = _public_meeting_ids({a.item.meeting_id for a in rows})
    known = _known_texts(Attachment, [a.pk for a in rows])
    for a in rows:
        body = a.item.meeting.body
        entry = Entry(
            EntryKind.DOCUMENT,
            a.title,
            _text_of(a, a.sha256, known),
            reverse("meetings:attachment_download", args=[a.pk]),
            body.partnership_id,
            body.pk,
            a.item.year,
            a.item.meeting_id in public and not a.exempt and not a.item.exempt,
            a.sha256,
            reverse("meetings:public_attachment", args=[body.slug, a.item.meeting_id, a.pk]),
        )
        yield a, entry


def agreement_files(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    for a in qs.select_related("agreement"):
        yield (
            a,
            Entry(
                EntryKind.DOCUMENT,
                a.title,
                _file_text(a.file, a.content_type),
                reverse("agreements:attachment_download", args=[a.pk]),
                a.agreement.partnership_id,
                None,
                a.created_at.year,
            ),
        )


def _file_text(field, content_type: str) -> str:
    try:
        with field.open("rb") as f:
            return text.file_text(f.read(), content_type, field.name)
    except (OSError, ValueError):
        return ""  # the file is missing from storage: found by its title only


def agreements(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    rows = list(qs.select_related("template").prefetch_related("hearings__comments"))
    for a in rows:
        sections = agreement_text.sections(a)
        comments = [
            _join(c.text, c.answer_text) for h in a.hearings.all() for c in h.comments.all()
        ]
        body = _join(
            *(_join(s.heading, *s.paragraphs) for s in sections),
            *comments,
        )
        yield (
            a,
            Entry(
                EntryKind.AGREEMENT,
                a.title,
                body,
                reverse("agreements:agreement_detail", args=[a.pk]),
                a.partnership_id,
                None,
                a.created_at.year,
            ),
        )


def reports(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    for r in qs.prefetch_related("sections"):
        yield (
            r,
            Entry(
                EntryKind.STATUS_REPORT,
                r.title,
                _join(*(_join(s.get_kind_display(), s.text) for s in r.sections.all())),
                reverse("figures:report_detail", args=[r.pk]),
                r.partnership_id,
                None,
                r.created_at.year,
            ),
        )


def bodies(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    for b in qs.select_related("partnership"):
        yield (
            b,
            Entry(
                EntryKind.BODY,
                b.name,
                _join(b.get_kind_display(), b.description, b.default_location),
                reverse("meetings:body_detail", args=[b.pk]),
                b.partnership_id,
                b.pk,
            ),
        )


def partnerships(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    for p in qs.select_related("office"):
        yield (
            p,
            Entry(
                EntryKind.PARTNERSHIP,
                p.name,
                _join(p.office.name, p.office.unit_number, p.get_model_display()),
                reverse("registry:partnership_detail", args=[p.pk]),
                p.pk,
            ),
        )


def roles(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    """A person as found within a partnership: one entry per role there."""
    for r in qs.filter(partnership__isnull=False).select_related("person", "partnership"):
        person = r.person
        yield (
            r,
            Entry(
                EntryKind.PERSON,
                person.display_name,
                _join(
                    r.get_kind_display(), r.partnership.name, person.job_title, person.organisation
                ),
                reverse("registry:partnership_detail", args=[r.partnership_id]),
                r.partnership_id,
            ),
        )


def members(qs: QuerySet) -> Iterator[tuple[Model, Entry]]:
    """A person as found within a body: external members have no partnership role."""
    for m in qs.select_related("person", "body"):
        person = m.person
        yield (
            m,
            Entry(
                EntryKind.PERSON,
                person.display_name,
                _join(m.get_role_display(), m.body.name, m.represents, person.organisation),
                reverse("meetings:body_detail", args=[m.body_id]),
                m.body.partnership_id,
                m.body_id,
            ),
        )


Builder = Callable[[QuerySet], Iterator[tuple[Model, Entry]]]

# Every source model and how it becomes an entry; `search_rebuild` walks them in this order.
SOURCES: dict[type[Model], Builder] = {
    Partnership: partnerships,
    Body: bodies,
    Meeting: meetings,
    AgendaItem: items,
    ActionItem: actions,
    Attachment: attachments,
    Agreement: agreements,
    AgreementAttachment: agreement_files,
    StatusReport: reports,
    Role: roles,
    BodyMember: members,
}


def touched(instance: Model) -> list[tuple[type[Model], Q]]:
    """The sources a saved row changes, as (source model, which rows)."""
    pk = instance.pk
    match instance:
        case Meeting():
            return _meeting_and_contents(pk)
        case Minutes():
            return _meeting_and_contents(instance.meeting_id)
        case AgendaItem():
            return [
                (AgendaItem, Q(pk=pk)),
                (Attachment, Q(item_id=pk)),
                (ActionItem, Q(item_id=pk)),
            ]
        case HearingComment():
            return [(Agreement, Q(hearings__comments=pk))]
        case ReportSection():
            return [(StatusReport, Q(pk=instance.report_id))]
        case User():
            return [(Role, Q(person_id=pk)), (BodyMember, Q(person_id=pk))]
        case Body():
            return [(Body, Q(pk=pk)), (Meeting, Q(body_id=pk))]
        case Partnership():
            return [(Partnership, Q(pk=pk)), (Role, Q(partnership_id=pk))]
    if type(instance) in SOURCES:
        return [(type(instance), Q(pk=pk))]
    return []


def _meeting_and_contents(meeting_id: int) -> list[tuple[type[Model], Q]]:
    return [
        (Meeting, Q(pk=meeting_id)),
        (AgendaItem, Q(meeting_id=meeting_id)),
        (Attachment, Q(item__meeting_id=meeting_id)),
    ]


# Models whose saves `touched` knows: the search app listens to these.
WATCHED: tuple[type[Model], ...] = (*SOURCES, Minutes, HearingComment, ReportSection, User)
