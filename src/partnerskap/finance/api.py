"""The finance app in the JSON API: same access functions, selectors and services as the pages.

Amounts and FTEs are decimal strings or numbers ("9.3", 1000000); a settlement carries every
line of its computation; a budget line without a budget has `null` per cents, not an error.
"""

import base64
import binascii
from datetime import date
from decimal import Decimal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from partnerskap.registry.selectors import partnership_for_user

from . import cost_sharing as cs
from . import selectors, services
from .budget_report import BudgetReport, ReportRow, budget_report, report_from_lines
from .models import Budget, OperatingAgreement
from .settlement import PeriodSettlement, period_settlement

router = Router()


class ConflictOut(Schema):
    detail: str = Field(description="Someone else saved first: reload, then make your change.")


# --- schemas --------------------------------------------------------------------------------


class AgreementIn(Schema):
    title: str
    leader_key: str = "equal_split"
    host_key: str = "fte"
    invoice_frequency: int = 4
    payment_days: int = 30
    notes: str = ""


class AgreementPatch(Schema):
    revision: int = Field(description="The revision you read; a newer one means someone saved.")
    title: str | None = None
    leader_key: str | None = None
    host_key: str | None = None
    invoice_frequency: int | None = None
    payment_days: int | None = None
    notes: str | None = None


class PeriodSummaryOut(Schema):
    id: int
    label: str
    starts: date
    ends: date
    revision: int


class AgreementOut(Schema):
    id: int
    uuid: UUID
    partnership_id: int
    title: str
    leader_key: str
    host_key: str
    invoice_frequency: int
    payment_days: int
    notes: str
    revision: int


class AgreementDetailOut(AgreementOut):
    periods: list[PeriodSummaryOut]


class PeriodIn(Schema):
    label: str
    starts: date
    ends: date
    # Numbers or strings: the service reads "9,3" and "1 000 000" too, and answers anything
    # else with a Norwegian message naming the field.
    state_fte: Decimal | str
    municipal_fte: Decimal | str
    leader_employer: str = Field("", description='"state", "municipality" or "" (vacant)')
    leader_fte: Decimal | str = Decimal(1)
    rent: Decimal | str = Decimal(0)
    ict: Decimal | str = Decimal(0)
    other_costs: Decimal | str = Decimal(0)


class PeriodPut(PeriodIn):
    revision: int = Field(description="The revision you read; a newer one means someone saved.")


class WeightIn(Schema):
    municipality_id: int
    fte: Decimal | str
    percentage: Decimal | str


class WeightsPut(Schema):
    revision: int
    weights: list[WeightIn] = Field(
        description="Every member municipality exactly once; the key is saved whole or not at all."
    )


class LineOut(Schema):
    key: str
    text: str
    how: str = Field(description="How the line is computed, in words (translated).")
    formula: str = Field(description="The same in code-like notation over the line's inputs.")
    result: Decimal


class OwnerTotalOut(Schema):
    owner: str
    ftes_counted: Decimal
    shared: Decimal
    special: Decimal
    total: Decimal


class MemberOut(Schema):
    municipality: str
    weight: Decimal
    share: Decimal


class InvoiceOut(Schema):
    owner: str
    number: int
    covers_to: date
    due: date
    amount: Decimal


class SettlementOut(Schema):
    period_id: int
    label: str
    revision: int
    owners: list[OwnerTotalOut]
    total: Decimal
    member_key: str
    members: list[MemberOut]
    member_problem: str
    invoices: list[InvoiceOut]
    lines: list[LineOut]


class BudgetIn(Schema):
    name: str
    year: int
    project: str = ""
    periods_elapsed: int = 12


class BudgetOut(Schema):
    id: int
    partnership_id: int
    name: str
    project: str
    year: int
    periods_elapsed: int
    revision: int


class BudgetLineOut(Schema):
    kind: str = Field(
        description='"line", "group" (a group\'s sum), "supergroup" (a sum of groups the ERP '
        'report prints, e.g. "A SUM LØNN OG ANDRE GODTGJØRSLER") or "total"'
    )
    group: str
    account: str
    name: str
    annual_budget: Decimal | None
    budget_to_date: Decimal | None
    spend_to_date: Decimal
    spend_period: Decimal
    remaining: Decimal
    difference_to_date: Decimal
    per_cent_of_budget_to_date: Decimal | None
    per_cent_of_annual_budget: Decimal | None
    forecast_year_end: Decimal | None


class BudgetReportOut(BudgetOut):
    lines: list[BudgetLineOut]


class ImportIn(Schema):
    filename: str = Field(description="The file's name; .csv or .xlsx says how to read it.")
    content: str = Field(description="The file's bytes, base64-encoded.")


