"""People, their roles, and the base every record in Partnerskap builds on."""

import hashlib
import secrets
import uuid
from datetime import date

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TimeStampedModel(models.Model):
    """A permanent UUID (the archive needs one) and when the row was created and last changed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class ValidityQuerySet(models.QuerySet):
    def valid_on(self, day: date) -> "ValidityQuerySet":
        return self.filter(Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day))

    def current(self) -> "ValidityQuerySet":
        return self.valid_on(timezone.localdate())

    def overlapping(self, valid_from: date, valid_to: date | None) -> "ValidityQuerySet":
        """Rows whose validity period shares at least one day with [valid_from, valid_to]."""
        qs = self.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=valid_from))
        if valid_to is not None:
            qs = qs.filter(valid_from__lte=valid_to)
        return qs


class ValidityPeriod(models.Model):
    """Mergers and reorganisations end a record's validity instead of rewriting history."""

    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_valid_to_after_from",
            )
        ]

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)

    @property
    def is_current(self) -> bool:
        return self.is_valid_on(timezone.localdate())


class Notifications(models.TextChoices):
    """How a person hears of what waits for them (core/digest.py, docs/decisions/0067)."""

    IMMEDIATELY = "immediately", _("Immediately, an e-mail for each")
    DAILY = "daily", _("A daily digest")
    NONE = "none", _("No reminders by e-mail")


class Language(models.TextChoices):
    NB = "nb", _("Norwegian Bokmål")
    NN = "nn", _("Norwegian Nynorsk")
    EN = "en", _("English")


class User(AbstractUser):
    """A person who works with a partnership. NAV's users (citizens) are never stored."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    notifications = models.CharField(
        _("reminders by e-mail"),
        max_length=12,
        choices=Notifications.choices,
        default=Notifications.IMMEDIATELY,
    )
    language = models.CharField(
        _("language of e-mails"), max_length=2, choices=Language.choices, default=Language.NB
    )

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["first_name", "last_name", "username"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class RoleKind(models.TextChoices):
    NAV_LEADER = "nav_leader", _("NAV leader")
    MUNICIPAL_OWNER = "municipal_owner", _("Municipal owner representative")
    STATE_OWNER = "state_owner", _("State owner representative")
    MINUTE_TAKER = "minute_taker", _("Minute-taker")
    MEMBER = "member", _("Member")
    GUEST = "guest", _("Guest")
    USER_REPRESENTATIVE = "user_representative", _("User representative")
    UNION_REPRESENTATIVE = "union_representative", _("Union representative")
    PROJECT_LEADER = "project_leader", _("Project leader")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles that may change a partnership's registry data (docs/decisions/0003-access.md).
EDITING_ROLES = frozenset(
    {
        RoleKind.NAV_LEADER,
        RoleKind.MUNICIPAL_OWNER,
        RoleKind.STATE_OWNER,
        RoleKind.ADMINISTRATOR,
    }
)


def _hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiToken(TimeStampedModel):
    """A personal token for the JSON API. Only its SHA-256 is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, user: User, name: str) -> tuple["ApiToken", str]:
        key = "psk_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=_hash_token(key), prefix=key[:8])
        return token, key

    @classmethod
    def user_for_key(cls, key: str) -> User | None:
        token = (
            cls.objects.active().select_related("user").filter(key_hash=_hash_token(key)).first()
        )
        if token is None or not token.user.is_active:
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user


class DigestSent(models.Model):
    """A daily digest sent to a person: the day, and the things it listed (each once: a later
    digest leaves out what an earlier one listed). The row is written before the e-mail is
    queued, so a second run the same day finds it and sends nothing."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="digests")
    day = models.DateField(_("day"))
    items = models.JSONField(_("items"), default=list)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("daily digest")
        verbose_name_plural = _("daily digests")
        constraints = [
            models.UniqueConstraint(fields=["person", "day"], name="digest_once_per_person_and_day")
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.day:%Y-%m-%d}"
