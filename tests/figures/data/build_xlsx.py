"""Rebuild the XLSX test files from the CSV files (themselves copied from the Ålesund seed).

    .venv/bin/python tests/figures/data/build_xlsx.py

Counts become numbers, as in an export from the data warehouse; the unit column stays text.
"""

import csv
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def cell(text: str) -> object:
    compact = text.replace(" ", "").replace("\u00a0", "")
    return int(compact) if compact.isdigit() else text


def build(csv_name: str, xlsx_name: str, drop_column: str | None = None) -> None:
    with open(HERE / csv_name, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";"))
    if drop_column is not None:
        index = rows[0].index(drop_column)
        rows = [row[:index] + row[index + 1 :] for row in rows]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tabell"
    for row in rows:
        sheet.append([cell(value) if i else value for i, value in enumerate(row)])
    workbook.save(HERE / xlsx_name)


if __name__ == "__main__":
    build("mr_digital_follow_up.csv", "mr_digital_follow_up.xlsx")
    build("mr_agreed_activity.csv", "mr_agreed_activity.xlsx")
    build("mr_activity_types.csv", "mr_activity_types.xlsx")
    build("mr_digital_follow_up.csv", "missing_column.xlsx", drop_column="Antall brukere totalt")
