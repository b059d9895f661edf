"""The registry's pages: the convention's matrix (success, invalid input, wrong method, anonymous,
outsider, read-only role) and the bad input of the foundation issue, point 8."""

from datetime import date, time

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from partnerskap.core.models import RoleKind
from partnerskap.registry.models import (
    County,
    Municipality,
    Office,
    OpeningHours,
    Owner,
    Partnership,
    Role,
    ServiceArea,
)

from ..factories import MunicipalityFactory, OfficeFactory


@pytest.fixture
def area(world) -> ServiceArea:
    return ServiceArea.objects.create(
        county=world.county, name="Fosen", valid_from=date(2018, 1, 1)
    )


def urls(world, area: ServiceArea) -> dict[str, str]:
    p, o = world.orland.pk, world.orland_office.pk
    c, m, a = world.county.pk, world.orland_municipality.pk, area.pk
    return {
        "partnership_list": "/partnerskap/",
        "partnership_create": "/partnerskap/ny/",
        "partnership_detail": f"/partnerskap/{p}/",
        "partnership_edit": f"/partnerskap/{p}/rediger/",
        "partnership_role_add": f"/partnerskap/{p}/roller/ny/",
        "office_list": "/kontor/",
        "office_create": "/kontor/ny/",
        "office_detail": f"/kontor/{o}/",
        "office_edit": f"/kontor/{o}/rediger/",
        "office_opening_hours": f"/kontor/{o}/apningstider/",
        "county_list": "/fylker/",
        "county_create": "/fylker/ny/",
        "county_detail": f"/fylker/{c}/",
        "county_edit": f"/fylker/{c}/rediger/",
        "service_area_list": "/tjenesteomrader/",
        "service_area_create": "/tjenesteomrader/ny/",
        "service_area_detail": f"/tjenesteomrader/{a}/",
        "service_area_edit": f"/tjenesteomrader/{a}/rediger/",
        "municipality_list": "/kommuner/",
        "municipality_create": "/kommuner/ny/",
        "municipality_detail": f"/kommuner/{m}/",
        "municipality_edit": f"/kommuner/{m}/rediger/",
    }


READ_ONLY_PAGES = [
    "partnership_list",
    "partnership_detail",
    "office_list",
    "office_detail",
    "county_list",
    "county_detail",
    "service_area_list",
    "service_area_detail",
    "municipality_list",
    "municipality_detail",
]
FORM_PAGES = [
    "partnership_create",
    "partnership_edit",
    "partnership_role_add",
    "office_create",
    "office_edit",
    "office_opening_hours",
    "county_create",
    "county_edit",
    "service_area_create",
    "service_area_edit",
    "municipality_create",
    "municipality_edit",
]
ORLAND_PAGES = [
    "partnership_detail",
    "partnership_edit",
    "partnership_role_add",
    "office_detail",
    "office_edit",
    "office_opening_hours",
]
ORLAND_EDIT_PAGES = [
    "partnership_edit",
    "partnership_role_add",
    "office_edit",
    "office_opening_hours",
]
REFERENCE_EDIT_PAGES = [
    "office_create",
    "county_create",
    "county_edit",
    "service_area_create",
    "service_area_edit",
    "municipality_create",
    "municipality_edit",
]


def nb(message: str, **params: object) -> str:
    """The message as a bokmål reader sees it, checked to be translated."""
    with translation.override("nb"):
        translated = gettext(message)
    assert translated != message, f"not translated to bokmål: {message!r}"
    return translated % params if params else translated


def field_errors(response, field: str) -> list[str]:
    return [str(e) for e in response.context["form"].errors.get(field, [])]


# --- the matrix -----------------------------------------------------------------------------
# Each test walks its pages in a loop (one world, not one per page) and reports every miss.


def check_all(client, cases: list[tuple[str, str, int]]) -> None:
    """Request each (method, url, expected status) and report all that answer otherwise."""
    misses = []
    for method, url, expected in cases:
        got = getattr(client, method)(url).status_code
        if got != expected:
            misses.append(f"{method.upper()} {url}: expected {expected}, got {got}")
    assert not misses, "\n".join(misses)


