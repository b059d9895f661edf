"""C2: bodies, meetings, agenda items, decisions, follow-up actions, minutes and the annual plan."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel, ValidityPeriod
from partnerskap.registry.models import County, Partnership

User = settings.AUTH_USER_MODEL


class BodyKind(models.TextChoices):
    PARTNERSHIP_MEETING = "partnership_meeting", _("Partnership meeting")
    STEERING_GROUP = "steering_group", _("Steering group")
    COOPERATION_FORUM = "cooperation_forum", _("Cooperation forum")
    PROJECT_GROUP = "project_group", _("Project group")
    USER_COUNCIL = "user_council", _("User council")
    NETWORK = "network", _("Network")
    FORUM = "forum", _("Forum")


class Body(TimeStampedModel):
    """A body that meets, of a partnership, a county (perhaps spanning others) or the country;
    access follows from that and from its members (meetings/access.py, decision 0032)."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices)
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("partnership"),
    )
    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("county"),
    )
    other_counties = models.ManyToManyField(
        County, blank=True, related_name="shared_bodies", verbose_name=_("other counties it spans")
    )
    national = models.BooleanField(_("for the whole country"), default=False)
    description = models.TextField(_("description"), blank=True)
    default_location = models.CharField(_("usual place"), max_length=200, blank=True)
    slug = models.SlugField(_("address of the public page"), max_length=80, unique=True)
    publish_on_approval = models.BooleanField(
        _("publish minutes when approved"),
        default=True,
        help_text=_("Approved minutes appear on the public page without a separate step."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(partnership__isnull=False, county__isnull=True, national=False)
                | Q(partnership__isnull=True, county__isnull=False, national=False)
                | Q(partnership__isnull=True, county__isnull=True, national=True),
                name="body_belongs_to_partnership_county_or_country",
            )
        ]

    def __str__(self) -> str:
        return self.name


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MEMBER = "member", _("Member")
    MINUTE_TAKER = "minute_taker", _("Minute-taker")
    SECRETARY = "secretary", _("Secretary")
    OBSERVER = "observer", _("Observer")
    USER_REPRESENTATIVE = "user_representative", _("User representative")
    UNION_REPRESENTATIVE = "union_representative", _("Union representative")


class BodyMember(TimeStampedModel, ValidityPeriod):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="body_memberships")
    role = models.CharField(_("role"), max_length=30, choices=MemberRole.choices)
    represents = models.CharField(_("represents"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta(ValidityPeriod.Meta):
        verbose_name = _("body member")
        verbose_name_plural = _("body members")
        ordering = ["role", "person__first_name"]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class ItemKind(models.TextChoices):
    MINUTES_APPROVAL = "minutes_approval", _("Approval of minutes")
    FOLLOW_UPS = "follow_ups", _("Open follow-ups")
    INFORMATION = "information", _("Information")
    DISCUSSION = "discussion", _("Discussion")
    DECISION = "decision", _("Decision")
    ANY_OTHER_BUSINESS = "any_other_business", _("Any other business")


class StandardAgendaItem(models.Model):
    """One line of a body's standard agenda, copied into every new meeting."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="standard_items")
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    planned_minutes = models.PositiveSmallIntegerField(_("planned minutes"), default=15)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["body", "position"], name="standard_item_position")
        ]

    def __str__(self) -> str:
        return self.title


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    NOTICE_SENT = "notice_sent", _("Notice sent")
    HELD = "held", _("Held")
    MINUTES_IN_COMMENT = "minutes_in_comment", _("Minutes out for comments")
    MINUTES_APPROVED = "minutes_approved", _("Minutes approved")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(TimeStampedModel):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    chair = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chair"),
    )
    minute_taker = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("minute-taker"),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    # Lunch and other breaks: [{"at": "12:00", "minutes": 30}], used for computed start times.
    breaks = models.JSONField(_("breaks"), default=list, blank=True)
    # RFC 5545 SEQUENCE: raised on every change a calendar must see (time, place, cancellation).
    calendar_sequence = models.PositiveIntegerField(default=0)
    cancelled_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    notice_sent_at = models.DateTimeField(null=True, blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    # Optimistic lock: every change to the meeting or its minutes raises it.
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["body", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title or f"{self.body.name} {self.starts_at:%d.%m.%Y}"


class AttendanceStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    PRESENT = "present", _("Present")
    ABSENT_WITH_NOTICE = "absent_with_notice", _("Absent with notice")
    ABSENT = "absent", _("Absent")
    GUEST = "guest", _("Guest")


class NoticeAnswer(models.TextChoices):
    """What an invitee answered through the personal link in the notice (docs/decisions/0066)."""

    COMING = "coming", _("Coming")
    ABSENT = "absent", _("Absent with notice")


class Attendance(TimeStampedModel):
    """Who was invited, and afterwards who came, who sent notice of absence, and guests."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True)
    name = models.CharField(_("name"), max_length=200)
    represents = models.CharField(_("represents"), max_length=200, blank=True)
    status = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.INVITED,
    )
    answer = models.CharField(_("answer"), max_length=10, choices=NoticeAnswer.choices, blank=True)
    answer_note = models.CharField(_("note with the answer"), max_length=300, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(person__isnull=False),
                name="attendance_person_once",
            )
        ]

    def __str__(self) -> str:
        return self.name


class ItemStatus(models.TextChoices):
    ACTIVE = "active", _("On the agenda")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    FORWARDED = "forwarded", _("Forwarded to another body")


