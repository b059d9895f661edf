"""Invitations, registrations with the waiting list, check-ins and municipality reminders."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel
from partnerskap.registry.models import Municipality

from .events import Event

User = settings.AUTH_USER_MODEL


class Invitation(TimeStampedModel):
    """A person invited to an event that takes registrations by invitation only."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="invitation_email_once")
        ]

    def __str__(self) -> str:
        return self.name


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Offered a place")
    CANCELLED = "cancelled", _("Cancelled")


# Statuses that hold a place: an offered place is kept for the person until the offer lapses.
HOLDS_PLACE = (RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED)
ACTIVE = (*HOLDS_PLACE, RegistrationStatus.WAITLISTED)


class CancelReason(models.TextChoices):
    BY_PARTICIPANT = "by_participant", _("Cancelled by the participant")
    BY_ORGANISER = "by_organiser", _("Cancelled by the organiser")
    OFFER_DECLINED = "offer_declined", _("Declined the offered place")
    OFFER_LAPSED = "offer_lapsed", _("Did not accept the offered place in time")


class Registration(TimeStampedModel):
    """One person's registration. The personal fields are emptied when the event's retention
    period ends; status, municipality, days and check-ins stay, so the counts do."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    job_title = models.CharField(_("role or job title"), max_length=200, blank=True)
    # ISO dates of the days the person attends; all days when the event does not ask.
    days = models.JSONField(_("days attending"), default=list, blank=True)
    dinner = models.BooleanField(_("dinner"), null=True, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    person = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="registrations"
    )
    invitation = models.ForeignKey(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="registrations"
    )
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=20, choices=CancelReason.choices, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Set with a queryset update that touches every registration of the event, never with save():
    # no timestamp, no history row, nothing that orders it against the answers (decision 0043).
    evaluation_answered = models.BooleanField(default=False)

    history = HistoricalRecords(excluded_fields=["evaluation_answered"])

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["pk"]
        indexes = [models.Index(fields=["event", "status"])]
        constraints = [
            # One active registration per person and event: a double click or a second tab
            # cannot register the same e-mail twice, even at the same moment.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=["registered", "waitlisted", "offered"]) & ~Q(email=""),
                name="registration_active_email_once",
            ),
            models.CheckConstraint(
                condition=~Q(status="offered") | Q(offer_expires_at__isnull=False),
                name="registration_offer_has_expiry",
            ),
        ]

    def __str__(self) -> str:
        return self.name or str(self.uuid)

    @property
    def holds_place(self) -> bool:
        return self.status in HOLDS_PLACE


class CheckIn(TimeStampedModel):
    """A participant arrived on one day of the event: one row per person and day."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="check_ins"
    )
    day = models.DateField(_("day"))
    checked_in_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["day", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "day"], name="check_in_once_a_day")
        ]


class MunicipalityReminder(TimeStampedModel):
    """The NAV leaders of a municipality without registrations were reminded: once per event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reminders")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    sent_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["municipality__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "municipality"], name="municipality_reminded_once"
            )
        ]
