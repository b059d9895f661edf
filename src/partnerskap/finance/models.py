"""The finance app's data: operating agreements with their periods (C4) and budgets (C6).

The arithmetic lives in `cost_sharing.py` and `budget.py`; these models hold what people enter
or import, and `services/` turns them into settlements and reports.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel
from partnerskap.registry.models import Municipality, Partnership

from .cost_sharing import HostKey, LeaderKey, Owner

MONEY = {"max_digits": 14, "decimal_places": 2}
FTE = {"max_digits": 8, "decimal_places": 3}


class LeaderKeyChoice(models.TextChoices):
    EQUAL_SPLIT = LeaderKey.EQUAL_SPLIT.value, _("Split equally between the owners")
    WITH_EMPLOYER = LeaderKey.WITH_EMPLOYER.value, _("Counts with the employer")


class HostKeyChoice(models.TextChoices):
    FTE = HostKey.FTE.value, _("FTEs per municipality")
    POPULATION = HostKey.POPULATION.value, _("Population")
    FIXED_PERCENTAGES = HostKey.FIXED_PERCENTAGES.value, _("Fixed percentages")


class OwnerChoice(models.TextChoices):
    STATE = Owner.STATE.value, _("State")
    MUNICIPALITY = Owner.MUNICIPALITY.value, _("Municipality")


class InvoiceFrequency(models.IntegerChoices):
    """Invoices per period."""

    ONCE = 1, _("Once")
    HALF_YEARLY = 2, _("Half-yearly")
    QUARTERLY = 4, _("Quarterly")
    MONTHLY = 12, _("Monthly")


class OperatingAgreement(TimeStampedModel):
    """A partnership's operating agreement (driftsavtale): how the shared costs are split."""

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        related_name="operating_agreements",
        verbose_name=_("partnership"),
    )
    title = models.CharField(_("title"), max_length=200)
    leader_key = models.CharField(
        _("the NAV leader's position"),
        max_length=20,
        choices=LeaderKeyChoice.choices,
        default=LeaderKeyChoice.EQUAL_SPLIT,
    )
    host_key = models.CharField(
        _("key between the member municipalities"),
        max_length=20,
        choices=HostKeyChoice.choices,
        default=HostKeyChoice.FTE,
        help_text=_("Only used when the partnership has more than one municipality."),
    )
    invoice_frequency = models.PositiveSmallIntegerField(
        _("invoicing"), choices=InvoiceFrequency.choices, default=InvoiceFrequency.QUARTERLY
    )
    payment_days = models.PositiveSmallIntegerField(
        _("days to pay"),
        default=30,
        help_text=_("Each invoice falls due this many days after the end of what it covers."),
    )
    notes = models.TextField(_("notes"), blank=True)
    revision = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("operating agreement")
        verbose_name_plural = _("operating agreements")
        ordering = ["partnership", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class AgreementPeriod(TimeStampedModel):
    """One period of an operating agreement (usually a year): FTEs and shared costs."""

    agreement = models.ForeignKey(
        OperatingAgreement,
        on_delete=models.CASCADE,
        related_name="periods",
        verbose_name=_("operating agreement"),
    )
    label = models.CharField(_("period"), max_length=60)
    starts = models.DateField(_("first day"))
    ends = models.DateField(_("last day"))
    state_fte = models.DecimalField(
        _("state FTEs"),
        **FTE,
        help_text=_("Including the NAV leader when the state employs the leader."),
    )
    municipal_fte = models.DecimalField(
        _("municipal FTEs"),
        **FTE,
        help_text=_("Including the NAV leader when a municipality employs the leader."),
    )
    leader_employer = models.CharField(
        _("the NAV leader is employed by"),
        max_length=12,
        choices=OwnerChoice.choices,
        blank=True,
        help_text=_("Leave empty if the position is vacant."),
    )
    leader_fte = models.DecimalField(_("the leader's position (FTE)"), **FTE, default=Decimal(1))
    rent = models.DecimalField(_("rent"), **MONEY, default=Decimal(0))
    ict = models.DecimalField(_("ICT"), **MONEY, default=Decimal(0))
    other_costs = models.DecimalField(_("other shared costs"), **MONEY, default=Decimal(0))
    revision = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        ordering = ["agreement", "-starts", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gte=models.F("starts")), name="finance_period_ends_after"
            )
        ]

    def __str__(self) -> str:
        return self.label


