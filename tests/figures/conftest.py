"""Fixtures for the figures tests: the Møre og Romsdal offices and the counties of 2018."""

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from partnerskap.registry.models import County, Office

DATA = Path(__file__).parent / "data"


def table_names(csv_name: str) -> list[tuple[str, str]]:
    """(number, name) of every row of a seed table but the total."""
    with open(DATA / csv_name, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";"))[1:]
    found = []
    for row in rows:
        match = re.match(r"(\d{2,4}) (.+)", row[0])
        if match:
            found.append((match.group(1), match.group(2)))
    return found


@pytest.fixture
def mr_offices(world) -> dict[str, Office]:
    """Every office the Møre og Romsdal tables name, as they were in 2018, in county 15."""
    county = County.objects.get(number="15")
    offices = {}
    for csv_name in ("mr_digital_follow_up.csv", "mr_agreed_activity.csv"):
        for number, name in table_names(csv_name):
            offices.setdefault(
                number,
                Office.objects.get_or_create(
                    unit_number=number,
                    valid_from=date(2007, 1, 1),
                    defaults={"name": name, "county": county, "valid_to": date(2019, 12, 31)},
                )[0],
            )
    return offices


@pytest.fixture
def counties_2018(world) -> dict[str, County]:
    """The counties of the national table (some long gone, and 99 for “no county”)."""
    found = {}
    for number, name in table_names("national_agreed_activity.csv"):
        found[number] = County.objects.get_or_create(
            number=number, defaults={"name": name, "valid_from": date(2006, 7, 1)}
        )[0]
    return found


def data_file(name: str, content: bytes | None = None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content if content is not None else (DATA / name).read_bytes())


def pdf_text(data: bytes) -> str:
    """The PDF's text as pdftotext gives it, with the layout kept (tests/documents/tools.py)."""
    import subprocess

    from ..documents.tools import require

    result = subprocess.run(  # noqa: S603
        [require("pdftotext"), "-enc", "UTF-8", "-layout", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout.decode()


from ..meetings.conftest import body, meeting  # noqa: E402, F401 - Ørland's meeting for reports
