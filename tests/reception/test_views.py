"""Reception pages: the seed's figures on the page, the counter, imports, scenarios, the PDF."""

import re
from datetime import date, datetime, time
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerskap.demo import reception as seed
from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import Attachment, Body, BodyKind
from partnerskap.reception import services
from partnerskap.reception.models import ChangeKind, Location, Scenario, Visit

from ..documents.tools import pdf_metadata, pdf_text
from ..meetings.conftest import at


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _analysis_url(world, **params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("reception:analysis", args=[world.orland_office.pk]) + (
        f"?{query}" if query else ""
    )


def test_analysis_page_shows_rissa_and_leksvik_with_their_inputs(client, world, reception):
    client.force_login(world.member)
    response = client.get(_analysis_url(world))
    assert response.status_code == 200
    text = _text(response)
    assert "Periode: 09.01.2020 til 17.02.2020" in text
    # Rissa: 12,8 visits a day, 90 staff hours of which 75 idle (83 %).
    assert "Besøk per åpen dag: 12,8" in text
    assert "Arbeidstimer på vakt: 90 Fra: Åpningstimer 45; Ansatte på vakt 2" in text
    assert "Arbeidstimer uten besøkende («dødtid»): 75" in text
    assert "Andel av arbeidstimene uten besøkende: 83 %" in text
    # Leksvik: 26 idle, 30 travel hours, each traced to its inputs.
    assert "Arbeidstimer uten besøkende («dødtid»): 26 Fra: Arbeidstimer på vakt 30; " in text
    assert (
        "Reisetimer: 30 Fra: Åpne dager 5; Ansatte som reiser dit 2; "
        "Reisetimer per person per åpen dag 3" in text
    )
    # The quietest hours first: what a shorter opening would cost in visits.
    assert "Timene med færrest besøk i Rissa" in text
    quiet = "Time Besøk i perioden Besøk per åpen dag Mandag 13:00–14:00 19 3,2 "
    assert quiet + "Tirsdag 13:00–14:00 16 3,2" in text
    # The hour-of-day chart with its table.
    assert "Besøk i Rissa etter klokkeslett for ankomst" in text
    assert "<svg" in response.content.decode()


def test_analysis_page_for_a_chosen_period_and_location(client, world, reception):
    client.force_login(world.member)
    response = client.get(
        _analysis_url(world, first_day="2020-01-13", last_day="2020-01-16", sted=reception.rissa.pk)
    )
    text = _text(response)
    assert "Leksvik" not in text.split("Periode")[1]
    assert "Åpne dager: 3" in text  # Monday, Tuesday, Thursday


def test_analysis_period_that_ends_before_it_starts(client, world, reception):
    client.force_login(world.member)
    response = client.get(_analysis_url(world, first_day="2020-02-01", last_day="2020-01-01"))
    assert response.status_code == 400
    assert "Siste dag kan ikke være før første dag." in _text(response)


def _scenario(world) -> Scenario:
    return services.scenario_create(
        actor=world.nav_leader,
        office=world.orland_office,
        name="Steng Leksvik, Rissa 12–14",
        first_day=seed.FIRST_DAY,
        last_day=seed.LAST_DAY,
        open_weeks=30,
    )


def test_scenario_built_on_the_pages_shows_180_hours_for_one_hour_less(client, world, reception):
    client.force_login(world.nav_leader)
    response = client.post(
        reverse("reception:scenario_create", args=[world.orland_office.pk]),
        {
            "name": "En time mindre i Rissa",
            "first_day": "2020-01-09",
            "last_day": "2020-02-17",
            "open_weeks": "30",
        },
    )
    scenario = Scenario.objects.get(name="En time mindre i Rissa")
    assert response.status_code == 302
    response = client.post(
        reverse("reception:change_add", args=[scenario.pk]),
        {
            "location": reception.rissa.pk,
            "kind": ChangeKind.CUT_HOURS,
            "from_time": "13:00",
            "to_time": "14:00",
            "percent_to_other_location": "0",
            "percent_to_appointments": "0",
        },
    )
    assert response.status_code == 302
    text = _text(client.get(reverse("reception:scenario_detail", args=[scenario.pk])))
    assert "Arbeidstimer spart per år: 180 Fra: Stengte timer" in text


def test_close_leksvik_and_rissa_twelve_to_two_side_by_side(client, world, reception):
    scenario = _scenario(world)
    services.change_add(
        actor=world.nav_leader, scenario=scenario, location=reception.rissa,
        kind=ChangeKind.KEEP_HOURS, from_time=time(12), to_time=time(14),
    )  # fmt: skip
    services.change_add(
        actor=world.nav_leader,
        scenario=scenario,
        location=reception.leksvik,
        kind=ChangeKind.CLOSE,
        percent_to_other_location=100,
        other_location=reception.rissa,
    )
    client.force_login(world.member)
    response = client.get(reverse("reception:scenario_detail", args=[scenario.pk]))
    text = _text(response)
    # Leksvik: 30 days × 3 h × 2 staff = 180 on duty, 180 travel; Rissa: 2 h a week × 30 × 2.
    # Leksvik's year of 30 open days, each figure with its inputs (docs/decisions/0018).
    assert (
        "Reisetimer spart per år: 180 Fra: Åpne dager i året 30; Ansatte som reiser dit 2; "
        "Reisetimer per person per åpen dag 3" in text
    )
    assert re.search(r"Arbeidstimer spart Timer|Arbeidstimer spart 300", text)
    assert "Timer spart i alt 480" in text
    assert "Arbeidstimer uten besøkende («dødtid») 156 0 −156" in text or (
        "Arbeidstimer uten besøkende («dødtid») 156 0 -156" in text
    )


def test_a_change_the_schedule_cannot_take_is_refused_on_the_form(client, world, reception):
    scenario = _scenario(world)
    client.force_login(world.nav_leader)
    response = client.post(
        reverse("reception:change_add", args=[scenario.pk]),
        {
            "location": reception.rissa.pk,
            "kind": ChangeKind.CUT_HOURS,
            "from_time": "08:00",
            "to_time": "09:00",
            "percent_to_other_location": "0",
            "percent_to_appointments": "0",
        },
    )
    assert response.status_code == 400
    assert "Timene som skal stenges, må ligge innenfor stedets åpningstid" in _text(response)


def test_counter_tap_and_a_visit_outside_hours_kept_only_when_confirmed(client, world, locations):
    client.force_login(world.nav_leader)
    url = reverse("reception:visit_add", args=[locations.rissa.pk])
    wednesday = {"day": "2020-01-15", "arrival": "12:00", "minutes": "10"}
    response = client.post(url, wednesday)
    assert response.status_code == 400
    assert "Rissa er ikke åpent for oppmøte kl. 12:00 den 15.01.2020" in _text(response)
    assert not Visit.objects.exists()
    response = client.post(url, wednesday | {"keep_outside_hours": "on"})
    assert response.status_code == 302
    assert Visit.objects.get().outside_hours
    response = client.post(url, {"day": "2020-01-13", "arrival": "11:10", "minutes": "-4"})
    assert response.status_code == 400
    assert "Minutter kan ikke være negativt." in _text(response)
    response = client.post(url, {"day": "2020-02-30", "arrival": "11:10", "minutes": "4"})
    assert response.status_code == 400
    assert "Dato: Oppgi en gyldig dato." in _text(response) or "gyldig dato" in _text(response)
    assert Visit.objects.count() == 1


def _clock(moment: datetime):
    """Freeze the counter's clock (timezone.localtime() without arguments) at a moment."""
    real = timezone.localtime

    def localtime(value=None, timezone=None):
        return moment if value is None else real(value, timezone)

    return mock.patch("partnerskap.reception.views.visits.timezone.localtime", localtime)


def test_a_tap_inside_walk_in_hours_is_kept_at_once(client, world, locations):
    client.force_login(world.nav_leader)
    url = reverse("reception:counter", args=[locations.rissa.pk])
    monday_noon = timezone.make_aware(datetime(2020, 1, 13, 12, 30))  # Rissa: Monday 11–14
    with _clock(monday_noon):
        response = client.post(url, {"minutes": 5})
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert (visit.day, visit.arrival, visit.outside_hours) == (
        date(2020, 1, 13),
        time(12, 25),
        False,
    )


def test_a_tap_outside_walk_in_hours_asks_first_then_keeps_it_apart(client, world, locations):
    client.force_login(world.nav_leader)
    url = reverse("reception:counter", args=[locations.rissa.pk])
    monday_evening = timezone.make_aware(datetime(2020, 1, 13, 16, 0))
    with _clock(monday_evening):
        response = client.post(url, {"minutes": 5})
        assert response.status_code == 400
        assert "Behold besøket likevel" in _text(response)
        assert not Visit.objects.exists()
        response = client.post(url, {"minutes": 5, "keep_outside_hours": "on"})
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert (visit.arrival, visit.outside_hours) == (time(15, 55), True)


def test_counter_is_refused_to_a_reader_and_hidden_from_outsiders(client, world, locations):
    url = reverse("reception:counter", args=[locations.rissa.pk])
    client.force_login(world.member)
    assert client.get(url).status_code == 403
    client.force_login(world.other_leader)
    assert client.get(url).status_code == 404


def _upload(client, world, text: str, name: str = "januar.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("reception:import_upload", args=[world.orland_office.pk]),
        {"file": SimpleUploadedFile(name, text.encode())},
    )


def test_import_page_lists_every_bad_row_and_saves_nothing(client, world, locations):
    client.force_login(world.nav_leader)
    response = _upload(
        client,
        world,
        "dato;sted;ankomst;minutter\n2020-01-13;Rissa;11:05;6\n2020-02-30;Vanvikan;25:00;-2\n",
    )
    assert response.status_code == 400
    text = _text(response)
    assert "Rad 3, kolonne «dato»: «2020-02-30» er ikke en dato som finnes." in text
    assert "Rad 3, kolonne «ankomst»: «25:00» er ikke et klokkeslett." in text
    assert "Rad 3, kolonne «minutter»: -2 minutter: minutter kan ikke være negativt." in text
    assert "Rad 3, kolonne «sted»: Det er ikke satt opp noe sted som heter «Vanvikan»" in text
    assert not Visit.objects.exists()


def test_import_preview_then_confirm(client, world, locations):
    client.force_login(world.nav_leader)
    response = _upload(
        client,
        world,
        "dato;sted;ankomst;minutter\n2020-01-13;Rissa;11:05;6\n2020-01-15;Rissa;12:00;4\n",
    )
    assert response.status_code == 302
    preview = client.get(response["Location"])
    text = _text(preview)
    assert "2 besøk fra 13.01.2020 til 15.01.2020. Ingenting er lagret ennå." in text
    assert "Rad 3: Rissa, 15.01.2020 kl. 12:00" in text
    assert not Visit.objects.exists()
    refused = client.post(response["Location"], {})
    assert refused.status_code == 400 and not Visit.objects.exists()
    done = client.post(response["Location"], {"keep_outside_hours": "on"})
    assert done.status_code == 302
    assert Visit.objects.count() == 2


def test_location_pages_and_hours(client, world, locations):
    client.force_login(world.nav_leader)
    response = client.post(
        reverse("reception:location_create", args=[world.orland_office.pk]),
        {
            "name": "Vanvikan",
            "kind": "town_hall_room",
            "staff_on_duty": "1",
            "travelling_staff": "1",
            "travel_hours": "1.5",
        },
    )
    assert response.status_code == 302
    hours_url = response["Location"]
    # the page holds the location's revision in a hidden field
    revision = str(Location.objects.get(name="Vanvikan").revision)
    response = client.post(
        hours_url, {"revision": revision, "opens_2_1": "10:00", "closes_2_1": "09:00"}
    )
    assert response.status_code == 400
    assert "Stengetiden må være etter åpningstiden." in _text(response)
    response = client.post(
        hours_url,
        {
            "revision": revision,
            "opens_2_1": "10:00",
            "closes_2_1": "12:00",
            "opens_2_2": "13:00",
            "closes_2_2": "15:00",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Onsdag 10:00–12:00, Onsdag 13:00–15:00" in _text(page)


def test_location_edit_with_a_stale_revision_is_a_conflict(client, world, locations):
    client.force_login(world.nav_leader)
    url = reverse("reception:location_edit", args=[locations.rissa.pk])
    data = {
        "name": "Rissa",
        "kind": "main_office",
        "staff_on_duty": "3",
        "travelling_staff": "0",
        "travel_hours": "0",
        "revision": str(locations.rissa.revision - 1),
    }
    response = client.post(url, data)
    assert response.status_code == 409
    data["revision"] = str(locations.rissa.revision)
    assert client.post(url, data).status_code == 302


def test_scenario_pdf_attached_to_a_meeting_item(client, world, reception, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    scenario = _scenario(world)
    services.change_add(
        actor=world.nav_leader, scenario=scenario, location=reception.leksvik, kind=ChangeKind.CLOSE
    )
    body = meeting_services.body_create(
        actor=world.nav_leader,
        name="Partnerskapsmøtet",
        kind=BodyKind.PARTNERSHIP_MEETING,
        slug="orland-pm",
        partnership=world.orland,
    )
    day = date(date.today().year + 1, 3, 3)
    meeting = meeting_services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
    )
    item = meeting_services.item_add(
        actor=world.nav_leader, meeting=meeting, title="Åpningstid", kind="decision"
    )
    client.force_login(world.nav_leader)
    pdf = client.get(reverse("reception:scenario_pdf", args=[scenario.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content, tmp_path)
    assert "Reisetimer spart per år: 180" in text
    assert "Arbeidstimer uten besøkende («dødtid»): 26" in text
    assert "pdfaid:part" in pdf_metadata(pdf.content, tmp_path)
    response = client.post(
        reverse("reception:scenario_attach", args=[scenario.pk]),
        {"item": item.pk, "title": "Mottaket i Leksvik"},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(item=item)
    assert attachment.title == "Mottaket i Leksvik"
    assert attachment.content_type == "application/pdf"
    assert "Reisetimer spart per år: 180" in pdf_text(attachment.file.read(), tmp_path)


def test_attach_offers_only_items_the_person_runs(client, world, reception):
    scenario = _scenario(world)
    assert not Body.objects.exists()  # no meetings yet: nothing to attach to (the refusals of
    # other partnerships', other bodies' and closed agendas' items: test_attach_targets.py)
    client.force_login(world.nav_leader)
    response = client.get(reverse("reception:scenario_attach", args=[scenario.pk]))
    assert "Det finnes ikke noe møte med åpen saksliste" in _text(response)


@pytest.mark.parametrize("language", ["nn", "en"])
def test_pages_render_in_every_language(client, world, reception, language):
    client.force_login(world.member)
    client.cookies["django_language"] = language
    assert client.get(_analysis_url(world)).status_code == 200


def test_office_page_links_to_reception(client, world):
    client.force_login(world.member)
    response = client.get(reverse("registry:office_detail", args=[world.orland_office.pk]))
    assert reverse("reception:office_reception", args=[world.orland_office.pk]) in (
        response.content.decode()
    )


def test_wrong_method_anonymous_and_outsider(client, world, locations):
    visit_add = reverse("reception:visit_add", args=[locations.rissa.pk])
    analysis = reverse("reception:analysis", args=[world.orland_office.pk])
    assert client.get(analysis)["Location"].startswith("/logg-inn/?next=")
    client.force_login(world.nav_leader)
    assert client.get(visit_add).status_code == 405
    assert client.post(analysis).status_code == 405
    client.force_login(world.outsider)
    assert client.get(analysis).status_code == 404
    assert (
        client.post(
            visit_add, {"day": "2020-01-13", "arrival": "11:00", "minutes": "5"}
        ).status_code
        == 404
    )
    assert not Visit.objects.exists()


def test_partnership_page_leads_to_its_office_reception(client, world):
    client.force_login(world.member)
    page = client.get(reverse("registry:partnership_detail", args=[world.orland.pk]))
    link = reverse("reception:partnership_reception", args=[world.orland.pk])
    assert link in page.content.decode()
    assert client.get(link)["Location"] == reverse(
        "reception:office_reception", args=[world.orland_office.pk]
    )
    client.force_login(world.other_leader)
    assert client.get(link).status_code == 404


def test_the_analysis_puts_the_locations_side_by_side_first(client, world, reception):
    """Issue 14: a summary table of the locations before each location's figures and inputs."""
    client.force_login(world.member)
    response = client.get(_analysis_url(world))
    html = response.content.decode()
    assert html.index("Stedene side om side") < html.index('id="location-')
    table = html[html.index('id="side-by-side"') :].split("</table>")[0]
    text = " ".join(re.sub(r"<[^>]+>", " ", table).split())
    assert "Tall Leksvik Rissa" in text  # a column per location, in the order of the sections
    # Leksvik's idle share (26 of 30 hours) beside Rissa's (75 of 90), Rissa's 12,8 visits a day
    assert "Andel av arbeidstimene uten besøkende 87 % 83 %" in text
    assert re.search(r"Besøk per åpen dag \S+ 12,8 ", text)
    assert "Reisetimer 30 0" in text
    chosen = client.get(_analysis_url(world, sted=reception.rissa.pk))
    assert 'id="side-by-side"' not in chosen.content.decode()  # one location: nothing to compare
