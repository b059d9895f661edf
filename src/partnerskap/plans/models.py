"""C13: the yearly business plan and competence plan of a partnership, approved by both owners
and frozen as versions, and the yearly evaluation of user participation (docs/decisions/0085)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel
from partnerskap.registry.models import Partnership


class PlanKind(models.TextChoices):
    BUSINESS = "business", _("Business plan")
    COMPETENCE = "competence", _("Competence plan")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING = "awaiting", _("Awaiting the owners' approval")
    APPROVED = "approved", _("Approved by both owners")


class ApprovalSide(models.TextChoices):
    MUNICIPALITY = "municipality", _("For the municipality")
    STATE = "state", _("For the state (NAV)")


class Plan(TimeStampedModel):
    """One plan of a partnership for a year; what is approved is frozen in a `PlanVersion`, and a
    change after approval is drafted here again as the next version, with its reason."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="plans", verbose_name=_("partnership")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=PlanKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    # The number the version being drafted (or awaiting approval) will have, and why it was made.
    number = models.PositiveIntegerField(_("version"), default=1)
    reason = models.TextField(_("reason for the change"), blank=True)
    goals = models.ManyToManyField(
        "goals.Goal", blank=True, related_name="plans", verbose_name=_("goals")
    )
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(m2m_fields=[goals])

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-year", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "year"], name="plan_once_per_kind_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    @property
    def is_frozen(self) -> bool:
        return self.status != PlanStatus.DRAFT


class PlanSection(TimeStampedModel):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    heading = models.CharField(_("heading"), max_length=200)
    text = models.TextField(_("text"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["plan", "position", "pk"]

    def __str__(self) -> str:
        return self.heading


class PlanMeasure(TimeStampedModel):
    """A measure of the plan, owned by a person (one without a login is recorded on the spot,
    with their organisation) and due by a deadline."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures")
    title = models.CharField(_("measure"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="plan_measures",
        verbose_name=_("responsible"),
    )
    deadline = models.DateField(_("deadline"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["plan", "deadline", "pk"]

    def __str__(self) -> str:
        return self.title


class PlanVersion(TimeStampedModel):
    """What was sent to the owners for approval, frozen: sections, goals and measures as text."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    reason = models.TextField(_("reason for the change"), blank=True)
    content = models.JSONField(_("content"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_version_once")]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"


class PlanApproval(TimeStampedModel):
    """One owner's approval of a version: who, when and as what, as an agreement's signature."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="approvals")
    side = models.CharField(_("party"), max_length=12, choices=ApprovalSide.choices)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_as = models.CharField(_("approved as"), max_length=150)
    approved_at = models.DateTimeField(_("approved"))

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["version", "approved_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "side"], name="plan_approval_once_per_side")
        ]

    def __str__(self) -> str:
        return f"{self.approver} ({self.get_side_display()})"


class PlanReminder(models.Model):
    """A reminder sent that next year's plan is not approved: once per plan kind, year and
    partnership, so `partnerskap remind` never sends it twice."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=PlanKind.choices)
    year = models.PositiveSmallIntegerField()
    recipients = models.TextField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "year"], name="plan_reminded_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.partnership_id} {self.kind} {self.year}"


class ParticipationEvaluation(TimeStampedModel):
    """The yearly evaluation of user participation with the user representatives (agreement
    section 5.0): when it was held, who took part, and what was found."""

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        related_name="participation_evaluations",
        verbose_name=_("partnership"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    held_on = models.DateField(_("held on"))
    participants = models.TextField(_("who took part"), blank=True)
    findings = models.TextField(_("findings"))
    follow_up = models.TextField(_("what we will do"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation of user participation")
        verbose_name_plural = _("evaluations of user participation")
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year"], name="participation_evaluation_once_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.partnership} {self.year}"