class ImportCommitIn(ImportIn):
    revision: int = Field(description="The budget's revision when you previewed the file.")


class ImportOut(Schema):
    id: int
    filename: str
    period_name: str
    line_count: int


# --- helpers --------------------------------------------------------------------------------


def _settlement_out(result: PeriodSettlement) -> dict:
    s = result.settlement
    period = result.period
    return {
        "period_id": period.pk,
        "label": period.label,
        "revision": period.revision,
        "owners": [
            {
                "owner": owner.value,
                "ftes_counted": s.ftes.of(owner),
                "shared": s.shared(owner),
                "special": s.special(owner),
                "total": s.owner_total(owner),
            }
            for owner in cs.Owner
        ],
        "total": s.total,
        "member_key": result.member_key,
        "members": [
            {"municipality": m.name, "weight": m.weight, "share": m.share} for m in result.members
        ],
        "member_problem": result.member_problem,
        "invoices": [vars(i) for i in result.invoices],
        "lines": [
            {"key": r.key, "text": r.text, "how": r.how, "formula": r.formula, "result": r.result}
            for r in result.all_rows
        ],
    }


def _line_out(row: ReportRow) -> dict:
    line = row.line
    return {
        "kind": row.kind,
        "group": line.group,
        "account": line.account,
        "name": line.name,
        "annual_budget": line.annual_budget,
        "budget_to_date": line.budget_to_date,
        "spend_to_date": line.spend_to_date,
        "spend_period": line.spend_period,
        "remaining": line.remaining,
        "difference_to_date": line.difference_to_date,
        "per_cent_of_budget_to_date": row.per_cent_to_date,
        "per_cent_of_annual_budget": row.per_cent_annual,
        "forecast_year_end": row.forecast.year_end_spend if row.forecast else None,
    }


def _report_out(budget: Budget, report: BudgetReport) -> dict:
    out = BudgetOut.from_orm(budget).dict()
    out["lines"] = [_line_out(row) for row in [*report.rows, report.total]] if report.rows else []
    return out


