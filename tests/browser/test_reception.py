"""Reception's main job in a real browser (C7), on the demo's NAV Indre Fosen.

The NAV leader registers visits on the counter page (by hand and with one tap), imports a month
of visits from a file after checking its preview, runs the analysis for the seed's period,
builds the scenario "close Leksvik for walk-ins, Rissa open 12–14" and attaches its PDF to an
item of the next partnership meeting. Every page is checked with axe on the way.
"""

from datetime import date, datetime, timedelta
from unittest import mock

from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from partnerskap.meetings.models import AgendaItem, Attachment
from partnerskap.reception.models import Location, Scenario, Visit, VisitSource
from partnerskap.registry.models import Office

from .conftest import check_a11y, follow, log_in, submit, visit

SCENARIO = "Leksvik stengt for drop-in, Rissa åpent 12–14"


def _clock(moment: datetime):
    """Freeze the counter's clock (timezone.localtime() without arguments) at a moment."""
    real = timezone.localtime

    def localtime(value=None, timezone=None):
        return moment if value is None else real(value, timezone)

    return mock.patch("partnerskap.reception.views.visits.timezone.localtime", localtime)


def nb(msgid: str) -> str:
    with translation.override("nb"):
        return gettext(msgid)


def march_visits() -> bytes:
    """A month of Rissa's visits: Mondays and Tuesdays 11–14, Thursdays 12–14, March 2020."""
    rows = ["dato;sted;ankomst;minutter"]
    day = date(2020, 3, 2)
    while day.month == 3:
        opens = {0: 11, 1: 11, 3: 12}.get(day.weekday())
        if opens is not None:
            for n in range(6):
                rows.append(f"{day:%d.%m.%Y};Rissa;{opens}:{10 * n:02d};{4 + n % 3}")
        day += timedelta(days=1)
    return ("\n".join(rows) + "\n").encode()