def test_anonymous_is_sent_to_the_login(world, area, client):
    misses = []
    for url in urls(world, area).values():
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code != 302 or response["Location"] != f"/logg-inn/?next={url}":
                misses.append(f"{method} {url}: {response.status_code}")
    assert not misses


def test_wrong_methods_get_405(world, area, client):
    client.force_login(world.admin)
    pages = urls(world, area)
    check_all(
        client,
        [
            *(
                (method, pages[page], 405)
                for page in READ_ONLY_PAGES
                for method in ("post", "put", "delete")
            ),
            *(
                (method, pages[page], 405)
                for page in FORM_PAGES
                for method in ("put", "patch", "delete")
            ),
        ],
    )


@pytest.mark.parametrize("persona", ["outsider", "other_leader"])
def test_outsiders_get_404_for_orland(world, area, client, persona):
    client.force_login(getattr(world, persona))
    pages = urls(world, area)
    check_all(
        client,
        [
            *(("get", pages[page], 404) for page in ORLAND_PAGES),
            *(("post", pages[page], 404) for page in ORLAND_EDIT_PAGES),
        ],
    )


@pytest.mark.parametrize("persona", ["member", "minute_taker"])
def test_read_only_roles_get_403_on_edit(world, area, client, persona):
    client.force_login(getattr(world, persona))
    pages = urls(world, area)
    edits = [*ORLAND_EDIT_PAGES, *REFERENCE_EDIT_PAGES, "partnership_create"]
    check_all(client, [(method, pages[page], 403) for page in edits for method in ("get", "post")])
    world.orland.refresh_from_db()
    assert world.orland.name == "NAV Ørland"


@pytest.mark.parametrize("persona", ["nav_leader", "municipal_owner", "county_director"])
def test_reference_data_is_changed_by_administrators_only(world, area, client, persona):
    client.force_login(getattr(world, persona))
    pages = urls(world, area)
    check_all(client, [("get", pages[page], 403) for page in REFERENCE_EDIT_PAGES])
    client.force_login(world.admin)
    check_all(client, [("get", pages[page], 200) for page in REFERENCE_EDIT_PAGES])


@pytest.mark.parametrize("persona", ["outsider", "member", "nav_leader"])
def test_reference_data_is_read_by_every_signed_in_person(world, area, client, persona):
    client.force_login(getattr(world, persona))
    pages = urls(world, area)
    reference = [
        "county_list",
        "county_detail",
        "service_area_list",
        "service_area_detail",
        "municipality_list",
        "municipality_detail",
        "partnership_list",
        "office_list",
    ]
    check_all(client, [("get", pages[page], 200) for page in reference])


def test_unknown_ids_give_404(world, client):
    client.force_login(world.admin)
    prefixes = ["partnerskap", "kontor", "fylker", "tjenesteomrader", "kommuner"]
    check_all(
        client,
        [
            ("get", f"/{prefix}/999999/{suffix}", 404)
            for prefix in prefixes
            for suffix in ("", "rediger/")
        ],
    )


@pytest.mark.parametrize("persona", ["nav_leader", "member", "county_director"])
def test_readers_see_orland(world, area, client, persona):
    client.force_login(getattr(world, persona))
    for page in ("partnership_detail", "office_detail"):
        response = client.get(urls(world, area)[page])
        assert response.status_code == 200
        assert "NAV Ørland" in response.content.decode()


@pytest.mark.parametrize("persona", ["admin", "nav_leader", "municipal_owner", "county_director"])
def test_editors_get_the_forms(world, area, client, persona):
    client.force_login(getattr(world, persona))
    pages = urls(world, area)
    check_all(client, [("get", pages[page], 200) for page in ORLAND_EDIT_PAGES])


# --- partnerships ---------------------------------------------------------------------------


