"""C3: agreement templates (versioned data), agreements, attachments, hearings, versions,
signatures and reminders (docs/decisions/0007)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel
from partnerskap.registry.models import Partnership


class AgreementTemplate(TimeStampedModel):
    """One version of an agreement template; `structure` is the checked template file as data
    (sections, clauses, blanks, questions: docs/agreement-template-format.md)."""

    name = models.CharField(_("name"), max_length=150)
    version = models.CharField(_("version"), max_length=30)
    description = models.TextField(_("description"), blank=True)
    structure = models.JSONField(_("structure"))
    source_name = models.CharField(_("source file"), max_length=200, blank=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("loaded by"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement template")
        verbose_name_plural = _("agreement templates")
        ordering = ["name", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="agreement_template_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.version}"

    @property
    def sections(self) -> list[dict]:
        return self.structure["sections"]

    @property
    def blanks(self) -> dict[str, dict]:
        return {blank["id"]: blank for blank in self.structure["blanks"]}


class Alternative(models.TextChoices):
    SINGLE = "single", _("Agreement with one municipality")
    HOST = "host", _("Host municipality for several municipalities")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    HEARING = "hearing", _("In hearing")
    AGREED = "agreed", _("Agreed")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    REPLACED = "replaced", _("Replaced")


class Agreement(TimeStampedModel):
    """A partnership agreement made from one template version."""

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("partnership"),
    )
    template = models.ForeignKey(
        AgreementTemplate,
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("template"),
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    alternative = models.CharField(
        _("alternative"), max_length=10, choices=Alternative.choices, default=Alternative.SINGLE
    )
    values = models.JSONField(_("filled blanks"), default=dict, blank=True)
    struck = models.JSONField(_("struck clauses"), default=list, blank=True)
    answers = models.JSONField(_("answers to the questions"), default=dict, blank=True)
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_to = models.DateField(_("in force until"), null=True, blank=True)
    evaluation_interval_months = models.PositiveSmallIntegerField(
        _("evaluation interval (months)"), default=12
    )
    agreed_at = models.DateTimeField(_("agreed at"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("replaced by"),
    )
    revision = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One agreement in force per partnership: a partial unique index, on SQLite and
            # PostgreSQL alike (docs/decisions/0008).
            models.UniqueConstraint(
                fields=["partnership"],
                condition=Q(status="in_force"),
                name="agreement_one_in_force",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gt=models.F("valid_from")),
                name="agreement_period_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AttachmentKind(models.TextChoices):
    DELEGATION = "delegation", _("Delegation decision")
    OPERATING = "operating", _("Operating agreement")
    OTHER = "other", _("Other attachment")


REQUIRED_ATTACHMENTS = (AttachmentKind.DELEGATION, AttachmentKind.OPERATING)


class AgreementAttachment(TimeStampedModel):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("agreement")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=AttachmentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="agreements/%Y/")
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return self.title


class VersionReason(models.TextChoices):
    HEARING = "hearing", _("Sent for hearing")
    AGREED = "agreed", _("Agreed")
    SIGNING = "signing", _("Signed")


class AgreementVersion(TimeStampedModel):
    """A frozen snapshot of the agreement's text, section by section."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="versions", verbose_name=_("agreement")
    )
    number = models.PositiveIntegerField(_("number"))
    reason = models.CharField(_("reason"), max_length=10, choices=VersionReason.choices)
    content = models.JSONField(_("content"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("agreement version")
        verbose_name_plural = _("agreement versions")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="agreement_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.agreement} v{self.number}"


class Hearing(TimeStampedModel):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="hearings", verbose_name=_("agreement")
    )
    version = models.OneToOneField(
        AgreementVersion,
        on_delete=models.PROTECT,
        related_name="hearing",
        verbose_name=_("version"),
    )
    deadline = models.DateField(_("deadline"))
    parties = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="agreement_hearings", verbose_name=_("parties")
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords(m2m_fields=[parties])

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.agreement} ({self.deadline})"


class AnswerKind(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    NOT_ACCEPTED = "not", _("Not accepted")


class HearingComment(TimeStampedModel):
    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="comments", verbose_name=_("hearing")
    )
    section = models.CharField(_("section"), max_length=10)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    answer = models.CharField(_("answer"), max_length=10, choices=AnswerKind.choices, blank=True)
    answer_text = models.TextField(_("explanation"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hearing comment")
        verbose_name_plural = _("hearing comments")
        ordering = ["hearing", "pk"]

    def __str__(self) -> str:
        return f"{self.section}: {self.text[:40]}"


class SignatureSide(models.TextChoices):
    MUNICIPALITY = "municipality", _("For the municipality")
    STATE = "state", _("For the state (NAV)")


class Signature(TimeStampedModel):
    """One owner's signature: who signed, when, as what, and through which signing service."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="signatures", verbose_name=_("agreement")
    )
    version = models.ForeignKey(
        AgreementVersion, on_delete=models.PROTECT, related_name="signatures"
    )
    side = models.CharField(_("party"), max_length=12, choices=SignatureSide.choices)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_as = models.CharField(_("signed as"), max_length=150)
    signed_at = models.DateTimeField(_("signed at"))
    method = models.CharField(_("signing method"), max_length=30, default="in_app")
    reference = models.CharField(_("reference"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["agreement", "signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "version", "side"], name="agreement_signature_once_per_side"
            )
        ]

    def __str__(self) -> str:
        return f"{self.signer} ({self.get_side_display()})"


class ReminderKind(models.TextChoices):
    PERIOD_ENDS = "period_ends", _("The agreement period ends")
    EVALUATION = "evaluation", _("Evaluate the agreement")
    USER_PARTICIPATION = (
        "user_participation",
        _("Evaluate user participation with the user representatives"),
    )


class ReminderSent(TimeStampedModel):
    """What the reminder command sent: one row per agreement, kind and due date (idempotent)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    due = models.DateField(_("due"))
    recipients = models.TextField(_("recipients"), blank=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["due", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "kind", "due"], name="agreement_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.kind} {self.due}"
