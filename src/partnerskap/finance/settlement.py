"""A period's settlement for people: the core's computation with every line described.

`period_settlement(period)` runs `cost_sharing.settle` on a period as saved (and, in a
host-municipality partnership, `split_among_members` on the municipal share of the shared
costs), and returns rows the page, the PDF, the XLSX and the API all show the same way.
Special services invoiced to "the municipality" go to the host municipality in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerskap.core.templatetags.norsk import format_money, format_number

from . import cost_sharing as cs
from .models import AgreementPeriod, HostKeyChoice, OwnerChoice
from .services.agreements import member_municipalities
from .templatetags.finance import plain_number

MONEY_KEYS = {
    cs.LineKey.POOL_AMOUNT,
    cs.LineKey.SHARE_EXACT,
    cs.LineKey.SHARE_ROUNDED_DOWN,
    cs.LineKey.SHARE_REMAINDER,
    cs.LineKey.SHARE,
    cs.LineKey.SHARE_CHECK,
    cs.LineKey.SHARED_TOTAL,
    cs.LineKey.SPECIAL_SERVICE,
    cs.LineKey.SPECIAL_TOTAL,
    cs.LineKey.OWNER_TOTAL,
    cs.LineKey.GRAND_TOTAL,
}


# How each kind of line is computed, for people (the page, the PDF, the XLSX). The core's
# `Line.formula` is code-like notation; only the API passes it on, next to this text.
HOW = {
    cs.LineKey.FTE_REPORTED: gettext_lazy("As reported for the period"),
    cs.LineKey.LEADER_POSITION: gettext_lazy("The leader's position in FTEs"),
    cs.LineKey.FTE_COUNTED: gettext_lazy(
        "Reported FTEs, moved by each owner's part of the leader's position"
    ),
    cs.LineKey.FTE_TOTAL: gettext_lazy("State FTEs + municipal FTEs"),
    cs.LineKey.POOL_AMOUNT: gettext_lazy("The cost entered for the period"),
    cs.LineKey.SHARE_EXACT: gettext_lazy("Amount × own weight ÷ all weights"),
    cs.LineKey.SHARE_ROUNDED_DOWN: gettext_lazy("The exact share rounded down to whole øre"),
    cs.LineKey.SHARE_REMAINDER: gettext_lazy(
        "Øre left over after rounding down go one at a time to the largest fractions"
    ),
    cs.LineKey.SHARE: gettext_lazy("Rounded down + øre left over"),
    cs.LineKey.SHARE_CHECK: gettext_lazy("Sum of the shares, equal to the amount"),
    cs.LineKey.SHARED_TOTAL: gettext_lazy("Sum of the owner's shares of the costs"),
    cs.LineKey.SPECIAL_SERVICE: gettext_lazy("Invoiced in full, not shared"),
    cs.LineKey.SPECIAL_TOTAL: gettext_lazy("Sum of the owner's special services"),
    cs.LineKey.OWNER_TOTAL: gettext_lazy("Share of the shared costs + special services"),
    cs.LineKey.GRAND_TOTAL: gettext_lazy("The state's total + the municipality's total"),
    cs.LineKey.MEMBER_WEIGHT: gettext_lazy("From the agreed key"),
    cs.LineKey.MEMBER_WEIGHT_TOTAL: gettext_lazy("Sum of the weights"),
}


@dataclass(frozen=True)
class Row:
    """One line of the computation: what it is, how it is computed, the result."""

    key: str
    text: str
    formula: str
    result: Decimal
    money: bool

    @property
    def how(self) -> str:
        """How the line is computed, in words (translated); `formula` is for the API only."""
        return str(HOW[cs.LineKey(self.key)])

    @property
    def shown(self) -> str:
        if self.key == cs.LineKey.SHARE_EXACT:
            return format_number(self.result, cs.EXACT_DISPLAY_PLACES)
        return format_money(self.result) if self.money else plain_number(self.result)


@dataclass(frozen=True)
class Invoice:
    owner: str
    number: int
    covers_to: date
    due: date
    amount: Decimal


@dataclass(frozen=True)
class MemberRow:
    name: str
    weight: Decimal
    share: Decimal


@dataclass(frozen=True)
class PeriodSettlement:
    period: AgreementPeriod
    settlement: cs.Settlement
    rows: list[Row]
    members: list[MemberRow]
    member_rows: list[Row]
    member_key: str
    member_problem: str
    invoices: list[Invoice]

    @property
    def state_total(self) -> Decimal:
        return self.settlement.owner_total(cs.Owner.STATE)

    @property
    def municipal_total(self) -> Decimal:
        return self.settlement.owner_total(cs.Owner.MUNICIPALITY)

    @property
    def municipal_shared(self) -> Decimal:
        return self.settlement.shared(cs.Owner.MUNICIPALITY)

    @property
    def state_shared(self) -> Decimal:
        return self.settlement.shared(cs.Owner.STATE)

    @property
    def state_special(self) -> Decimal:
        return self.settlement.special(cs.Owner.STATE)

    @property
    def municipal_special(self) -> Decimal:
        return self.settlement.special(cs.Owner.MUNICIPALITY)

    @property
    def special_total(self) -> Decimal:
        return self.state_special + self.municipal_special

    @property
    def services(self) -> list:
        return list(self.period.special_services.all())

    @property
    def all_rows(self) -> list[Row]:
        return [*self.rows, *self.member_rows]

    @property
    def invoice_rows(self) -> list[dict]:
        return [{"owner_name": owner_name(i.owner), "invoice": i} for i in self.invoices]

    @property
    def total(self) -> Decimal:
        return self.settlement.total

    @property
    def member_total(self) -> Decimal:
        return sum((m.share for m in self.members), Decimal(0))


def owner_name(value: str) -> str:
    return str(OwnerChoice(value).label)


def definite(value: str) -> str:
    """ "the state" or "the municipality", to stand inside a sentence."""
    return _("the state") if value == cs.Owner.STATE else _("the municipality")


def pool_name(value: str) -> str:
    return {"rent": _("Rent"), "ict": _("ICT"), "other": _("Other shared costs")}.get(value, value)


def _who(inputs: dict) -> str:
    if "owner" in inputs:
        return owner_name(str(inputs["owner"]))
    return str(inputs.get("member", ""))


def _share_text(line: cs.Line, prefix: str) -> str | None:
    """The text of one step of a share's computation; None for any other line."""
    i, key = line.inputs, line.key
    if key is cs.LineKey.SHARE_EXACT:
        return _("%(who)s: exact share, %(amount)s × %(weight)s / %(total)s") % {
            "who": prefix,
            "amount": format_money(i["amount"]),
            "weight": plain_number(i["weight"]),
            "total": plain_number(i["weight_total"]),
        }
    if key is cs.LineKey.SHARE_ROUNDED_DOWN:
        return _("%(who)s: rounded down to the øre") % {"who": prefix}
    if key is cs.LineKey.SHARE_REMAINDER:
        rank = i["remainder_rank"]
        if rank == "-":
            return _("%(who)s: no øre left over") % {"who": prefix}
        return _("%(who)s: øre left over, number %(rank)s of %(count)s") % {
            "who": prefix,
            "rank": format_number(rank),
            "count": format_number(i["ore_left_over"]),
        }
    if key is cs.LineKey.SHARE:
        return _("%(who)s: share") % {"who": prefix}
    return None


