"""C1: counties, service areas, municipalities, offices and the partnerships that own them."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import RoleKind, TimeStampedModel, ValidityPeriod

municipality_number_validator = RegexValidator(
    r"^\d{4}$", _("The municipality number must be four digits, for example 5057.")
)
unit_number_validator = RegexValidator(
    r"^\d{4}$", _("The unit number must be four digits, for example 1504.")
)
county_number_validator = RegexValidator(
    r"^\d{2}$", _("The county number must be two digits, for example 50.")
)


class County(TimeStampedModel, ValidityPeriod):
    """NAV's regional unit for a county: the state owner of the offices in it."""

    number = models.CharField(
        _("county number"), max_length=2, validators=[county_number_validator]
    )
    name = models.CharField(_("name"), max_length=100)

    history = HistoricalRecords()

    class Meta(ValidityPeriod.Meta):
        verbose_name = _("county")
        verbose_name_plural = _("counties")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.name


class ServiceArea(TimeStampedModel, ValidityPeriod):
    """A group of offices inside a county (tjenesteområde)."""

    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="service_areas", verbose_name=_("county")
    )
    name = models.CharField(_("name"), max_length=100)

    history = HistoricalRecords()

    class Meta(ValidityPeriod.Meta):
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(TimeStampedModel, ValidityPeriod):
    """A municipality as it was for a period; a merger ends it and points to its successor."""

    number = models.CharField(
        _("municipality number"), max_length=4, validators=[municipality_number_validator]
    )
    name = models.CharField(_("name"), max_length=100)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("county")
    )
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("replaced by"),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta(ValidityPeriod.Meta):
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["number", "valid_from"]
        indexes = [models.Index(fields=["number", "valid_from"])]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class Office(TimeStampedModel, ValidityPeriod):
    """A local NAV office, identified by its four-digit unit number."""

    unit_number = models.CharField(
        _("unit number"), max_length=4, validators=[unit_number_validator]
    )
    name = models.CharField(_("name"), max_length=150)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="offices", verbose_name=_("county")
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offices",
        verbose_name=_("service area"),
    )
    visiting_address = models.CharField(_("visiting address"), max_length=200, blank=True)
    postal_address = models.CharField(_("postal address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("replaced by"),
    )

    history = HistoricalRecords()

    class Meta(ValidityPeriod.Meta):
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["unit_number", "valid_from"]
        indexes = [models.Index(fields=["unit_number", "valid_from"])]

    def __str__(self) -> str:
        return f"{self.unit_number} {self.name}"


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(TimeStampedModel):
    """When an office is open for walk-in visits on one weekday."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("office")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.UniqueConstraint(fields=["office", "weekday"], name="opening_hours_one_per_day"),
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="opening_hours_closes_after_opens"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class PartnershipModel(models.TextChoices):
    SINGLE = "single", _("Single municipality")
    HOST = "host", _("Host municipality with members")
    MERGED = "merged", _("Merged municipality")
    ADMIN_COOPERATION = "admin_cooperation", _("Administrative cooperation")


class Employer(models.TextChoices):
    STATE = "state", _("State terms")
    MUNICIPAL = "municipal", _("Municipal terms")


class Partnership(TimeStampedModel, ValidityPeriod):
    """The joint state–municipal ownership of one NAV office (NAV-loven §§ 13–14)."""

    name = models.CharField(_("name"), max_length=150)
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("office")
    )
    model = models.CharField(
        _("partnership model"),
        max_length=20,
        choices=PartnershipModel.choices,
        default=PartnershipModel.SINGLE,
    )
    leader_employer = models.CharField(
        _("leader employed on"), max_length=10, choices=Employer.choices, blank=True
    )
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta(ValidityPeriod.Meta):
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OwnerKind(models.TextChoices):
    STATE = "state", _("State")
    MUNICIPALITY = "municipality", _("Municipality")


class Owner(TimeStampedModel):
    """A party to a partnership: the state through a county, or a municipality."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="owners", verbose_name=_("partnership")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=OwnerKind.choices)
    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ownerships",
        verbose_name=_("county"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ownerships",
        verbose_name=_("municipality"),
    )
    is_host = models.BooleanField(_("host municipality"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("owner")
        verbose_name_plural = _("owners")
        ordering = ["-kind", "municipality__number"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="state", county__isnull=False, municipality__isnull=True, is_host=False)
                    | Q(kind="municipality", municipality__isnull=False, county__isnull=True)
                ),
                name="owner_state_has_county_municipality_has_municipality",
            ),
            models.UniqueConstraint(
                fields=["partnership"], condition=Q(kind="state"), name="owner_one_state_owner"
            ),
            models.UniqueConstraint(
                fields=["partnership", "municipality"], name="owner_municipality_once"
            ),
            models.UniqueConstraint(
                fields=["partnership"], condition=Q(is_host=True), name="owner_one_host"
            ),
        ]

    def __str__(self) -> str:
        party = self.county if self.kind == OwnerKind.STATE else self.municipality
        return str(party)


class Role(TimeStampedModel, ValidityPeriod):
    """A person's role for a period, in one partnership, in a whole county, or everywhere."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="roles",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("role"), max_length=30, choices=RoleKind.choices)
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("partnership"),
    )
    county = models.ForeignKey(
        County,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("county"),
    )

    history = HistoricalRecords()

    class Meta(ValidityPeriod.Meta):
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["kind", "valid_from"]
        constraints = [
            *ValidityPeriod.Meta.constraints,
            models.CheckConstraint(
                condition=(
                    Q(partnership__isnull=False, county__isnull=True)
                    | Q(partnership__isnull=True, county__isnull=False)
                    | Q(partnership__isnull=True, county__isnull=True, kind="administrator")
                ),
                name="role_has_one_scope",
            ),
        ]

    def __str__(self) -> str:
        scope = self.partnership or self.county or _("everywhere")
        return f"{self.person}: {self.get_kind_display()} ({scope})"
