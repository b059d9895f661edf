"""C8: development projects, their pilots, status over time, milestones, risks, decisions needed
from the steering group and the communication plan (docs/decisions/0051)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel

User = settings.AUTH_USER_MODEL


class Phase(models.TextChoices):
    """The state's project model (Prosjektveiviseren): a decision point closes each phase."""

    CONCEPT = "concept", _("Concept")
    PLANNING = "planning", _("Planning")
    EXECUTION = "execution", _("Execution")
    CLOSURE = "closure", _("Closure")


class Health(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    NOT_STARTED = "not_started", _("Not started")
    DONE = "done", _("Done")


class Project(TimeStampedModel):
    """A development project of a county and its municipalities, such as "NAV i Nordland i en ny
    tid": the county is the state owner; the portfolio of a county lists its projects."""

    county = models.ForeignKey(
        "registry.County",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("county"),
    )
    name = models.CharField(_("name"), max_length=200)
    mandate = models.TextField(_("mandate"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.CONCEPT
    )
    health = models.CharField(
        _("health"), max_length=20, choices=Health.choices, default=Health.NOT_STARTED
    )
    leader = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_projects",
        verbose_name=_("project leader"),
    )
    owners = models.ManyToManyField(
        User, blank=True, related_name="owned_projects", verbose_name=_("project owners")
    )
    owner_municipalities = models.ManyToManyField(
        "registry.Municipality",
        blank=True,
        related_name="owned_projects",
        verbose_name=_("municipal owners"),
    )
    steering_group = models.ForeignKey(
        "meetings.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="steered_projects",
        verbose_name=_("steering group"),
    )
    project_group = models.ForeignKey(
        "meetings.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="run_projects",
        verbose_name=_("project group"),
    )
    budgets = models.ManyToManyField(
        "finance.Budget", blank=True, related_name="projects", verbose_name=_("budgets")
    )
    partnerships = models.ManyToManyField(
        "registry.Partnership", blank=True, related_name="projects", verbose_name=_("partnerships")
    )
    municipalities = models.ManyToManyField(
        "registry.Municipality",
        blank=True,
        related_name="projects",
        verbose_name=_("municipalities"),
    )
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="project_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProjectPhase(TimeStampedModel):
    """One phase of a project and the decision point that closes it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="phases")
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    position = models.PositiveSmallIntegerField()
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    decision_point = models.CharField(_("decision point"), max_length=300, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "position"]
        constraints = [
            models.UniqueConstraint(fields=["project", "phase"], name="project_phase_once")
        ]

    def __str__(self) -> str:
        return self.get_phase_display()


class PilotModel(models.TextChoices):
    MERGER = "merger", _("Merger of municipalities")
    HOST_MUNICIPALITY = "host_municipality", _("Host municipality")
    ADMINISTRATIVE = "administrative", _("Administrative cooperation")
    OTHER = "other", _("Other")


class Pilot(TimeStampedModel):
    """A pilot or workstream: partnerships and municipalities trying a model together."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="pilots")
    name = models.CharField(_("name"), max_length=200)
    goals = models.TextField(_("goals"), blank=True)
    model = models.CharField(
        _("model"), max_length=30, choices=PilotModel.choices, default=PilotModel.OTHER
    )
    local_group = models.ForeignKey(
        "meetings.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pilots",
        verbose_name=_("local project group"),
    )
    local_leader = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_pilots",
        verbose_name=_("local leader"),
    )
    partnerships = models.ManyToManyField(
        "registry.Partnership", blank=True, related_name="pilots", verbose_name=_("partnerships")
    )
    municipalities = models.ManyToManyField(
        "registry.Municipality", blank=True, related_name="pilots", verbose_name=_("municipalities")
    )
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        ordering = ["project", "position", "name"]

    def __str__(self) -> str:
        return self.name


