"""The partnership agreement's main job in a real browser, from template to signatures.

The NAV leader of NAV Ørland creates an agreement from the template and watches the list of
what is missing shrink as blanks are filled in; marking it agreed is refused while anything is
missing. The leader sends the draft for hearing; the municipality (its chief executive) comments
on section 3.8; the leader answers, changes the text, attaches the delegation decision and the
operating agreement, and marks the agreement as agreed; the versions are compared; both owners
sign. Every page is checked with axe on the way.
"""

import io
import re
from datetime import timedelta

import docx
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from partnerskap.agreements.models import Agreement, AgreementStatus, HearingComment
from partnerskap.registry.models import Partnership

from .conftest import follow, log_in, submit, visit

COMMENT = "Kommunen vil at fordelingen av driftsutgiftene skal regnes ut på nytt hvert år."


def nb(msgid: str) -> str:
    with translation.override("nb"):
        return gettext(msgid)


def missing_count(page: Page) -> int:
    """What the agreement page says is missing; 0 when it says everything is in place (it never
    says "0 things are missing", issue 14)."""
    shown = page.locator("[data-testid=missing-count], [data-testid=missing-none]").first
    text = shown.inner_text()
    if shown.get_attribute("data-testid") == "missing-none":
        assert text == nb("Everything is in place")
        return 0
    return int(re.search(r"\d+", text).group())


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def attach(page: Page, kind: str, title: str) -> None:
    follow(page, nb("Attach a document"))
    page.locator("#id_kind").select_option(value=kind)
    page.locator("#id_title").fill(title)
    page.locator("#id_file").set_input_files(
        files=[
            {
                "name": f"{kind}.docx",
                "mimeType": "application/octet-stream",
                "buffer": docx_bytes(title),
            }
        ]
    )
    submit(page, nb("Attach"))


@pytest.mark.django_db(transaction=True)
def test_agreement_from_template_to_signatures(page: Page, demo_data: None) -> None:
    orland = Partnership.objects.get(name="NAV Ørland")

    # --- the NAV leader creates an agreement from the template ---------------------------
    log_in(page, "leder.orland")
    visit(page, reverse("registry:partnership_detail", args=[orland.pk]))
    follow(page, nb("Partnership agreement"))
    follow(page, nb("New agreement"))
    page.locator("#id_title").fill("Ny partnerskapsavtale for NAV Ørland")
    submit(page, nb("Create"))
    agreement = Agreement.objects.get(title="Ny partnerskapsavtale for NAV Ørland")
    assert reverse("agreements:agreement_detail", args=[agreement.pk]) in page.url
    start = missing_count(page)
    assert start > 10

    # --- the list of what is missing shrinks as blanks are filled -------------------------
    follow(page, nb("Fill in"))
    page.locator("#id_blank_verdier").fill("raus, modig og tett på")
    page.locator("#id_blank_moter_per_ar").fill("2")
    submit(page, nb("Save"))
    after_two = missing_count(page)
    assert after_two == start - 2
    follow(page, str(page.get_by_test_id("missing-count").inner_text()))
    expect(page.get_by_role("main")).not_to_contain_text("Kommunens verdier")
    expect(page.get_by_role("main")).to_contain_text("Årstall for resultatmålene")
    visit(page, reverse("agreements:agreement_detail", args=[agreement.pk]))

    # --- agreed is refused while something is missing ---------------------------------
    follow(page, nb("Mark as agreed"))
    submit(page, nb("The owners agree"))
    expect(page.get_by_role("main")).to_contain_text("kan ikke markeres som enige")
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.DRAFT

    # --- fill in everything else and answer every question -----------------------------
    visit(page, reverse("agreements:agreement_fill", args=[agreement.pk]))
    numbers = {"id_blank_resultatar": "2027"}
    dates = {"id_blank_gyldig_fra": "01.01.2027", "id_blank_gyldig_til": "31.12.2030"}
    for field in page.locator("input[id^=id_blank_]").all():
        field_id = field.get_attribute("id")
        if not field.input_value():
            field.fill(numbers.get(field_id) or dates.get(field_id) or "Avklart lokalt")
    for field in page.locator("textarea[id^=id_question_]").all():
        field.fill("Ja, drøftet i partnerskapsmøtet.")
    submit(page, nb("Save"))
    attach(page, "delegation", "Delegasjonsvedtak for NAV Ørland")
    attach(page, "operating", "Driftsavtale for NAV Ørland")
    assert missing_count(page) == 0

    # --- hearing: the municipality comments on section 3.8 ---------------------------
    follow(page, nb("Send for hearing"))
    page.get_by_label("Per Aune").check()
    deadline = timezone.localdate() + timedelta(days=14)
    page.locator("#id_deadline").fill(deadline.isoformat())
    submit(page, nb("Send for hearing"))
    expect(page.get_by_test_id("status")).to_have_text(nb("In hearing"))

    page.context.clear_cookies()
    log_in(page, "kommunedirektor.orland")
    visit(page, reverse("agreements:agreement_detail", args=[agreement.pk]))
    follow(page, nb("Comment on the draft"))
    page.locator("#id_section").select_option(value="3.8")
    page.locator("#id_text").fill(COMMENT)
    submit(page, nb("Send comment"))
    expect(page.get_by_role("main")).to_contain_text(COMMENT)

    # --- the leader answers, changes the text and marks it agreed --------------------
    page.context.clear_cookies()
    log_in(page, "leder.orland")
    visit(page, reverse("agreements:agreement_detail", args=[agreement.pk]))
    follow(page, f"{nb('Answer the comment on %(section)s') % {'section': '3.8'}}")
    page.locator("#id_answer").select_option(value="partly")
    page.locator("#id_explanation").fill("Tas inn i driftsavtalen for hvert år.")
    submit(page, nb("Save answer"))
    expect(page.get_by_role("main")).to_contain_text(nb("Partly accepted"))
    comment = HearingComment.objects.get(hearing__agreement=agreement)
    assert comment.answer == "partly" and comment.hearing.version.number == 1

    follow(page, nb("Fill in"))
    page.locator("#id_blank_moter_per_ar").fill("4")
    submit(page, nb("Save"))
    follow(page, nb("Mark as agreed"))
    submit(page, nb("The owners agree"))
    expect(page.get_by_test_id("status")).to_have_text(nb("Agreed"))

    # --- compare the hearing version with the agreed one --------------------------------
    follow(page, nb("Compare versions"))
    changed = page.get_by_role("main").locator("tr", has_text="3.1")
    expect(changed.locator("del")).to_have_text("2")
    expect(changed.locator("ins")).to_have_text("4")

    # --- both owners sign ------------------------------------------------------------
    for username, signed_as in [
        ("kommunedirektor.orland", "Kommunedirektør"),
        ("fylkesdirektor.trondelag", "Fylkesdirektør"),
    ]:
        page.context.clear_cookies()
        log_in(page, username)
        visit(page, reverse("agreements:agreement_detail", args=[agreement.pk]))
        follow(page, nb("Sign"))
        page.locator("#id_signed_as").fill(signed_as)
        page.locator("#id_confirm").check()
        submit(page, nb("Sign"))
        expect(page.get_by_role("region", name=nb("Signatures"))).to_contain_text(signed_as)

    expect(page.get_by_test_id("status")).to_have_text(nb("Signed"))
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    assert agreement.signatures.count() == 2