class SpecialService(TimeStampedModel):
    """A service outside the agreement, invoiced in full to one owner."""

    period = models.ForeignKey(
        AgreementPeriod,
        on_delete=models.CASCADE,
        related_name="special_services",
        verbose_name=_("period"),
    )
    name = models.CharField(_("service"), max_length=150)
    amount = models.DecimalField(_("amount"), **MONEY)
    owner = models.CharField(_("invoiced to"), max_length=12, choices=OwnerChoice.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("special service")
        verbose_name_plural = _("special services")
        ordering = ["period", "name", "pk"]

    def __str__(self) -> str:
        return self.name


class MemberWeight(TimeStampedModel):
    """A member municipality's FTEs and agreed percentage in a host-municipality period."""

    period = models.ForeignKey(
        AgreementPeriod,
        on_delete=models.CASCADE,
        related_name="member_weights",
        verbose_name=_("period"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    fte = models.DecimalField(_("FTEs"), **FTE, default=Decimal(0))
    percentage = models.DecimalField(
        _("agreed percentage"), max_digits=7, decimal_places=4, default=Decimal(0)
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("member municipality's key")
        verbose_name_plural = _("member municipalities' keys")
        ordering = ["period", "municipality__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "municipality"], name="finance_one_weight_per_member"
            )
        ]


# --- budgets (C6) ---------------------------------------------------------------------------


class Budget(TimeStampedModel):
    """A partnership's budget for a year or a project, followed up from ERP reports."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="budgets", verbose_name=_("partnership")
    )
    name = models.CharField(_("name"), max_length=200)
    project = models.CharField(_("project"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    periods_elapsed = models.PositiveSmallIntegerField(
        _("months reported"),
        default=12,
        help_text=_("How many months of the year the spend to date covers (11 after November)."),
    )
    revision = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["partnership", "-year", "name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} {self.year}"


class BudgetLine(models.Model):
    """One account of a budget as the last import gave it."""

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="lines", verbose_name=_("budget")
    )
    position = models.PositiveIntegerField()
    group = models.CharField(_("group"), max_length=150)
    account = models.CharField(_("account"), max_length=30)
    name = models.CharField(_("name"), max_length=200)
    annual_budget = models.DecimalField(_("annual budget"), **MONEY, null=True, blank=True)
    budget_to_date = models.DecimalField(_("budget to date"), **MONEY, null=True, blank=True)
    spend_to_date = models.DecimalField(_("spend to date"), **MONEY, default=Decimal(0))
    spend_period = models.DecimalField(_("spend this period"), **MONEY, default=Decimal(0))

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["budget", "position"]

    def __str__(self) -> str:
        return f"{self.account} {self.name}"


class BudgetSuperGroup(models.Model):
    """A sum of groups the ERP report prints ("A SUM LØNN OG ANDRE GODTGJØRSLER"): which groups
    it adds up; its amounts and per cents are computed from their lines like every sum."""

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="super_groups", verbose_name=_("budget")
    )
    position = models.PositiveIntegerField()
    name = models.CharField(_("name"), max_length=150)
    groups = models.JSONField(_("groups"), default=list)

    class Meta:
        verbose_name = _("sum of groups")
        verbose_name_plural = _("sums of groups")
        ordering = ["budget", "position"]

    def __str__(self) -> str:
        return self.name


class BudgetImport(TimeStampedModel):
    """An ERP report imported into a budget; the same file is never imported twice."""

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="imports", verbose_name=_("budget")
    )
    filename = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField(max_length=64)
    period_name = models.CharField(_("period in the report"), max_length=40, blank=True)
    line_count = models.PositiveIntegerField(_("lines"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        verbose_name = _("budget import")
        verbose_name_plural = _("budget imports")
        ordering = ["budget", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "sha256"], name="finance_import_once")
        ]