class StatusRow(TimeStampedModel):
    """What the status table reports on: a pilot, or a service area (TO) of the county."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_rows")
    pilot = models.OneToOneField(
        Pilot, on_delete=models.CASCADE, null=True, blank=True, related_name="status_row"
    )
    service_area = models.ForeignKey(
        "registry.ServiceArea", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    label = models.CharField(_("row"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["project", "position", "label"]
        constraints = [
            models.UniqueConstraint(fields=["project", "label"], name="status_row_label_once")
        ]

    def __str__(self) -> str:
        return self.label


class StatusEntry(TimeStampedModel):
    """A row's status on one reporting date. A new date copies every row forward, so the leader
    edits only what changed; `copied` says the row was carried over unchanged."""

    row = models.ForeignKey(StatusRow, on_delete=models.CASCADE, related_name="entries")
    reported_on = models.DateField(_("reporting date"))
    health = models.CharField(_("health"), max_length=20, choices=Health.choices)
    status_text = models.CharField(_("status"), max_length=200, blank=True)
    progress = models.TextField(_("progress"), blank=True)
    activities = models.TextField(_("activities"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    when_text = models.CharField(_("when"), max_length=100, blank=True)
    copied = models.BooleanField(default=False)
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("status entry")
        verbose_name_plural = _("status entries")
        ordering = ["row", "-reported_on"]
        constraints = [
            models.UniqueConstraint(fields=["row", "reported_on"], name="status_entry_once_a_date")
        ]

    def __str__(self) -> str:
        return f"{self.row} {self.reported_on}"


# The fields a status entry carries forward, compared to mark what changed.
STATUS_FIELDS = ("health", "status_text", "progress", "activities", "next_steps", "when_text")


class MilestoneKind(models.TextChoices):
    MILESTONE = "milestone", _("Milestone")
    DELIVERABLE = "deliverable", _("Deliverable")


class MilestoneState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class MilestoneQuerySet(models.QuerySet):
    def overdue(self, today=None) -> "MilestoneQuerySet":
        day = today or timezone.localdate()
        return self.filter(state=MilestoneState.PLANNED, due_on__lt=day)


class Milestone(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    pilot = models.ForeignKey(
        Pilot,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("pilot"),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=MilestoneKind.choices, default=MilestoneKind.MILESTONE
    )
    title = models.CharField(_("title"), max_length=300)
    due_on = models.DateField(_("due"))
    owner = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_milestones",
        verbose_name=_("owner"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=MilestoneState.choices, default=MilestoneState.PLANNED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)

    objects = MilestoneQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.state == MilestoneState.PLANNED and self.due_on < timezone.localdate()


class RiskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MITIGATED = "mitigated", _("Mitigated")
    ACCEPTED = "accepted", _("Accepted")
    CLOSED = "closed", _("Closed")


_ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class Risk(TimeStampedModel):
    """A risk: probability × consequence, each 1–5. A pilot's risk is internal to the pilot."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="risks")
    pilot = models.ForeignKey(
        Pilot,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="risks",
        verbose_name=_("pilot"),
    )
    title = models.CharField(_("risk"), max_length=300)
    probability = models.PositiveSmallIntegerField(_("probability (1–5)"), validators=_ONE_TO_FIVE)
    consequence = models.PositiveSmallIntegerField(_("consequence (1–5)"), validators=_ONE_TO_FIVE)
    owner = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_risks",
        verbose_name=_("owner"),
    )
    measures = models.TextField(_("measures"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RiskStatus.choices, default=RiskStatus.OPEN
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(probability__gte=1, probability__lte=5)
                & Q(consequence__gte=1, consequence__lte=5),
                name="risk_scores_one_to_five",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def score(self) -> int:
        return self.probability * self.consequence


class DecisionNeeded(TimeStampedModel):
    """A decision the steering group must make; raised, it becomes an agenda item."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="decisions")
    title = models.CharField(_("decision needed"), max_length=300)
    background = models.TextField(_("background"), blank=True)
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agenda item"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision needed")
        verbose_name_plural = _("decisions needed")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class CommunicationActivity(TimeStampedModel):
    """One line of the communication plan: to whom, what, through which channel, by whom, when."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="communication")
    audience = models.CharField(_("target group"), max_length=200)
    message = models.TextField(_("message"), blank=True)
    channel = models.CharField(_("channel"), max_length=200)
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    planned_on = models.DateField(_("date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("communication activity")
        verbose_name_plural = _("communication plan")
        ordering = ["planned_on", "pk"]

    def __str__(self) -> str:
        return f"{self.audience}: {self.channel}"


class ProjectStatusReport(TimeStampedModel):
    """The project's status for a steering-group item, frozen into a PDF when the notice goes."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reports")
    item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("agenda item"),
    )
    frozen_attachment = models.ForeignKey(
        "meetings.Attachment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    frozen_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project status report")
        verbose_name_plural = _("project status reports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.project} {self.item}"