def partnership_form(world, office: Office, **changes: object) -> dict:
    data = {
        "name": "NAV Indre Fosen",
        "office": office.pk,
        "model": "single",
        "leader_employer": "municipal",
        "description": "",
        "valid_from": "2024-01-01",
        "valid_to": "",
        "state_county": world.county.pk,
        "municipalities": [world.orland_municipality.pk],
        "host_municipality": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize("persona", ["admin", "county_director"])
def test_create_partnership_saves_it_with_owners_and_redirects(world, client, persona):
    office = OfficeFactory(county=world.county, unit_number="5054", name="NAV Indre Fosen")
    client.force_login(getattr(world, persona))
    response = client.post("/partnerskap/ny/", partnership_form(world, office))
    created = Partnership.objects.get(name="NAV Indre Fosen")
    assert response.status_code == 302
    assert response["Location"] == f"/partnerskap/{created.pk}/"
    assert {(o.kind, o.county_id, o.municipality_id) for o in created.owners.all()} == {
        ("state", world.county.pk, None),
        ("municipality", None, world.orland_municipality.pk),
    }
    assert client.get(response["Location"]).status_code == 200


def test_partnership_without_state_owner_is_refused_on_the_field(world, client):
    office = OfficeFactory(county=world.county)
    client.force_login(world.admin)
    response = client.post("/partnerskap/ny/", partnership_form(world, office, state_county=""))
    assert response.status_code == 400
    message = nb("A partnership must have the state as owner: choose the NAV county.")
    assert field_errors(response, "state_county") == [message]
    assert 'id="state_county-error"' in response.content.decode()
    assert escape(message) in response.content.decode()
    assert not Partnership.objects.filter(name="NAV Indre Fosen").exists()


def test_editing_away_the_state_owner_is_refused_and_changes_nothing(world, client):
    client.force_login(world.nav_leader)
    data = partnership_form(world, world.orland_office, name="NAV Ørland og Bjugn", state_county="")
    response = client.post(f"/partnerskap/{world.orland.pk}/rediger/", data)
    assert response.status_code == 400
    assert field_errors(response, "state_county")
    world.orland.refresh_from_db()
    assert world.orland.name == "NAV Ørland"
    assert Owner.objects.filter(partnership=world.orland, kind="state").exists()


def test_edit_partnership_saves_and_redirects(world, client):
    client.force_login(world.nav_leader)
    data = partnership_form(world, world.orland_office, name="NAV Ørland og Bjugn")
    response = client.post(f"/partnerskap/{world.orland.pk}/rediger/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/partnerskap/{world.orland.pk}/"
    world.orland.refresh_from_db()
    assert world.orland.name == "NAV Ørland og Bjugn"
    assert world.orland.history.first().history_user == world.nav_leader


def test_partnership_form_requires_its_fields(world, client):
    client.force_login(world.admin)
    response = client.post("/partnerskap/ny/", {})
    assert response.status_code == 400
    assert {"name", "office", "valid_from"} <= set(response.context["form"].errors)
    assert Partnership.objects.count() == 2


def test_the_form_offers_only_the_editors_own_offices(world, client):
    """Offering every office would let one partnership take over another's office."""
    client.force_login(world.other_leader)
    url = f"/partnerskap/{world.other.pk}/rediger/"
    assert "NAV Ørland" not in client.get(url).content.decode()
    data = partnership_form(
        world,
        world.orland_office,
        name="NAV Ålesund",
        state_county=world.other_office.county_id,
        municipalities=[world.other.owners.get(kind="municipality").municipality_id],
    )
    response = client.post(url, data)
    assert response.status_code == 400
    assert field_errors(response, "office")
    assert world.other.office_id == Partnership.objects.get(pk=world.other.pk).office_id


def test_a_county_director_creates_only_for_their_own_county(world, client):
    office = OfficeFactory(county=world.county)
    client.force_login(world.county_director)
    data = partnership_form(world, office, state_county=world.other_office.county_id)
    response = client.post("/partnerskap/ny/", data)
    assert response.status_code == 400
    assert field_errors(response, "state_county") == [
        nb("You can only create partnerships that your own NAV county owns.")
    ]
    assert not Partnership.objects.filter(name="NAV Indre Fosen").exists()


def test_add_role_saves_and_redirects(world, client):
    client.force_login(world.nav_leader)
    data = {"person": world.outsider.pk, "kind": RoleKind.MEMBER, "valid_from": "2024-01-01"}
    response = client.post(f"/partnerskap/{world.orland.pk}/roller/ny/", data)
    assert response.status_code == 302
    assert Role.objects.filter(person=world.outsider, partnership=world.orland).exists()
    # The person now reads Ørland's pages.
    client.force_login(world.outsider)
    assert client.get(f"/partnerskap/{world.orland.pk}/").status_code == 200


def test_a_second_nav_leader_in_the_same_period_is_refused(world, client):
    client.force_login(world.nav_leader)
    data = {"person": world.member.pk, "kind": RoleKind.NAV_LEADER, "valid_from": "2024-01-01"}
    response = client.post(f"/partnerskap/{world.orland.pk}/roller/ny/", data)
    assert response.status_code == 400
    assert field_errors(response, "valid_from")
    assert not Role.objects.filter(person=world.member, kind=RoleKind.NAV_LEADER).exists()


# --- offices and opening hours --------------------------------------------------------------


def office_form(world, **changes: object) -> dict:
    data = {
        "unit_number": "5055",
        "name": "NAV Heim",
        "county": world.county.pk,
        "service_area": "",
        "visiting_address": "",
        "postal_address": "",
        "phone": "",
        "valid_from": "2024-01-01",
        "valid_to": "",
        "replaced_by": "",
    }
    data.update(changes)
    return data


def test_create_office_saves_and_redirects(world, client):
    client.force_login(world.admin)
    response = client.post("/kontor/ny/", office_form(world))
    office = Office.objects.get(unit_number="5055")
    assert response.status_code == 302
    assert response["Location"] == f"/kontor/{office.pk}/"


def test_office_unit_number_in_use_in_an_overlapping_period_is_refused(world, client):
    client.force_login(world.admin)
    response = client.post("/kontor/ny/", office_form(world, unit_number="5057"))
    assert response.status_code == 400
    message = (
        "Unit number %(number)s is already in use in an overlapping period. "
        "End the earlier office's validity first."
    )
    assert field_errors(response, "valid_from") == [nb(message, number="5057")]
    assert Office.objects.filter(unit_number="5057").count() == 1


def test_office_unit_number_is_free_once_the_old_office_has_ended(world, client):
    Office.objects.filter(pk=world.orland_office.pk).update(valid_to=date(2023, 12, 31))
    client.force_login(world.admin)
    response = client.post("/kontor/ny/", office_form(world, unit_number="5057"))
    assert response.status_code == 302
    assert Office.objects.filter(unit_number="5057").count() == 2


def test_editing_an_office_into_anothers_unit_number_is_refused(world, client):
    other = OfficeFactory(county=world.county, unit_number="5058", valid_from=date(2018, 1, 1))
    client.force_login(world.admin)
    response = client.post(f"/kontor/{other.pk}/rediger/", office_form(world, unit_number="5057"))
    assert response.status_code == 400
    assert field_errors(response, "valid_from")
    other.refresh_from_db()
    assert other.unit_number == "5058"


def test_invalid_unit_number_is_refused_on_the_field(world, client):
    client.force_login(world.admin)
    response = client.post("/kontor/ny/", office_form(world, unit_number="55"))
    assert response.status_code == 400
    assert field_errors(response, "unit_number") == [
        nb("The unit number must be four digits, for example 1504.")
    ]
    assert not Office.objects.filter(name="NAV Heim").exists()


def test_edit_office_saves_and_redirects(world, client):
    client.force_login(world.nav_leader)
    data = office_form(
        world, unit_number="5057", name="NAV Ørland", phone="55 55 33 33", valid_from="2018-01-01"
    )
    response = client.post(f"/kontor/{world.orland_office.pk}/rediger/", data)
    assert response.status_code == 302
    world.orland_office.refresh_from_db()
    assert world.orland_office.phone == "55 55 33 33"


def hours_form(**days: tuple[str, str]) -> dict:
    data = {}
    for day in range(7):
        opens, closes = days.get(f"d{day}", ("", ""))
        data |= {f"opens_{day}": opens, f"closes_{day}": closes, f"note_{day}": ""}
    return data


def test_opening_hours_save_and_redirect(world, client):
    client.force_login(world.nav_leader)
    url = f"/kontor/{world.orland_office.pk}/apningstider/"
    response = client.post(url, hours_form(d0=("10:00", "15:00"), d2=("09:00", "14:00")))
    assert response.status_code == 302
    assert response["Location"] == f"/kontor/{world.orland_office.pk}/"
    hours = {
        (h.weekday, h.opens, h.closes)
        for h in OpeningHours.objects.filter(office=world.orland_office)
    }
    assert hours == {(0, time(10), time(15)), (2, time(9), time(14))}


def test_opening_hours_closing_before_opening_is_refused_on_the_day(world, client):
    client.force_login(world.nav_leader)
    url = f"/kontor/{world.orland_office.pk}/apningstider/"
    response = client.post(url, hours_form(d0=("10:00", "15:00"), d1=("15:00", "09:00")))
    assert response.status_code == 400
    assert field_errors(response, "closes_1") == [nb("Closing time must be after opening time.")]
    assert not OpeningHours.objects.filter(office=world.orland_office, weekday=1).exists()
    assert OpeningHours.objects.get(office=world.orland_office, weekday=0).opens == time(9)


def test_opening_hours_change_shows_who_changed_what_and_when(world, client):
    client.force_login(world.nav_leader)
    office = world.orland_office
    client.post(f"/kontor/{office.pk}/apningstider/", hours_form(d0=("10:00", "15:00")))
    client.force_login(world.member)  # a reader sees the change log too
    page = client.get(f"/kontor/{office.pk}/").content.decode()
    log = page[page.index('id="history-heading"') :]
    row = log[: log.index("</tr>", log.index("09:00 → 10:00"))]
    row = row[row.rindex('<tr class="aksel-table__row">') :]
    assert world.nav_leader.display_name in row
    assert timezone.localdate().strftime("%d.%m.%Y") in row
    assert "09:00 → 10:00" in row


# --- reference data -------------------------------------------------------------------------


def municipality_form(world, **changes: object) -> dict:
    data = {
        "number": "5058",
        "name": "Indre Fosen",
        "county": world.county.pk,
        "population": "10000",
        "valid_from": "2024-01-01",
        "valid_to": "",
        "replaced_by": "",
    }
    data.update(changes)
    return data


def test_create_municipality_saves_and_redirects(world, client):
    client.force_login(world.admin)
    response = client.post("/kommuner/ny/", municipality_form(world))
    created = Municipality.objects.get(number="5058")
    assert response.status_code == 302
    assert response["Location"] == f"/kommuner/{created.pk}/"
    assert created.population == 10000


@pytest.mark.parametrize("number", ["57", "5O57", "50571", ""])
def test_invalid_municipality_number_is_refused_on_the_field(world, client, number):
    client.force_login(world.admin)
    response = client.post("/kommuner/ny/", municipality_form(world, number=number))
    assert response.status_code == 400
    assert field_errors(response, "number")  # too long and missing have Django's own messages
    if len(number) in (2, 4):
        message = nb("The municipality number must be four digits, for example 5057.")
        assert message in field_errors(response, "number")
        assert escape(message) in response.content.decode()
    assert not Municipality.objects.filter(name="Indre Fosen").exists()


def test_municipality_number_in_use_in_an_overlapping_period_is_refused(world, client):
    client.force_login(world.admin)
    response = client.post("/kommuner/ny/", municipality_form(world, number="5057"))
    assert response.status_code == 400
    message = (
        "Municipality number %(number)s is already in use in an overlapping period. "
        "End the earlier municipality's validity first."
    )
    assert field_errors(response, "valid_from") == [nb(message, number="5057")]
    assert 'id="valid_from-error"' in response.content.decode()
    assert Municipality.objects.filter(number="5057").count() == 1


def test_editing_a_municipality_into_an_overlap_is_refused(world, client):
    other = MunicipalityFactory(county=world.county, number="5058", valid_from=date(2018, 1, 1))
    client.force_login(world.admin)
    data = municipality_form(world, number="5057", valid_from="2018-01-01")
    response = client.post(f"/kommuner/{other.pk}/rediger/", data)
    assert response.status_code == 400
    assert field_errors(response, "valid_from")
    other.refresh_from_db()
    assert other.number == "5058"


def test_validity_must_not_end_before_it_starts(world, client):
    client.force_login(world.admin)
    data = municipality_form(world, valid_from="2024-01-01", valid_to="2023-01-01")
    response = client.post("/kommuner/ny/", data)
    assert response.status_code == 400
    assert not Municipality.objects.filter(name="Indre Fosen").exists()


def test_edit_municipality_saves_and_redirects(world, client):
    client.force_login(world.admin)
    data = municipality_form(world, number="5057", name="Ørland", valid_from="2018-01-01")
    response = client.post(f"/kommuner/{world.orland_municipality.pk}/rediger/", data)
    assert response.status_code == 302
    world.orland_municipality.refresh_from_db()
    assert world.orland_municipality.population == 10000


def test_county_create_and_edit(world, client):
    client.force_login(world.admin)
    data = {"number": "34", "name": "NAV Innlandet", "valid_from": "2020-01-01", "valid_to": ""}
    response = client.post("/fylker/ny/", data)
    county = County.objects.get(number="34")
    assert response["Location"] == f"/fylker/{county.pk}/"
    response = client.post(f"/fylker/{county.pk}/rediger/", data | {"name": "NAV Innlandet fylke"})
    assert response.status_code == 302
    county.refresh_from_db()
    assert county.name == "NAV Innlandet fylke"


def test_county_number_in_use_in_an_overlapping_period_is_refused(world, client):
    client.force_login(world.admin)
    data = {"number": "50", "name": "NAV Trøndelag 2", "valid_from": "2020-01-01", "valid_to": ""}
    response = client.post("/fylker/ny/", data)
    assert response.status_code == 400
    assert field_errors(response, "valid_from")
    assert County.objects.filter(number="50").count() == 1


def test_service_area_create_and_edit(world, area, client):
    client.force_login(world.admin)
    data = {
        "county": world.county.pk,
        "name": "Trondheimsfjorden",
        "valid_from": "2020-01-01",
        "valid_to": "",
    }
    response = client.post("/tjenesteomrader/ny/", data)
    created = ServiceArea.objects.get(name="Trondheimsfjorden")
    assert response["Location"] == f"/tjenesteomrader/{created.pk}/"
    url = f"/tjenesteomrader/{area.pk}/rediger/"
    response = client.post(url, data | {"name": "Fosen og Ørland"})
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.name == "Fosen og Ørland"


def test_service_area_without_county_is_refused(world, client):
    client.force_login(world.admin)
    data = {"name": "Uten fylke", "valid_from": "2020-01-01"}
    response = client.post("/tjenesteomrader/ny/", data)
    assert response.status_code == 400
    assert field_errors(response, "county")
    assert not ServiceArea.objects.filter(name="Uten fylke").exists()


@pytest.mark.parametrize("persona", ["nav_leader", "municipal_owner"])
def test_the_form_refuses_a_new_state_owner_from_the_municipal_side(world, client, persona):
    client.force_login(getattr(world, persona))
    data = partnership_form(
        world, world.orland_office, name="NAV Ørland", state_county=world.other_office.county_id
    )
    response = client.post(f"/partnerskap/{world.orland.pk}/rediger/", data)
    assert response.status_code == 400
    assert field_errors(response, "state_county") == [
        nb(
            "Only the state owner of the partnership's current NAV county, or an "
            "administrator, can change its state owner."
        )
    ]
    assert world.orland.owners.get(kind="state").county_id == world.county.pk


def test_an_administrator_changes_the_state_owner_on_the_form(world, client):
    client.force_login(world.admin)
    data = partnership_form(
        world, world.orland_office, name="NAV Ørland", state_county=world.other_office.county_id
    )
    response = client.post(f"/partnerskap/{world.orland.pk}/rediger/", data)
    assert response.status_code == 302
    state = world.orland.owners.get(kind="state")
    assert state.county_id == world.other_office.county_id
    assert state.history.first().history_user == world.admin
