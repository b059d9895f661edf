"""Issue 12, "What to build": when the columns are not certain, the person changes how they are
read before committing, and the confirmed mapping is remembered for the next file with the same
headers — for the partnership that confirmed it only (docs/decisions/0030). Tables written here."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerskap.core.errors import ConflictError
from partnerskap.figures import mapping, services
from partnerskap.figures.models import ColumnMapping, ImportBatch, ImportStatus, Observation

from .conftest import data_file

# "Antall på papir" is not a wording recognition knows: it is not read until the person says so
HEADER = "Kontor;Antall digitalt;Antall på papir;Antall i oppfølging totalt;Andel digitalt"
NOVEMBER = "\n".join(
    [HEADER, "1502 NAV Molde;1 567;114;1 681;93", "1504 NAV Ålesund;2 724;147;2 871;95"]
)
# the next month's file: the same headers, worded with other case and spacing, other figures
DECEMBER = "\n".join(
    [
        "KONTOR;Antall  digitalt;antall på papir;Antall i oppfølging totalt;Andel digitalt;",
        "1502 NAV Molde;1 600;100;1 700;94",
        "1504 NAV Ålesund;2 800;200;3 000;93",
    ]
)
PAPER = 2  # the file column of "Antall på papir"


def preview(world, content: str, *, name="digital.csv", period="2018-11", partnership=None, **kw):
    return services.import_preview(
        actor=world.nav_leader if partnership is None else world.other_leader,
        partnership=partnership or world.orland,
        file=data_file(name, content.encode()),
        source="Datavarehuset",
        extracted_on=date(2018, 12, 3),
        period_text=period,
        **kw,
    )


def remap(world, batch, changes, actor=None):
    return services.import_remap(
        actor=actor or world.nav_leader, batch=batch, revision=batch.revision, changes=changes
    )


def commit(world, batch, actor=None):
    return services.import_commit(
        actor=actor or world.nav_leader, batch=batch, revision=batch.revision
    )


def figures(office, period_start: date) -> dict[str, Decimal]:
    return dict(
        Observation.objects.filter(office=office, period_start=period_start).values_list(
            "indicator__code", "value"
        )
    )


def keys(batch) -> list[str]:
    return batch.preview["reading"]["keys"]


def test_the_fingerprint_ignores_case_spacing_and_empty_cells_on_the_right():
    same = mapping.fingerprint(["Kontor", "Antall  digitalt", "Antall på papir", None, ""])
    assert same == mapping.fingerprint(["KONTOR ", "antall digitalt", "Antall <b>på</b> papir"])
    assert same != mapping.fingerprint(["Kontor", "Antall på papir", "Antall digitalt"])
    assert same != mapping.fingerprint(["Kontor", "Antall digitalt", "Antall på papiret"])
    assert len(same) == 64


def test_an_unread_column_is_chosen_and_the_preview_recomputed(world, mr_offices):
    batch = preview(world, NOVEMBER)
    assert keys(batch) == [
        "unit",
        "users_digital",
        "",
        "users_followed_up",
        "users_digital/users_followed_up",
    ]
    assert batch.preview["reading"]["certain"] is False
    assert "Antall manuell oppfølging" in batch.preview["missing"]
    molde = batch.preview["rows"][0]
    assert molde["label"] == "1502 NAV Molde"
    assert molde["cells"] == [["93", "93"], ["1\xa0567", ""], ["1\xa0681", ""]]

    batch = remap(world, batch, {PAPER: "users_manual"})
    assert keys(batch)[PAPER] == "users_manual"
    assert batch.preview["reading"]["changed"] is True
    assert batch.preview["missing"] == ["Andel manuell oppfølging"]
    assert batch.preview["mapping"][PAPER] == ["Antall på papir", "Antall manuell oppfølging"]
    rows = {row["label"]: row for row in batch.preview["rows"]}
    # the table's columns in its own order: digital share and count, manual count, total
    assert rows["1502 NAV Molde"]["cells"] == [
        ["93", "93"],
        ["1\xa0567", ""],
        ["114", ""],
        ["1\xa0681", ""],
    ]
    assert rows["1504 NAV Ålesund"]["flags"] == []
    assert not Observation.objects.exists()  # nothing is observed before commit

    assert commit(world, batch) == 6
    assert figures(mr_offices["1502"], date(2018, 11, 1)) == {
        "users_digital": Decimal(1567),
        "users_manual": Decimal(114),
        "users_followed_up": Decimal(1681),
    }
    assert figures(mr_offices["1504"], date(2018, 11, 1)) == {
        "users_digital": Decimal(2724),
        "users_manual": Decimal(147),
        "users_followed_up": Decimal(2871),
    }
    memory = ColumnMapping.objects.get()
    assert memory.partnership == world.orland
    assert memory.table == "digital_follow_up"
    assert memory.keys == keys(batch)
    assert memory.headers[PAPER] == "Antall på papir"
    assert memory.confirmed_by == world.nav_leader
    assert memory.history.count() == 1
    assert ImportBatch.objects.get().upload == b""  # the file is not kept after commit


def test_the_next_file_with_the_same_headers_is_read_by_the_remembered_mapping(world, mr_offices):
    world.nav_leader.first_name, world.nav_leader.last_name = "Kari", "Nordmann"
    world.nav_leader.save()
    commit(world, remap(world, preview(world, NOVEMBER), {PAPER: "users_manual"}))

    batch = preview(world, DECEMBER, name="desember.csv", period="2018-12")
    reading = batch.preview["reading"]
    assert reading["remembered"] == {"by": "Kari Nordmann", "on": date.today().isoformat()}
    assert reading["keys"][PAPER] == "users_manual"
    assert batch.preview["missing"] == ["Andel manuell oppfølging"]
    described = services.columns.described(batch)
    assert described["remembered"] == {"by": "Kari Nordmann", "on": date.today()}
    assert described["mapping"][PAPER] == {
        "column": "antall på papir",
        "key": "users_manual",
        "read_as": "Antall manuell oppfølging",
    }
    assert commit(world, batch) == 6
    assert figures(mr_offices["1502"], date(2018, 12, 1)) == {
        "users_digital": Decimal(1600),
        "users_manual": Decimal(100),
        "users_followed_up": Decimal(1700),
    }
    assert figures(mr_offices["1504"], date(2018, 12, 1)) == {
        "users_digital": Decimal(2800),
        "users_manual": Decimal(200),
        "users_followed_up": Decimal(3000),
    }
    assert ColumnMapping.objects.get().history.count() == 1  # used as it was, not written


def test_a_changed_mapping_updates_the_memory(world, mr_offices):
    commit(world, remap(world, preview(world, NOVEMBER), {PAPER: "users_manual"}))
    batch = preview(world, DECEMBER, name="desember.csv", period="2018-12")
    batch = remap(world, batch, {PAPER: "", 4: ""})  # the person skips two columns instead
    assert keys(batch)[PAPER] == "" and keys(batch)[4] == ""
    assert batch.preview["reading"]["remembered"]["by"] == world.nav_leader.display_name
    commit(world, batch)
    memory = ColumnMapping.objects.get()
    assert memory.keys == ["unit", "users_digital", "", "users_followed_up", ""]
    assert memory.history.count() == 2
    assert figures(mr_offices["1502"], date(2018, 12, 1)) == {
        "users_digital": Decimal(1600),
        "users_followed_up": Decimal(1700),
    }


def test_the_table_s_own_headers_are_not_remembered(world, mr_offices):
    batch = preview(world, data_file("mr_digital_follow_up.csv").read().decode())
    assert batch.preview["reading"]["certain"] is True
    commit(world, batch)
    assert not ColumnMapping.objects.exists()


def test_another_partnership_s_memory_is_not_used(world, mr_offices):
    mine = preview(world, NOVEMBER, partnership=world.other)
    mine = remap(world, mine, {PAPER: "users_manual"}, world.other_leader)
    commit(world, mine, world.other_leader)
    assert ColumnMapping.objects.get().partnership == world.other

    batch = preview(world, DECEMBER, name="desember.csv", period="2018-12")
    assert batch.preview["reading"]["remembered"] is None
    assert keys(batch)[PAPER] == ""
    assert "Antall manuell oppfølging" in batch.preview["missing"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {PAPER: "users_on_paper"},
            "digital.csv, rad 1, kolonne «Antall på papir»: «users_on_paper» er ikke en kolonne i "
            "tabellen over digital oppfølging per kontor. Velg en av: unit, "
            "users_digital/users_followed_up, users_digital, users_manual/users_followed_up, "
            "users_manual, users_followed_up.",
        ),
        (
            {PAPER: "users_digital"},
            "digital.csv, rad 1, kolonne «Antall på papir»: kolonnene «Antall digitalt» og "
            "«Antall på papir» leses begge som «Antall digital oppfølging»; velg den for bare "
            "én av dem.",
        ),
        (
            {0: ""},
            "digital.csv, rad 1: velg kolonnen som navngir kontorene, kommunene eller fylkene.",
        ),
        ({9: "users_manual"}, "digital.csv: filen har ingen kolonne nummer 10."),
        (
            {"Antall manuelt": "users_manual"},
            "digital.csv: filen har ingen kolonne «Antall manuelt». Kolonnene er: Kontor, Antall "
            "digitalt, Antall på papir, Antall i oppfølging totalt, Andel digitalt.",
        ),
    ],
)
def test_a_wrong_mapping_is_refused_in_norwegian(world, mr_offices, changes, message):
    batch = preview(world, NOVEMBER)
    with pytest.raises(ValidationError) as refused:
        remap(world, batch, changes)
    assert refused.value.messages == [message]
    batch.refresh_from_db()
    assert keys(batch)[PAPER] == ""  # all or nothing: the preview is as it was
    with pytest.raises(ValidationError) as refused:
        preview(world, NOVEMBER + "\n", name="igjen.csv", changes=changes)  # uploaded with it
    assert refused.value.messages == [message.replace("digital.csv", "igjen.csv")]


def test_a_mapping_given_with_the_upload_is_used_at_once(world, mr_offices):
    batch = preview(world, NOVEMBER, changes={"antall på papir": "users_manual"})
    assert keys(batch)[PAPER] == "users_manual"
    assert batch.preview["reading"]["changed"] is True
    assert commit(world, batch) == 6


def test_a_stale_or_committed_preview_is_not_read_again(world, mr_offices):
    batch = preview(world, NOVEMBER)
    with pytest.raises(ConflictError):
        services.import_remap(
            actor=world.nav_leader,
            batch=batch,
            revision=batch.revision + 1,
            changes={PAPER: "users_manual"},
        )
    commit(world, batch)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.COMMITTED
    with pytest.raises(ValidationError) as refused:
        remap(world, batch, {PAPER: "users_manual"})
    assert refused.value.messages == ["Denne importen er allerede lagret eller forkastet."]


def test_a_file_with_one_figure_per_row_has_no_columns_to_change(world):
    unit = world.orland_office.unit_number
    content = f"Indikator;Enhet;Periode;Verdi\nusers_follow_up;{unit};2020-W10;5"
    batch = preview(world, content, name="lang.csv", period="")
    assert batch.upload == b""
    assert services.columns.described(batch)["mapping"] == []
    with pytest.raises(ValidationError) as refused:
        remap(world, batch, {0: "unit"})
    assert refused.value.messages == [
        "Bare en tabell med én rad per enhet kan få kolonnene sine lest på en annen måte."
    ]
