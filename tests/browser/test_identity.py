"""Logging in with a work identity in a real browser (issue 17, done 1): the button on the login
page, the trip to a mock OpenID provider and back, "no access yet", an administrator connecting
the login on their page, and the next login going straight in."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from partnerskap.core.models import RoleKind
from partnerskap.identity.models import ExternalIdentity

from ..factories import UserFactory, give_role
from ..identity.conftest import configured
from ..identity.mock_provider import MockProvider
from .conftest import check_a11y, follow, log_in, open_page, submit


@pytest.fixture
def entra(settings) -> Iterator[MockProvider]:
    mock = MockProvider("partnerskap-entra", "entra-hemmelig", auth_methods=["client_secret_post"])
    settings.OIDC_PROVIDERS = {"entra": configured("entra", mock)}
    yield mock
    mock.close()


def _log_in_with_entra(page: Page) -> None:
    page.goto("/logg-inn/")
    check_a11y(page)
    follow(page, "Logg inn med NAV (Entra ID)")


@pytest.mark.django_db(transaction=True)
def test_a_nav_employee_waits_for_an_admin_and_then_goes_straight_in(
    page: Page, browser: Browser, live_server, entra: MockProvider, request
) -> None:
    nora = UserFactory(username="nora", first_name="Nora", last_name="Navansatt")
    admin = UserFactory(username="admin.test", first_name="Ada", last_name="Admin")
    admin.set_password("admin-passord-123")
    admin.save()
    give_role(admin, RoleKind.ADMINISTRATOR)
    entra.login_as(oid="oid-nora", sub="pairwise", name="Nora Navansatt", NAVident="N123456")

    _log_in_with_entra(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Du har ikke tilgang ennå")
    code = ExternalIdentity.objects.get().code
    expect(page.get_by_role("main")).to_contain_text(code)

    with open_page(browser, live_server.url, request) as admin_page:
        log_in(admin_page, "admin.test", "admin-passord-123")
        admin_page.goto("/personer/")
        check_a11y(admin_page)
        follow(admin_page, "Innlogginger som venter på en person")
        expect(admin_page.get_by_role("main")).to_contain_text(code)
        follow(admin_page, "Koble til en person")
        admin_page.get_by_label("Person i Partnerskap").select_option(label="Nora Navansatt")
        submit(admin_page, "Koble")
        expect(admin_page.get_by_role("main")).to_contain_text("Ingen innlogging venter.")

    _log_in_with_entra(page)
    assert re.search(r"/$", page.url), page.url
    expect(page.locator("body")).to_contain_text("Nora Navansatt")
    assert ExternalIdentity.objects.get().person == nora
