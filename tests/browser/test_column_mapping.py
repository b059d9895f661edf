"""Issue 12, done 2, in a real browser: the NAV leader of Ørland uploads a table whose headers the
product does not know word for word, corrects the column it could not read in the preview, saves,
and uploads the next month's file with the same headers: it is read the same way without asking,
and the preview says whose mapping from which day was used. Every figure saved is checked.

The tables are written here, in wording of their own (docs/decisions/0030).
"""

from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from partnerskap.core.models import User
from partnerskap.core.templatetags.norsk import dato
from partnerskap.figures.models import ColumnMapping, ImportBatch, Observation
from partnerskap.registry.models import Partnership

from .conftest import follow, log_in, submit, visit

HEADER = "NAV-kontor;Ant. digitalt;Ant. på papir;Ant. totalt;Digitalt %"
NOVEMBER = f"{HEADER}\n5057 NAV Ørland;380;20;400;95\n5054 NAV Indre Fosen;450;50;500;90\n"
DECEMBER = f"{HEADER}\n5057 NAV Ørland;390;10;400;97,5\n5054 NAV Indre Fosen;440;60;500;88\n"


def nb(msgid: str, **values: object) -> str:
    with translation.override("nb"):
        return gettext(msgid) % values if values else gettext(msgid)


def upload(page: Page, tmp_path: Path, name: str, content: str, period: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    follow(page, nb("Import a table"))
    page.locator("#id_file").set_input_files(str(path))
    page.locator("#id_period").fill(period)
    page.locator("#id_extracted_on").fill("2021-01-04")
    submit(page, nb("Read the file and show a preview"))


def saved(file_name: str) -> dict[tuple[str, str], Decimal]:
    """(office, indicator) → value of every figure the file's import wrote."""
    batch = ImportBatch.objects.get(file_name=file_name)
    rows = Observation.objects.filter(batch=batch).values_list(
        "office__unit_number", "indicator__code", "value"
    )
    return {(office, code): value for office, code, value in rows}


def row(page: Page, label: str):
    return page.locator("tr", has=page.get_by_role("rowheader", name=label, exact=True))


@pytest.mark.django_db(transaction=True)
def test_correct_a_column_then_the_next_month_is_read_without_asking(
    page: Page, demo_data: None, tmp_path: Path
) -> None:
    orland = Partnership.objects.get(name="NAV Ørland")
    leader = User.objects.get(username="leder.orland")
    log_in(page, "leder.orland")
    visit(page, reverse("figures:overview", args=[orland.pk]))

    # --- November: "Ant. på papir" is not a wording the product knows -----------------------
    upload(page, tmp_path, "oppfolging-november.csv", NOVEMBER, "2020-11")
    main = page.get_by_role("main")
    expect(page.locator("#uncertain-mapping")).to_have_text(
        nb(
            "Not every column name is one we know. Check how each column was read, change what "
            "is wrong and read the file again before you save. What you save is remembered for "
            "the next file with the same column names."
        )
    )
    paper = page.get_by_label(nb("Read “%(column)s” as", column="Ant. på papir"))
    expect(paper).to_have_value("")  # not read
    expect(page.get_by_label(nb("Read “%(column)s” as", column="Ant. digitalt"))).to_have_value(
        "users_digital"
    )
    expect(page.locator("#missing-columns")).to_contain_text("Antall manuell oppfølging")
    pending = ImportBatch.objects.get(file_name="oppfolging-november.csv").observations
    assert {code for code, *_rest in pending} == {"users_digital", "users_followed_up"}

    paper.select_option(label="Antall manuell oppfølging")
    submit(page, nb("Read the file again with these columns"))
    expect(main).to_contain_text(nb("The file was read again with the columns as you chose."))
    expect(page.get_by_label(nb("Read “%(column)s” as", column="Ant. på papir"))).to_have_value(
        "users_manual"
    )
    expect(page.locator("#changed-mapping")).to_be_visible()
    expect(page.locator("#missing-columns")).not_to_contain_text("Antall manuell oppfølging")
    # the rows as read now: share stated (computed), digital, manual, total; the checks pass
    expect(row(page, "5057 NAV Ørland")).to_contain_text("95 (95)")
    expect(row(page, "5057 NAV Ørland").locator("td").nth(2)).to_have_text("20")
    expect(row(page, "5054 NAV Indre Fosen").locator("td").nth(2)).to_have_text("50")
    expect(page.locator("tr.figures-flagged")).to_have_count(0)
    submit(page, nb("Save the figures"))
    expect(main).to_contain_text(nb("%(count)s figures were imported.", count=6))
    assert saved("oppfolging-november.csv") == {
        ("5057", "users_digital"): Decimal(380),
        ("5057", "users_manual"): Decimal(20),
        ("5057", "users_followed_up"): Decimal(400),
        ("5054", "users_digital"): Decimal(450),
        ("5054", "users_manual"): Decimal(50),
        ("5054", "users_followed_up"): Decimal(500),
    }
    memory = ColumnMapping.objects.get(partnership=orland)
    assert memory.keys[2] == "users_manual" and memory.confirmed_by == leader

    # --- December: the same headers, read as confirmed, without asking ----------------------
    upload(page, tmp_path, "oppfolging-desember.csv", DECEMBER, "2020-12")
    with translation.override("nb"):
        today = dato(timezone.localdate())
    expect(page.locator("#remembered-mapping")).to_have_text(
        nb(
            "The columns were read as %(person)s confirmed them on %(day)s for a file with the "
            "same column names.",
            person=leader.display_name,
            day=today,
        )
    )
    expect(page.locator("#uncertain-mapping")).to_have_count(0)
    expect(page.get_by_label(nb("Read “%(column)s” as", column="Ant. på papir"))).to_have_value(
        "users_manual"
    )
    expect(row(page, "5057 NAV Ørland")).to_contain_text(
        "97,5 (98)"
    )  # 390 of 400, rounded as the product shows shares
    expect(row(page, "5054 NAV Indre Fosen")).to_contain_text("88 (88)")
    expect(page.locator("tr.figures-flagged")).to_have_count(0)
    submit(page, nb("Save the figures"))
    expect(main).to_contain_text(nb("%(count)s figures were imported.", count=6))
    assert saved("oppfolging-desember.csv") == {
        ("5057", "users_digital"): Decimal(390),
        ("5057", "users_manual"): Decimal(10),
        ("5057", "users_followed_up"): Decimal(400),
        ("5054", "users_digital"): Decimal(440),
        ("5054", "users_manual"): Decimal(60),
        ("5054", "users_followed_up"): Decimal(500),
    }
    assert ColumnMapping.objects.get(partnership=orland).history.count() == 1
