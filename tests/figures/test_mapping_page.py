"""The columns of an import on the preview page: a select per file column (with its label), the
warning when the columns are not certain, reading the file again with the person's choice, and
the remembered mapping said in words on the next file's preview. Queries do not grow with rows."""

import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerskap.core.templatetags.norsk import dato
from partnerskap.figures.models import ImportBatch

from .test_mapping import DECEMBER, HEADER, NOVEMBER, PAPER


def upload(client, world, name: str, content: str, period: str):
    url = reverse("figures:import_upload", args=[world.orland.pk])
    response = client.post(
        url,
        {
            "file": _file(name, content),
            "period": period,
            "source": "Datavarehuset",
            "extracted_on": "2018-12-03",
        },
    )
    assert response.status_code == 302, response.content.decode()
    return ImportBatch.objects.get(file_name=name)


def _file(name: str, content: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content.encode())


def page(client, world, batch) -> str:
    url = reverse("figures:import_preview", args=[world.orland.pk, batch.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def selected(html: str, index: int) -> str:
    select = re.search(rf'<select id="kolonne-{index}".*?</select>', html, re.S).group(0)
    chosen = re.search(r'<option value="([^"]*)" selected>', select)
    return chosen.group(1) if chosen else ""


def test_choose_a_column_on_the_page_and_have_it_remembered(world, mr_offices, client):
    world.nav_leader.first_name, world.nav_leader.last_name = "Kari", "Nordmann"
    world.nav_leader.save()
    client.force_login(world.nav_leader)
    batch = upload(client, world, "november.csv", NOVEMBER, "2018-11")
    html = page(client, world, batch)
    assert 'id="uncertain-mapping"' in html
    assert "Ikke alle kolonnenavnene er kjent for oss." in html
    assert (
        '<label for="kolonne-2" class="aksel-label sr-only">Les «Antall på papir» som</label>'
        in (html)
    )
    assert selected(html, 1) == "users_digital"
    assert selected(html, PAPER) == ""
    assert '<option value="users_manual">Antall manuell oppfølging</option>' in html

    form = {f"kolonne-{i}": key for i, key in enumerate(batch.preview["reading"]["keys"])}
    form.update({f"kolonne-{PAPER}": "users_manual", "revision": str(batch.revision)})
    columns = reverse("figures:import_columns", args=[world.orland.pk, batch.pk])
    response = client.post(columns, form, follow=True)
    html = response.content.decode()
    assert "Filen ble lest på nytt med kolonnene slik du valgte." in html
    assert selected(html, PAPER) == "users_manual"
    assert 'id="changed-mapping"' in html
    assert re.search(r"1502 NAV Molde</th>.*?>114<", html, re.S)  # the manual count, read now

    stale = client.post(columns, form, follow=True).content.decode()  # the old revision
    assert "Noen andre har lagret endringer her etter at du åpnet siden." in stale
    batch.refresh_from_db()
    commit = reverse("figures:import_commit", args=[world.orland.pk, batch.pk])
    response = client.post(commit, {"revision": str(batch.revision)}, follow=True)
    assert "6 tall ble importert." in response.content.decode()

    december = upload(client, world, "desember.csv", DECEMBER, "2018-12")
    html = page(client, world, december)
    assert (
        f"Kolonnene ble lest slik Kari Nordmann bekreftet dem {dato(date.today())} for en fil "
        "med de samme kolonnenavnene." in html
    )
    assert 'id="uncertain-mapping"' not in html
    assert selected(html, PAPER) == "users_manual"


def test_a_reader_sees_the_columns_without_choices(world, mr_offices, client):
    client.force_login(world.nav_leader)
    batch = upload(client, world, "november.csv", NOVEMBER, "2018-11")
    client.force_login(world.member)
    html = page(client, world, batch)
    assert '<select id="kolonne-' not in html and "column-form" not in html
    assert re.search(r"Antall på papir</th><td[^>]*>\s*ikke lest", html)
    assert re.search(r"Antall digitalt</th><td[^>]*>\s*Antall digital oppfølging", html)


def test_the_preview_page_costs_the_same_with_2_and_30_rows(world, mr_offices, client):
    client.force_login(world.nav_leader)
    offices = sorted(mr_offices)
    counts = []
    for size in (2, 30):
        lines = [f"{number} NAV Kontor;10;5;15;67" for number in offices[:size]]
        batch = upload(client, world, f"rader-{size}.csv", "\n".join([HEADER, *lines]), "2018-11")
        assert len(batch.preview["rows"]) == size
        with CaptureQueriesContext(connection) as queries:
            page(client, world, batch)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_no_empty_chart_when_the_latest_periods_lack_its_figure(world, client):
    """Found by the browser test of done 2: an office with only digital follow-up figures got a
    line chart of users in follow-up with no point, whose empty layers Vega marks as images
    without a name (axe: svg-img-alt)."""
    client.force_login(world.nav_leader)
    content = "Enhet;Antall digitalt;Antall manuelt;Antall brukere totalt\n5057 NAV Ørland;9;1;10"
    batch = upload(client, world, "digital.csv", content, "2020-11")
    commit = reverse("figures:import_commit", args=[world.orland.pk, batch.pk])
    client.post(commit, {"revision": str(batch.revision)})
    html = client.get(reverse("figures:overview", args=[world.orland.pk])).content.decode()
    assert ImportBatch.objects.get(pk=batch.pk).status == "committed"
    assert 'role="graphics-symbol" aria-roledescription="line mark container"' not in html
    assert "<svg" not in html.split("<main", 1)[1]