def _text(line: cs.Line) -> str:
    i = line.inputs
    key = line.key
    pool = pool_name(str(i.get("kind", i.get("pool", "")))) if "pool" in i else ""
    who = _who(i)
    if key is cs.LineKey.FTE_REPORTED:
        return _("FTEs reported by %(owner)s") % {"owner": definite(str(i["owner"]))}
    if key is cs.LineKey.LEADER_POSITION:
        return _("The NAV leader's position, employed by %(owner)s") % {
            "owner": definite(str(i["employer"]))
        }
    if key is cs.LineKey.FTE_COUNTED:
        return _(
            "FTEs counted for %(owner)s: %(reported)s reported, %(adjustment)s for the leader"
        ) % {
            "owner": definite(str(i["owner"])),
            "reported": plain_number(i["reported"]),
            "adjustment": plain_number(i["leader_adjustment"]),
        }
    if key is cs.LineKey.FTE_TOTAL:
        return _("FTEs counted in total")
    if key is cs.LineKey.POOL_AMOUNT:
        return _("%(pool)s: to be shared") % {"pool": pool}
    share = _share_text(line, f"{pool}, {who}" if pool else who)
    if share is not None:
        return share
    if key is cs.LineKey.SHARE_CHECK:
        if pool:
            return _("%(pool)s: the shares add up to") % {"pool": pool}
        return _("The members' shares add up to")
    if key is cs.LineKey.SHARED_TOTAL:
        return _("%(owner)s: share of the shared costs") % {"owner": who}
    if key is cs.LineKey.SPECIAL_SERVICE:
        return _("Special service invoiced to %(owner)s: %(service)s") % {
            "owner": definite(str(i["owner"])),
            "service": i["service"],
        }
    if key is cs.LineKey.SPECIAL_TOTAL:
        return _("Special services invoiced to %(owner)s") % {"owner": definite(str(i["owner"]))}
    if key is cs.LineKey.OWNER_TOTAL:
        return _("%(owner)s: to pay in total") % {"owner": who}
    if key is cs.LineKey.GRAND_TOTAL:
        return _("Total for both owners")
    if key is cs.LineKey.MEMBER_WEIGHT:
        return _("%(member)s: weight under the key") % {"member": i["member"]}
    return _("The weights add up to")


