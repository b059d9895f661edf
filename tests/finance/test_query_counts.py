"""The settlement and budget pages, their documents and API routes cost the same number of
queries whether a period has 2 special services or 200, and a budget 17 lines or 1 700."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerskap.finance import services
from partnerskap.finance.models import (
    AgreementPeriod,
    Budget,
    BudgetLine,
    OperatingAgreement,
    SpecialService,
)

from .test_budgets import CSV


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def _add(period: AgreementPeriod, budget, first: int, how_many: int) -> None:
    agreement = period.agreement
    for n in range(first, first + how_many):
        OperatingAgreement.objects.create(partnership=agreement.partnership, title=f"Avtale {n}")
        Budget.objects.create(partnership=agreement.partnership, name=f"Budsjett {n}", year=2020)
    AgreementPeriod.objects.bulk_create(
        AgreementPeriod(
            agreement=agreement,
            label=f"P{n}",
            starts=date(2000 + n % 50, 1, 1),
            ends=date(2000 + n % 50, 12, 31),
            state_fte=Decimal(1),
            municipal_fte=Decimal(1),
        )
        for n in range(first, first + how_many)
    )
    SpecialService.objects.bulk_create(
        SpecialService(period=period, name=f"Tjeneste {n}", amount=Decimal(n), owner="state")
        for n in range(first, first + how_many)
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(
            budget=budget,
            position=1000 + n,
            group=f"G{n % 7}",
            account=f"{900000 + n}",
            name=f"Konto {n}",
            annual_budget=Decimal(1000) if n % 2 else None,
            budget_to_date=Decimal(900) if n % 2 else None,
            spend_to_date=Decimal(n),
        )
        for n in range(first, first + how_many)
    )


# session, user, access (2), then the object with its prefetches: a period with its special
# services, member weights and the partnership's owners; a budget with its lines, its sums of
# groups and its imports.
# Pinned, so that a new query per row or a new fixed query both show.
EXPECTED = {
    "settlement page": 8,
    "settlement PDF": 8,
    "settlement XLSX": 8,
    "budget page": 8,
    "budget PDF": 8,
    "budget XLSX": 8,
    "GET settlement": 8,
    "GET budget": 8,
    # session, user, access (2), the partnership with its prefetches (5), count, page
    "agreement list": 11,
    "budget list": 11,
    "agreement page": 7,
    "GET agreements": 11,
    "GET budgets": 11,
}


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_data(client, world, salten, tmp_path):
    period, leader, _members = salten
    partnership = period.agreement.partnership
    budget = services.budget_create(
        actor=leader, partnership=period.agreement.partnership, name="Prosjekt", year=2018
    )
    services.budget_import_commit(
        actor=leader, budget=budget, revision=budget.revision, filename="n.csv", content=CSV
    )
    client.force_login(leader)
    routes = {
        "settlement page": f"/driftsavtaler/perioder/{period.pk}/",
        "settlement PDF": f"/driftsavtaler/perioder/{period.pk}/oppgjor.pdf",
        "settlement XLSX": f"/driftsavtaler/perioder/{period.pk}/oppgjor.xlsx",
        "budget page": f"/budsjett/{budget.pk}/",
        "budget PDF": f"/budsjett/{budget.pk}/rapport.pdf",
        "budget XLSX": f"/budsjett/{budget.pk}/budsjett.xlsx",
        "GET settlement": f"/api/v1/agreement-periods/{period.pk}/settlement",
        "GET budget": f"/api/v1/budgets/{budget.pk}",
        "agreement list": f"/partnerskap/{partnership.pk}/driftsavtaler/",
        "budget list": f"/partnerskap/{partnership.pk}/budsjett/",
        "agreement page": f"/driftsavtaler/{period.agreement_id}/",
        "GET agreements": f"/api/v1/partnerships/{partnership.pk}/operating-agreements",
        "GET budgets": f"/api/v1/partnerships/{partnership.pk}/budgets",
    }
    _add(period, budget, 0, 2)
    for url in routes.values():
        client.get(url)
    small = {name: _queries(client, url) for name, url in routes.items()}
    _add(period, budget, 2, 198)
    assert period.special_services.count() == 200 and budget.lines.count() == 217
    large = {name: _queries(client, url) for name, url in routes.items()}
    assert small == large, "a query per row: see which route differs"
    assert large == EXPECTED