def test_count_import_analyse_and_attach_a_scenario(
    page: Page, demo_data: None, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    office = Office.objects.get(unit_number="5054")
    rissa = Location.objects.get(office=office, name="Rissa")
    before = Visit.objects.filter(location=rissa).count()

    # --- from the office page to the counter in Rissa ---------------------------------------
    log_in(page, "leder.indrefosen")
    visit(page, f"/kontor/{office.pk}/")
    follow(page, nb("Reception and walk-in hours"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("NAV Indre Fosen")
    follow(page, nb("Counter in %(place)s") % {"place": "Rissa"})

    # A visit registered afterwards, on a day and time Rissa is open.
    page.locator("#id_day").fill("2020-03-31")
    page.locator("#id_arrival").fill("11:20")
    page.locator("#id_minutes").fill("7")
    submit(page, nb("Register the visit"))
    expect(page.get_by_role("main")).to_contain_text("7 minutter, kom kl. 11:20 den 31.03.2020")

    # One tap for a visit that just ended; the clock stands at 16:00 on a Tuesday, outside
    # Rissa's walk-in hours (11–14), so it asks first and keeps the visit only when confirmed.
    with _clock(timezone.make_aware(datetime(2020, 3, 31, 16, 0))):
        with page.expect_navigation():
            page.get_by_role("main").get_by_role("button", name="5 minutter", exact=True).click()
        check_a11y(page)
        expect(page.get_by_role("main")).to_contain_text(
            "Rissa er ikke åpent for oppmøte kl. 15:55"
        )
        assert Visit.objects.filter(location=rissa).count() == before + 1
        submit(page, nb("Keep the visit anyway"))
    expect(page.get_by_role("status").first).to_contain_text("Besøk registrert: 5 minutter")
    assert Visit.objects.get(location=rissa, day=date(2020, 3, 31), arrival="15:55").outside_hours
    assert Visit.objects.filter(location=rissa).count() == before + 2

    # --- a month of visits from a file, checked before it is imported -----------------------
    visit(page, f"/kontor/{office.pk}/mottak/import/")
    page.locator("#id_file").set_input_files(
        files=[{"name": "rissa-mars.csv", "mimeType": "text/csv", "buffer": march_visits()}]
    )
    submit(page, nb("Check the file"))
    expect(page.get_by_role("main")).to_contain_text("Ingenting er lagret ennå")
    assert Visit.objects.filter(source=VisitSource.IMPORT).count() == 0
    submit(page, nb("Import the visits"))
    imported = Visit.objects.filter(location=rissa, source=VisitSource.IMPORT).count()
    assert imported == 6 * 14  # 14 open days in March 2020
    expect(page.get_by_role("main")).to_contain_text(f"{imported} besøk fra «rissa-mars.csv»")

    # --- the analysis of the seed's period ---------------------------------------------------
    follow(page, nb("Analyse the visits"))
    page.locator("#id_first_day").fill("2020-01-09")
    page.locator("#id_last_day").fill("2020-02-17")
    submit(page, nb("Show"))
    main = page.get_by_role("main")
    expect(main).to_contain_text("Besøk per åpen dag: 12,8")
    expect(main).to_contain_text("Arbeidstimer uten besøkende («dødtid»): 75")
    expect(main).to_contain_text("Andel av arbeidstimene uten besøkende: 83 %")
    expect(main).to_contain_text("Reisetimer: 30 Fra: Åpne dager 5")
    expect(main.locator("figure svg").first).to_be_visible()

    # --- the scenario: Leksvik closed for walk-ins, Rissa open 12–14 -------------------------
    visit(page, f"/kontor/{office.pk}/mottak/")
    follow(page, nb("New scenario"))
    page.locator("#id_name").fill(SCENARIO)
    page.locator("#id_first_day").fill("2020-01-09")
    page.locator("#id_last_day").fill("2020-02-17")
    page.locator("#id_open_weeks").fill("30")
    submit(page, nb("Create the scenario"))
    page.locator("#id_location").select_option(label="Leksvik")
    page.locator("#id_kind").select_option(value="close")
    page.locator("#id_percent_to_other_location").fill("50")
    page.locator("#id_other_location").select_option(label="Rissa")
    page.locator("#id_percent_to_appointments").fill("25")
    submit(page, nb("Add the change"))
    follow(page, nb("Add a change"))
    page.locator("#id_location").select_option(label="Rissa")
    page.locator("#id_kind").select_option(value="keep_hours")
    page.locator("#id_from_time").fill("12:00")
    page.locator("#id_to_time").fill("14:00")
    submit(page, nb("Add the change"))
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_have_text(SCENARIO)
    # Leksvik: 180 travel hours and 180 − 6 staff hours; Rissa: 2 hours a week × 30 × 2 staff.
    expect(page.locator("#plan-travel")).to_have_text("180")
    expect(page.locator("#plan-staff")).to_have_text("294")
    expect(page.locator("#plan-total")).to_have_text("474")
    expect(main).to_contain_text("Reisetimer spart per år: 180 Fra: Åpne dager i året 30")

    # --- its PDF on the agenda of the next partnership meeting -------------------------------
    scenario = Scenario.objects.get(name=SCENARIO)
    item = AgendaItem.objects.get(title="Lokaler, åpningstid og ventesone")
    follow(page, nb("Attach to a meeting"))
    page.locator("#id_item").select_option(value=str(item.pk))
    submit(page, nb("Attach the PDF"))
    attachment = Attachment.objects.get(item=item, title=scenario.name)
    assert attachment.content_type == "application/pdf"
    assert attachment.file.read().startswith(b"%PDF")
    expect(page.get_by_role("main")).to_contain_text(scenario.name)
    check_a11y(page)


def test_the_other_reception_pages_pass_axe(page: Page, demo_data: None) -> None:
    office = Office.objects.get(unit_number="5054")
    rissa = Location.objects.get(office=office, name="Rissa")
    log_in(page, "leder.indrefosen")
    visit(page, f"/mottak/steder/{rissa.pk}/")
    follow(page, nb("Edit walk-in hours"))
    page.locator("#id_closes_0_1").fill("10:00")
    submit(page, nb("Save the hours"))
    expect(page.locator("#id_closes_0_1")).to_have_attribute("aria-invalid", "true")
    visit(page, f"/mottak/steder/{rissa.pk}/tellinger/ny/")
    submit(page, nb("Save the totals"))
    visit(page, f"/kontor/{office.pk}/mottak/steder/ny/")
    visit(page, f"/mottak/steder/{rissa.pk}/rediger/")
    visit(page, f"/mottak/scenarioer/{Scenario.objects.get(office=office).pk}/")