class AgendaItem(TimeStampedModel):
    """A numbered item ("Sak 13/17"). The number belongs to the body and year that allocated it."""

    numbering_body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="numbered_items"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    position = models.PositiveIntegerField(_("position"))
    status = models.CharField(max_length=20, choices=ItemStatus.choices, default=ItemStatus.ACTIVE)
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=300)
    public_title = models.CharField(_("public title"), max_length=300, blank=True)
    exempt = models.BooleanField(_("exempt from public access"), default=False)
    legal_ground = models.CharField(_("legal ground"), max_length=200, blank=True)
    presenter = models.CharField(_("presenter"), max_length=200, blank=True)
    planned_minutes = models.PositiveSmallIntegerField(_("planned minutes"), default=15)
    background = models.TextField(_("background"), blank=True)
    background_in_minutes = models.BooleanField(
        _("show the background in the minutes"),
        default=False,
        help_text=_("For example the questions the item was to answer."),
    )
    notes = models.TextField(_("notes"), blank=True)
    decision_text = models.TextField(_("decision"), blank=True)
    review_date = models.DateField(_("review the decision on"), null=True, blank=True)
    status_note = models.CharField(_("reason"), max_length=300, blank=True)
    forwarded_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forwarded_to",
        verbose_name=_("forwarded from"),
    )
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["numbering_body", "year", "number"], name="item_number_unique_per_body_year"
            ),
            models.CheckConstraint(
                condition=Q(exempt=False) | ~Q(legal_ground=""), name="exempt_item_has_legal_ground"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.title}"

    @property
    def label(self) -> str:
        return _("Item %(number)s/%(year)s") % {
            "number": self.number,
            "year": f"{self.year % 100:02d}",
        }

    @property
    def shown_publicly_as(self) -> str:
        if not self.exempt:
            return self.title
        return self.public_title or str(_("Exempt from public access"))


class ItemNumberCounter(models.Model):
    """The last number allocated per body and year, locked while the next is taken."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "year"], name="item_counter_per_body_year")
        ]

    def __str__(self) -> str:
        return f"{self.body_id}/{self.year}: {self.last_number}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"attachments/{instance.uuid}/{filename}"


class Attachment(TimeStampedModel):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=attachment_path)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    exempt = models.BooleanField(_("exempt from public access"), default=False)
    legal_ground = models.CharField(_("legal ground"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ActionItem(TimeStampedModel):
    """A follow-up from a decision: it stays on every next agenda of the body until closed."""

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="actions")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="actions")
    title = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="actions", verbose_name=_("responsible")
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    progress = models.TextField(_("progress"), blank=True)
    # A follow-up recorded after its due date is not reminded unless asked (decision 0032).
    remind = models.BooleanField(_("send reminders when overdue"), default=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["body", "status"]),
            models.Index(fields=["owner", "status"]),
        ]

    def __str__(self) -> str:
        return self.title


class ReminderSent(models.Model):
    """One row per reminder e-mail, so `partnerskap remind` never sends the same one twice."""

    action = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="reminders")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["action", "day"], name="one_reminder_per_action_day")
        ]

    def __str__(self) -> str:
        return f"{self.action_id} {self.day:%d.%m.%Y}"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_COMMENT = "in_comment", _("Out for comments")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


class ApprovalKind(models.TextChoices):
    EXPLICIT = "explicit", _("Approved")
    DEEMED = "deemed", _("Deemed approved: no objection by the deadline")


class Minutes(TimeStampedModel):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(
        max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    introduction = models.TextField(_("introduction"), blank=True)
    comment_deadline = models.DateField(_("deadline for comments"), null=True, blank=True)
    sent_for_comments_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approval_kind = models.CharField(max_length=10, choices=ApprovalKind.choices, blank=True)
    approved_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # The meeting was recorded afterwards: no notice went out and no comment round was held.
    recorded_afterwards = models.BooleanField(_("recorded after the meeting"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)


class MinutesVersion(TimeStampedModel):
    """A frozen copy of approved minutes. A correction is a new version with a reason."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    reason = models.CharField(_("reason for the correction"), max_length=500, blank=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["minutes", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="minutes_version_number")
        ]


class MinutesComment(TimeStampedModel):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("comment"))
    is_objection = models.BooleanField(_("objects to approval"), default=False)

    class Meta:
        ordering = ["created_at"]


class Season(models.TextChoices):
    WINTER = "winter", _("Winter")
    SPRING = "spring", _("Spring")
    SUMMER = "summer", _("Summer")
    AUTUMN = "autumn", _("Autumn")


class AnnualPlan(TimeStampedModel):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="annual_plans")
    year = models.PositiveSmallIntegerField(_("year"))
    themes = models.JSONField(_("themes per season"), default=dict, blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "year"], name="one_plan_per_body_year")
        ]

    def __str__(self) -> str:
        return f"{self.body} {self.year}"


class CalendarFeed(TimeStampedModel):
    """A person's own address for subscribing to a calendar: one body's meetings, or (body None)
    the meetings of every body they are a member of. The address holds a secret derived from
    `secret` and the SECRET_KEY (docs/decisions/0065); revoking deletes the row, and with it the
    address. What the feed shows is decided anew on every request, from the person's access."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, null=True, blank=True, related_name="calendar_feeds"
    )
    secret = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "body"], name="one_calendar_feed_per_person_and_body"
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(body__isnull=True),
                name="one_my_meetings_feed_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.body or 'mine'}"
