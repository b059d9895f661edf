"""The yearly business plan in a real browser (issue 20, done 2).

Ørland's NAV leader drafts next year's business plan (a section's text and a measure owned by
someone without a login) and sends it for approval; the municipal director approves it for the
municipality and the county director for the state; the plan is then frozen (no editing left,
the service refuses a change); a change afterwards is a new version with its reason, and the
approved version stays readable with both approvals. Every page is checked with axe.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from partnerskap.core.models import User
from partnerskap.plans import services
from partnerskap.plans.models import Plan, PlanStatus
from partnerskap.registry.models import Partnership

from .conftest import follow, log_in, submit, visit

TEXT = "Førti flere ungdommer i arbeid eller utdanning."


def nb(msgid: str) -> str:
    with translation.override("nb"):
        return gettext(msgid)


def _as(page: Page, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username)


def _approve(page: Page, plan: Plan, username: str, approved_as: str) -> None:
    _as(page, username)
    visit(page, reverse("plans:plan_detail", args=[plan.pk]))
    follow(page, nb("Approve the plan"))
    page.locator("#id_approved_as").fill(approved_as)
    submit(page, nb("Approve the plan"))
    expect(page.get_by_role("main")).to_contain_text(approved_as)


@pytest.mark.django_db(transaction=True)
def test_draft_approve_freeze_and_change_the_business_plan(page: Page, demo_data: None) -> None:
    orland = Partnership.objects.get(name="NAV Ørland")
    year = timezone.localdate().year + 1

    # --- the leader drafts next year's plan and sends it ------------------------------------
    log_in(page, "leder.orland")
    visit(page, reverse("plans:plan_list", args=[orland.pk]))
    follow(page, nb("New plan"))
    page.locator("#id_kind").select_option("business")
    page.locator("#id_year").fill(str(year))
    submit(page, nb("Start the plan"))
    plan = Plan.objects.get(partnership=orland, year=year, kind="business")
    heading = plan.sections.first().heading
    with translation.override("nb"):
        edit = gettext("Edit the section %(heading)s") % {"heading": heading}
    follow(page, edit)
    page.locator("#id_text").fill(TEXT)
    submit(page, nb("Save the section"))
    follow(page, nb("Add a measure"))
    page.locator("#id_title").fill("Felles kurs i motiverende intervju")
    page.locator("#id_deadline").fill(f"{year}-03-01")
    page.locator("#id_owner_new_name").fill("Kari Kursholder")
    page.locator("#id_owner_new_organisation").fill("Ørland kommune")
    submit(page, nb("Add the measure"))
    main = page.get_by_role("main")
    expect(main).to_contain_text("Kari Kursholder (Ørland kommune)")
    follow(page, nb("Send for approval"))
    submit(page, nb("Send for approval"))
    expect(page.get_by_test_id("plan-status")).to_have_text(nb("Awaiting the owners' approval"))

    # --- both owners approve, each as their party -------------------------------------------
    _approve(page, plan, "kommunedirektor.orland", "Kommunedirektør")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AWAITING
    _approve(page, plan, "fylkesdirektor.trondelag", "Fylkesdirektør")
    expect(page.get_by_test_id("plan-status")).to_have_text(nb("Approved by both owners"))

    # --- frozen: nothing to edit, and the service refuses a change ----------------------------
    _as(page, "leder.orland")
    visit(page, reverse("plans:plan_detail", args=[plan.pk]))
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name=edit)).to_have_count(0)
    expect(main.get_by_role("link", name=nb("Add a section"))).to_have_count(0)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    with pytest.raises(ValidationError):
        services.section_add(
            actor=User.objects.get(username="leder.orland"),
            plan=plan,
            heading="Etter godkjenning",
            revision=plan.revision,
        )

    # --- a change is a new version with a reason; the approved one stays -----------------------
    follow(page, nb("Change the plan (new version)"))
    page.locator("#id_reason").fill("Statens tildelingsbrev gir nye krav til ungdom")
    submit(page, nb("Start a new version"))
    expect(page.get_by_test_id("plan-status")).to_have_text(nb("Draft"))
    expect(main).to_contain_text("Statens tildelingsbrev gir nye krav til ungdom")
    with translation.override("nb"):
        first = gettext("Version %(number)s") % {"number": 1}
    follow(page, first)
    main = page.get_by_role("main")
    expect(main).to_contain_text(TEXT)
    expect(main).to_contain_text("Kommunedirektør")
    expect(main).to_contain_text("Fylkesdirektør")
    plan.refresh_from_db()
    assert (plan.status, plan.number) == (PlanStatus.DRAFT, 2)
    assert plan.versions.get(number=1).approved_at is not None
