"""A long budget (issue 16): the PDF prints the sums of its groups and says where the lines are;
the spreadsheet holds every line with the same sums as the page. A short budget's PDF keeps every
line (tests/finance/test_budgets.py)."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from partnerskap.finance import services
from partnerskap.finance.documents import PDF_LINES
from partnerskap.finance.models import BudgetLine

from . import test_views as tools

LINES = 1000


@pytest.fixture
def long_budget(salten):
    period, leader, _members = salten
    budget = services.budget_create(
        actor=leader, partnership=period.agreement.partnership, name="Drift", year=2026
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(
            budget=budget,
            position=n,
            group=f"Gruppe {n % 20:02d}",
            account=f"{500000 + n}",
            name=f"Konto nummer {n}",
            annual_budget=Decimal(1200),
            budget_to_date=Decimal(1100),
            spend_to_date=Decimal(n),
        )
        for n in range(LINES)
    )
    return budget, leader


@pytest.mark.django_db
def test_a_long_budget_prints_its_groups_and_the_spreadsheet_holds_every_line(
    client, long_budget, tmp_path
):
    budget, leader = long_budget
    client.force_login(leader)
    assert LINES > PDF_LINES
    pdf = tools.pdf_text(client.get(f"/budsjett/{budget.pk}/rapport.pdf").content, tmp_path)
    pdf = " ".join(pdf.replace("\xa0", " ").split())
    assert "Budsjettet har 1000 linjer" in pdf.replace("1 000", "1000")
    assert "Sum Gruppe 00" in pdf and "Sum Gruppe 19" in pdf
    assert "Konto nummer" not in pdf  # the lines are in the spreadsheet
    # group 00 holds lines 0, 20, …, 980: 50 lines, spend 0 + 20 + … + 980 = 24 500
    assert "Sum Gruppe 00 60 000 55 000 24 500" in pdf

    page = client.get(f"/budsjett/{budget.pk}/")
    assert f"/budsjett/{budget.pk}/budsjett.xlsx" in page.content.decode()
    response = client.get(f"/budsjett/{budget.pk}/budsjett.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    lines = [row for row in rows if row[0]]
    assert len(lines) == LINES
    assert {row[1] for row in lines} == {f"Konto nummer {n}" for n in range(LINES)}
    sums = {row[1]: row for row in rows if not row[0]}
    assert sums["Sum Gruppe 00"][2:5] == (60000, 55000, 24500)
    total = sums["Sum"]  # the total row, as the page names it
    assert total[2:5] == (1200 * LINES, 1100 * LINES, sum(range(LINES)))


@pytest.mark.django_db
def test_another_partnership_gets_no_spreadsheet(client, long_budget, world):
    budget, _leader = long_budget
    client.force_login(world.nav_leader)  # Ørland's leader, not Salten's
    assert client.get(f"/budsjett/{budget.pk}/budsjett.xlsx").status_code == 404