def _decode(payload: ImportIn) -> bytes:
    try:
        return base64.b64decode(payload.content, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(
            {
                "content": _("%(file)s: the content is not valid base64.")
                % {"file": payload.filename}
            }
        ) from None


def _settlement(request: HttpRequest, pk: int) -> PeriodSettlement:
    return period_settlement(selectors.period_for_user(request.user, pk))


# --- operating agreements -------------------------------------------------------------------


@router.get(
    "/partnerships/{partnership_id}/operating-agreements",
    response=list[AgreementOut],
    summary="A partnership's operating agreements",
)
@paginate(PageNumberPagination)
def agreement_list(request: HttpRequest, partnership_id: int) -> QuerySet[OperatingAgreement]:
    partnership = partnership_for_user(request.user, partnership_id)
    return selectors.agreements_of(partnership.pk)


@router.post(
    "/partnerships/{partnership_id}/operating-agreements",
    response={201: AgreementOut},
    summary="Make an operating agreement",
)
def agreement_create(
    request: HttpRequest, partnership_id: int, payload: AgreementIn
) -> Status[OperatingAgreement]:
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    agreement = services.agreement_create(
        actor=request.user, partnership=partnership, **payload.dict()
    )
    return Status(201, agreement)


def _agreement_detail(agreement: OperatingAgreement) -> dict:
    out = AgreementOut.from_orm(agreement).dict()
    out["periods"] = list(selectors.periods_of(agreement))
    return out


@router.get(
    "/operating-agreements/{operating_agreement_id}",
    response=AgreementDetailOut,
    summary="An operating agreement and its periods",
)
def agreement_detail(request: HttpRequest, operating_agreement_id: int) -> dict:
    return _agreement_detail(selectors.agreement_for_user(request.user, operating_agreement_id))


@router.patch(
    "/operating-agreements/{operating_agreement_id}",
    response={200: AgreementDetailOut, 409: ConflictOut},
    summary="Change an operating agreement (409 if someone saved since you read it)",
)
def agreement_update(
    request: HttpRequest, operating_agreement_id: int, payload: AgreementPatch
) -> dict:
    agreement = selectors.agreement_for_user(request.user, operating_agreement_id, change=True)
    fields = payload.dict(exclude_unset=True)
    revision = fields.pop("revision")
    agreement = services.agreement_update(
        actor=request.user, agreement=agreement, revision=revision, **fields
    )
    return _agreement_detail(agreement)


@router.post(
    "/operating-agreements/{operating_agreement_id}/periods",
    response={201: SettlementOut},
    summary="Add a period with its FTEs and shared costs; answers with its settlement",
)
def period_create(
    request: HttpRequest, operating_agreement_id: int, payload: PeriodIn
) -> Status[dict]:
    agreement = selectors.agreement_for_user(request.user, operating_agreement_id, change=True)
    period = services.period_create(actor=request.user, agreement=agreement, **payload.dict())
    result = period_settlement(selectors.period_for_user(request.user, period.pk))
    return Status(201, _settlement_out(result))


@router.get(
    "/agreement-periods/{agreement_period_id}/settlement",
    response=SettlementOut,
    summary="The settlement of a period, with every line of the computation",
)
def period_settlement_get(request: HttpRequest, agreement_period_id: int) -> dict:
    return _settlement_out(_settlement(request, agreement_period_id))


@router.put(
    "/agreement-periods/{agreement_period_id}",
    response={200: SettlementOut, 409: ConflictOut},
    summary="Change a period's FTEs and costs (409 if someone saved since you read it)",
)
def period_update(request: HttpRequest, agreement_period_id: int, payload: PeriodPut) -> dict:
    period = selectors.period_for_user(request.user, agreement_period_id, change=True)
    fields = payload.dict()
    revision = fields.pop("revision")
    services.period_update(actor=request.user, period=period, revision=revision, **fields)
    return _settlement_out(_settlement(request, agreement_period_id))


@router.put(
    "/agreement-periods/{agreement_period_id}/member-weights",
    response={200: SettlementOut, 409: ConflictOut},
    summary="Set the member municipalities' FTEs and agreed percentages",
)
def member_weights(request: HttpRequest, agreement_period_id: int, payload: WeightsPut) -> dict:
    period = selectors.period_for_user(request.user, agreement_period_id, change=True)
    weights = {w.municipality_id: (w.fte, w.percentage) for w in payload.weights}
    if len(weights) != len(payload.weights):
        raise ValidationError(
            {"weights": _("Each member municipality may appear only once in the key.")}
        )
    services.member_weights_set(
        actor=request.user, period=period, revision=payload.revision, weights=weights
    )
    return _settlement_out(_settlement(request, agreement_period_id))


# --- budgets --------------------------------------------------------------------------------


@router.get(
    "/partnerships/{partnership_id}/budgets",
    response=list[BudgetOut],
    summary="A partnership's budgets",
)
@paginate(PageNumberPagination)
def budget_list(request: HttpRequest, partnership_id: int) -> QuerySet[Budget]:
    return selectors.budgets_of(partnership_for_user(request.user, partnership_id).pk)


@router.post(
    "/partnerships/{partnership_id}/budgets",
    response={201: BudgetOut},
    summary="Make a budget for a year or a project",
)
def budget_create(request: HttpRequest, partnership_id: int, payload: BudgetIn) -> Status[Budget]:
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    return Status(
        201, services.budget_create(actor=request.user, partnership=partnership, **payload.dict())
    )


@router.get(
    "/budgets/{budget_id}",
    response=BudgetReportOut,
    summary="A budget with its lines, group sums, total, per cents and forecast",
)
def budget_detail(request: HttpRequest, budget_id: int) -> dict:
    budget = selectors.budget_for_user(request.user, budget_id)
    return _report_out(budget, budget_report(budget))


@router.post(
    "/budgets/{budget_id}/import-preview",
    response=BudgetReportOut,
    summary="Read an ERP report and show the lines it would give; nothing is saved",
)
def budget_import_preview(request: HttpRequest, budget_id: int, payload: ImportIn) -> dict:
    budget = selectors.budget_for_user(request.user, budget_id, change=True)
    report = services.budget_import_preview(
        budget=budget, filename=payload.filename, content=_decode(payload)
    )
    lines = [line.arithmetic() for line in report.lines]
    super_groups = [(name, groups) for _row, name, groups, _amounts in report.super_groups]
    return _report_out(
        budget,
        report_from_lines(budget, lines, report.months or budget.periods_elapsed, super_groups),
    )


@router.post(
    "/budgets/{budget_id}/imports",
    response={201: ImportOut, 409: ConflictOut},
    summary="Import an ERP report: all lines or none, never the same file twice",
)
def budget_import_commit(
    request: HttpRequest, budget_id: int, payload: ImportCommitIn
) -> Status[object]:
    budget = selectors.budget_for_user(request.user, budget_id, change=True)
    imported = services.budget_import_commit(
        actor=request.user,
        budget=budget,
        revision=payload.revision,
        filename=payload.filename,
        content=_decode(payload),
    )
    return Status(201, imported)