def _rows(lines: tuple[cs.Line, ...]) -> list[Row]:
    return [
        Row(line.key.value, _text(line), line.formula, line.result, line.key in MONEY_KEYS)
        for line in lines
    ]


def _add_months(day: date, months: int) -> date:
    """The first day of the month `months` after `day`'s month (`day` is a first of a month)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def invoice_ends(starts: date, ends: date, count: int) -> list[date]:
    """The last day each of `count` invoices covers, in calendar months where possible.

    A period of whole calendar months (first of a month to the last of a month), at least one
    month per invoice, ends invoice n on the last day of the month n·months/count months after
    the start, rounded down (Q1 of a calendar year: 31 March). Anything else is split by days.
    """
    whole_months = starts.day == 1 and (ends + timedelta(days=1)).day == 1
    if whole_months:
        after = ends + timedelta(days=1)
        months = (after.year - starts.year) * 12 + after.month - starts.month
        if months >= count:
            return [
                _add_months(starts, months * n // count) - timedelta(days=1)
                for n in range(1, count + 1)
            ]
    days = (ends - starts).days + 1
    return [starts + timedelta(days=days * n // count - 1) for n in range(1, count + 1)]


def _invoices(period: AgreementPeriod, settlement: cs.Settlement) -> list[Invoice]:
    agreement = period.agreement
    count = agreement.invoice_frequency
    ends = invoice_ends(period.starts, period.ends, count)
    invoices = []
    for owner in cs.Owner:
        total = settlement.owner_total(owner)
        for number, (end, amount) in enumerate(
            zip(ends, cs.allocate(total, [1] * count), strict=True), start=1
        ):
            invoices.append(
                Invoice(owner.value, number, end, end + timedelta(agreement.payment_days), amount)
            )
    return invoices


def _member_weights(
    period: AgreementPeriod, municipalities: list, key: str
) -> tuple[dict[str, Decimal | int], str]:
    """The members' weights under the key, or the problem that stops the split."""
    saved = {w.municipality_id: w for w in period.member_weights.all()}
    weights: dict[str, Decimal | int] = {}
    for municipality in municipalities:
        weight = saved.get(municipality.pk)
        if key == HostKeyChoice.POPULATION:
            if municipality.population is None:
                return weights, _(
                    "The register has no population for %(name)s; add it there, or choose "
                    "another key."
                ) % {"name": municipality.name}
            weights[municipality.name] = municipality.population
        elif key == HostKeyChoice.FTE:
            weights[municipality.name] = weight.fte if weight else Decimal(0)
        else:
            weights[municipality.name] = weight.percentage if weight else Decimal(0)
    return weights, ""


def _member_split(
    period: AgreementPeriod, settlement: cs.Settlement, key: str
) -> tuple[list[MemberRow], list[Row], str]:
    """The municipal share split among the members (with more than one), or the problem."""
    municipalities = member_municipalities(period.agreement.partnership)
    if len(municipalities) <= 1:
        return [], [], ""
    weights, problem = _member_weights(period, municipalities, key)
    if problem:
        return [], [], problem
    try:
        split = cs.split_among_members(
            settlement.shared(cs.Owner.MUNICIPALITY), cs.HostKey(key), weights
        )
    except cs.PercentagesError as error:
        return (
            [],
            [],
            _("The agreed percentages add up to %(total)s, not 100.")
            % {"total": plain_number(error.value)},
        )
    except cs.CostSharingError:
        return (
            [],
            [],
            _(
                "The members' key adds up to zero: enter FTEs or percentages for the "
                "member municipalities."
            ),
        )
    members = [MemberRow(m.name, m.weight, m.share) for m in split.members]
    return members, _rows(split.lines), ""


def period_settlement(period: AgreementPeriod) -> PeriodSettlement:
    """The settlement of a saved period (its special services and weights prefetched)."""
    agreement = period.agreement
    staffing = cs.Staffing(
        period.state_fte,
        period.municipal_fte,
        period.leader_employer or None,
        period.leader_fte,
    )
    pools = [
        cs.CostPool(cs.PoolKind.RENT, period.rent),
        cs.CostPool(cs.PoolKind.ICT, period.ict),
        cs.CostPool(cs.PoolKind.OTHER, period.other_costs),
    ]
    specials = [cs.SpecialService(s.name, s.amount, s.owner) for s in period.special_services.all()]
    settlement = cs.settle(
        pools, staffing, leader_key=agreement.leader_key, special_services=specials
    )
    key = agreement.host_key
    members, member_rows, problem = _member_split(period, settlement, key)
    return PeriodSettlement(
        period=period,
        settlement=settlement,
        rows=_rows(settlement.lines),
        members=members,
        member_rows=member_rows,
        member_key=str(HostKeyChoice(key).label),
        member_problem=problem,
        invoices=_invoices(period, settlement),
    )
