"""Done 1 and 6: the seed's tables import with their shares reproduced, flagged rows are flagged,
and bad files are refused with messages naming file, row and column, saving nothing."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from partnerskap.figures import selectors, services
from partnerskap.figures.models import ImportBatch, ImportStatus, Level, Observation
from partnerskap.registry.models import County, Municipality

from .conftest import DATA, data_file


def preview(world, name, content=None, period="2018-11"):
    return services.import_preview(
        actor=world.nav_leader,
        partnership=world.orland,
        file=data_file(name, content),
        source="Datavarehuset",
        extracted_on=date(2018, 11, 12),
        period_text=period,
    )


def commit(world, batch):
    return services.import_commit(actor=world.nav_leader, batch=batch, revision=batch.revision)


def value(world, code, **area):
    return (
        Observation.objects.filter(
            partnership=world.orland, indicator__code=code, is_current=True, **area
        )
        .get()
        .value
    )


@pytest.mark.parametrize("name", ["mr_digital_follow_up.csv", "mr_digital_follow_up.xlsx"])
def test_digital_follow_up_reproduces_every_share(world, mr_offices, name):
    batch = preview(world, name)
    assert batch.status == ImportStatus.PREVIEW
    assert not Observation.objects.exists()  # a preview writes nothing
    rows = {row["label"]: row for row in batch.preview["rows"]}
    # stated and recomputed share for every office: the seed's own figures agree with its counts
    for label, row in rows.items():
        if not row["total"]:
            stated, computed = row["cells"][0]
            assert stated == computed, label
            assert row["flags"] == [], label
    assert rows["Totalt"]["cells"][0] == ["95", "95"]
    assert rows["1504 NAV Ålesund"]["cells"][0] == ["95", "95"]
    # the seed lists 22 of the county's offices: the total row is honestly flagged
    assert any("15\xa0182" in flag for flag in rows["Totalt"]["flags"])
    assert commit(world, batch) == 23 * 3
    county = County.objects.get(number="15")
    assert value(world, "users_digital", county=county) == 15_726
    assert value(world, "users_followed_up", county=county) == 16_641
    shown = selectors.share_of(world.orland, "share_digital", Level.COUNTY, county.pk, "2018-11")
    assert shown == Decimal(95)


@pytest.mark.parametrize("name", ["mr_agreed_activity.csv", "mr_agreed_activity.xlsx"])
def test_agreed_activity_alesund_87_per_cent(world, mr_offices, name):
    batch = preview(world, name)
    rows = {row["label"]: row for row in batch.preview["rows"]}
    assert rows["1504 NAV Ålesund"]["cells"][0] == ["87", "87"]
    assert rows["I alt"]["cells"][0] == ["72", "72"]
    for label, row in rows.items():  # every office's stated share is the one its counts give
        assert row["cells"][0][0] == row["cells"][0][1] and row["flags"] == [], label
    assert len(rows) == 31  # all 30 offices and the total, which adds up
    commit(world, batch)
    alesund = mr_offices["1504"]
    assert value(world, "users_agreed_activity", office=alesund) == 2_387
    assert value(world, "users_follow_up", office=alesund) == 2_731
    share = selectors.share_of(
        world.orland, "share_agreed_activity", Level.OFFICE, alesund.pk, "2018-11"
    )
    assert share == Decimal(87)


def test_national_table_75_per_cent_of_314_281(world, counties_2018):
    batch = preview(world, "national_agreed_activity.csv")
    total = batch.preview["rows"][0]
    assert total["label"] == "I alt" and total["cells"][0] == ["75", "75"]
    commit(world, batch)
    assert value(world, "users_follow_up", level=Level.COUNTRY) == 314_281
    share = selectors.share_of(
        world.orland, "share_agreed_activity", Level.COUNTRY, None, "2018-11"
    )
    assert share == Decimal(75)


def test_activity_types_import(world, mr_offices):
    batch = preview(world, "mr_activity_types.xlsx")
    assert {row["label"] for row in batch.preview["rows"] if row["flags"]} == set()
    assert commit(world, batch) == 31 * 5


def test_a_stated_share_that_disagrees_is_flagged_not_accepted(world, mr_offices):
    text = (DATA / "mr_agreed_activity.csv").read_text(encoding="utf-8")
    text = text.replace("1504 NAV Ålesund;87;", "1504 NAV Ålesund;78;")
    batch = preview(world, "altered.csv", text.encode())
    flagged = [row for row in batch.preview["rows"] if row["flags"]]
    assert [row["label"] for row in flagged] == ["1504 NAV Ålesund"]
    assert "78" in flagged[0]["flags"][0] and "87" in flagged[0]["flags"][0]
    assert batch.flagged_rows == 1
    commit(world, batch)
    # the share shown is the one the counts give, never the file's
    share = selectors.share_of(
        world.orland, "share_agreed_activity", Level.OFFICE, mr_offices["1504"].pk, "2018-11"
    )
    assert share == Decimal(87)


def test_a_new_extraction_is_a_new_version(world, mr_offices):
    commit(world, preview(world, "mr_agreed_activity.csv"))
    text = (DATA / "mr_agreed_activity.csv").read_text(encoding="utf-8")
    changed = text.replace("1504 NAV Ålesund;87;2 387;2 731", "1504 NAV Ålesund;87;2 390;2 731")
    commit(world, preview(world, "again.csv", changed.encode()))
    versions = Observation.objects.filter(
        indicator__code="users_agreed_activity", office=mr_offices["1504"]
    ).order_by("version")
    assert [(o.version, o.value, o.is_current) for o in versions] == [
        (1, 2387, False),
        (2, 2390, True),
    ]


# --- bad input: a clear message naming file, row and column, and nothing saved ----------------


def refused(world, name, content=None, period="2018-11") -> list[str]:
    before = (ImportBatch.objects.count(), Observation.objects.count())
    with pytest.raises(ValidationError) as caught:
        preview(world, name, content, period)
    assert (ImportBatch.objects.count(), Observation.objects.count()) == before
    return caught.value.message_dict["file"]


def test_xlsx_with_a_missing_column_is_read_without_it_and_says_so(world, mr_offices):
    batch = preview(world, "missing_column.xlsx")
    assert batch.table == "digital_follow_up"
    assert batch.preview["missing"] == ["Antall brukere totalt"]
    codes = {row[0] for row in batch.observations}
    assert "users_followed_up" not in codes and "users_digital" in codes


def _csv_with(replace: str, by: str) -> bytes:
    text = (DATA / "mr_agreed_activity.csv").read_text(encoding="utf-8")
    assert replace in text
    return text.replace(replace, by).encode()


def test_a_unit_number_that_matches_no_office(world, mr_offices):
    messages = refused(world, "bad.csv", _csv_with("1576 NAV Aure", "1599 NAV Ukjent"))
    assert messages == ["bad.csv, rad 32, kolonne «Enhet»: ingen kontor har enhetsnummeret 1599."]


def test_a_count_that_is_not_a_number(world, mr_offices):
    messages = refused(world, "bad.csv", _csv_with("1 173;1 546", "mange;1 546"))
    assert messages == [
        "bad.csv, rad 3, kolonne «Antall brukere i avtalt aktivitet»: "
        "«mange» er ikke et helt antall personer."
    ]


def test_a_share_over_100(world, mr_offices):
    messages = refused(world, "bad.csv", _csv_with("1502 NAV Molde;76;", "1502 NAV Molde;176;"))
    assert messages == [
        "bad.csv, rad 3, kolonne «Andel i avtalt aktivitet»: "
        "andelen 176 er ikke mellom 0 og 100 prosent."
    ]


def test_the_same_file_twice(world, mr_offices):
    preview(world, "mr_agreed_activity.csv")
    messages = refused(world, "mr_agreed_activity.csv")
    assert len(messages) == 1
    assert messages[0].startswith("mr_agreed_activity.csv: denne filen ble lastet opp allerede")


def jsonstat(**changes) -> bytes:
    doc = {
        "version": "2.0",
        "class": "dataset",
        "label": "Folkemengde",
        "id": ["Region", "ContentsCode", "Tid"],
        "size": [2, 1, 2],
        "role": {"geo": ["Region"], "metric": ["ContentsCode"], "time": ["Tid"]},
        "dimension": {
            "Region": {"category": {"index": {"K-5057": 0, "K-5054": 1}}},
            "ContentsCode": {"category": {"index": {"Folkemengde": 0}}},
            "Tid": {"category": {"index": {"2022": 0, "2023": 1}}},
        },
        "value": [10_350, 10_410, 9_980, 10_020],
    }
    doc.update(changes)
    return json.dumps(doc).encode()


def test_jsonstat_municipal_figures(world):
    Municipality.objects.create(
        number="5054", name="Indre Fosen", county=world.county, valid_from=date(2018, 1, 1)
    )
    batch = preview(world, "ssb.json", jsonstat(), period="")
    assert len(batch.preview["rows"]) == 4
    assert commit(world, batch) == 4
    assert (
        value(
            world,
            "population",
            municipality=world.orland_municipality,
            period_start=date(2023, 1, 1),
        )
        == 10_410
    )


def test_jsonstat_with_a_dimension_size_mismatch(world):
    messages = refused(world, "ssb.json", jsonstat(size=[2, 1, 3]), period="")
    assert messages == [
        "ssb.json: dimensjonen «Tid» har 2 kategorier, men «size» sier 3.",
    ]


def test_commit_is_all_or_nothing(world, mr_offices, monkeypatch):
    batch = preview(world, "mr_agreed_activity.csv")
    from partnerskap.figures import services as module

    monkeypatch.setattr(module, "BATCH_SIZE", 10)
    batch.observations[-1][0] = "no_such_indicator"  # the last batch fails
    batch.save()
    with pytest.raises(KeyError):
        services.import_commit(actor=None, batch=batch, revision=batch.revision)
    assert not Observation.objects.exists()
    assert ImportBatch.objects.get().status == ImportStatus.PREVIEW


def test_command_dry_run_then_commit(world, mr_offices, capsys):
    path = str(DATA / "mr_agreed_activity.csv")
    args = ["figures", "import", path, "--partnership", str(world.orland.pk), "--period", "2018-11"]
    call_command(*args, "--source", "Datavarehuset", "--extracted", "2018-11-12")
    assert not Observation.objects.exists()
    assert "62 " in capsys.readouterr().out  # 31 rows × 2 counts = 62 figures, not written
    call_command(*args, "--source", "Datavarehuset", "--extracted", "2018-11-12", "--commit")
    assert Observation.objects.count() == 62


def test_streamed_import_is_all_or_nothing(world, monkeypatch):
    from partnerskap.figures import services as module

    unit = world.orland_office.unit_number
    lines = ["Indikator;Enhet;Periode;Verdi"] + [
        f"users_follow_up;{unit};2020-W{week:02d};{500 + week}" for week in range(1, 30)
    ]
    good = services.import_long_stream(
        actor=None,
        partnership=world.orland,
        name="uttrekk.csv",
        lines=iter(lines),
        source="Datavarehuset",
        extracted_on=date(2020, 8, 1),
        batch_size=10,
    )
    assert good == 29 == Observation.objects.count()
    bad = [*lines, f"users_follow_up;{unit};2020-W53;ti"]
    with pytest.raises(ValidationError) as caught:
        services.import_long_stream(
            actor=None,
            partnership=world.orland,
            name="uttrekk2.csv",
            lines=iter(bad),
            source="Datavarehuset",
            extracted_on=date(2020, 8, 2),
            batch_size=10,
        )
    assert caught.value.message_dict["file"] == [
        "uttrekk2.csv, rad 31, kolonne «Verdi»: «ti» er ikke et tall."
    ]
    assert Observation.objects.count() == 29  # the batches written before the error are undone
    assert not Observation.objects.filter(version=2).exists()
    assert module.ImportBatch.objects.count() == 1


def test_a_committed_import_is_counted_in_the_metrics(
    world, mr_offices, django_capture_on_commit_callbacks
):
    from partnerskap.core.metrics import IMPORTED_ROWS, IMPORTS

    imports = IMPORTS.labels(kind="figures")._value.get()
    rows = IMPORTED_ROWS.labels(kind="figures")._value.get()
    batch = preview(world, "mr_activity_types.xlsx")
    with django_capture_on_commit_callbacks(execute=True):
        written = commit(world, batch)
    assert IMPORTS.labels(kind="figures")._value.get() == imports + 1
    assert IMPORTED_ROWS.labels(kind="figures")._value.get() == rows + written
