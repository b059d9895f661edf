"""Defects a reviewer found, each with the test that fails without its fix."""

import datetime
import re
import smtplib

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnerskap.agreements import services
from partnerskap.agreements.models import AgreementTemplate, ReminderSent
from partnerskap.agreements.template_format import SHIPPED, parse_template

from .conftest import complete, in_force, signed

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)


def in_a_week():
    return timezone.localdate() + datetime.timedelta(days=7)


# 1. Only people with a role in the partnership can be hearing parties.


def test_service_refuses_a_hearing_party_without_a_role(world, agreement):
    with pytest.raises(ValidationError) as caught:
        services.hearing_start(
            actor=world.nav_leader,
            agreement=agreement,
            parties=[world.municipal_owner, world.outsider],
            deadline=in_a_week(),
            revision=agreement.revision,
        )
    assert str(world.outsider) in str(caught.value)
    agreement.refresh_from_db()
    assert agreement.status == "draft"
    assert not agreement.hearings.exists()


def test_api_refuses_a_hearing_party_without_a_role(
    world, client, agreement, django_capture_on_commit_callbacks
):
    world.outsider.email = "utenfor@example.invalid"
    world.outsider.save()
    login(client, world.nav_leader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/api/v1/agreements/{agreement.pk}/hearing",
            {
                "revision": agreement.revision,
                "party_ids": [world.outsider.pk],
                "deadline": in_a_week().isoformat(),
            },
            content_type="application/json",
        )
    assert response.status_code in (400, 422), response.content
    assert str(world.outsider) in response.content.decode()
    assert mail.outbox == []


# 2. Hearing answers are kept with the version: not rewritten once the agreement is agreed.


def _answered_and_agreed(world, agreement):
    complete(agreement, world.nav_leader)
    services.hearing_start(
        actor=world.nav_leader,
        agreement=agreement,
        parties=[world.municipal_owner],
        deadline=in_a_week(),
        revision=agreement.revision,
    )
    agreement.refresh_from_db()
    comment = services.hearing_comment(
        actor=world.municipal_owner, agreement=agreement, section="3.8", text_="Del likt."
    )
    services.comment_answer(actor=world.nav_leader, comment=comment, answer="accepted")
    services.agreement_agree(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision
    )
    return comment


def test_api_refuses_to_rewrite_an_answer_after_agreed(world, client, agreement):
    comment = _answered_and_agreed(world, agreement)
    login(client, world.nav_leader)
    response = client.post(
        f"/api/v1/agreement-comments/{comment.pk}/answer",
        {"answer": "not", "explanation": "Skrevet om i ettertid."},
        content_type="application/json",
    )
    assert response.status_code in (400, 422), response.content
    comment.refresh_from_db()
    assert (comment.answer, comment.answer_text) == ("accepted", "")
    page = client.get(reverse("agreements:agreement_detail", args=[agreement.pk]))
    assert page.status_code == 200
    answer_url = reverse("agreements:comment_answer", args=[comment.pk])
    assert answer_url not in page.content.decode()


# 3. The period is the one written in the agreement: prefilled, checked, never in the future.


def test_in_force_form_is_prefilled_from_the_period_blanks(world, client, agreement):
    signed(agreement, world)
    login(client, world.nav_leader)
    page = client.get(reverse("agreements:agreement_in_force", args=[agreement.pk]))
    html = page.content.decode()
    assert 'value="2026-01-01"' in html or "01.01.2026" in html
    assert 'value="2030-12-31"' in html or "31.12.2030" in html


def test_in_force_refuses_a_period_other_than_the_signed_one(world, client, agreement):
    signed(agreement, world)
    with pytest.raises(ValidationError, match=re.escape("01.01.2026")):
        services.agreement_put_in_force(
            actor=world.nav_leader,
            agreement=agreement,
            valid_from=datetime.date(2025, 6, 1),
            revision=agreement.revision,
        )
    login(client, world.nav_leader)
    response = client.post(
        f"/api/v1/agreements/{agreement.pk}/in-force",
        {"revision": agreement.revision, "valid_from": "2026-01-01", "valid_to": "2029-12-31"},
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    assert "31.12.2030" in response.content.decode()
    # Without dates, the signed period is used.
    response = client.post(
        f"/api/v1/agreements/{agreement.pk}/in-force",
        {"revision": agreement.revision},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    agreement.refresh_from_db()
    assert (agreement.valid_from, agreement.valid_to) == (
        datetime.date(2026, 1, 1),
        datetime.date(2030, 12, 31),
    )


def test_future_start_is_refused_and_the_old_agreement_stays_in_force(world):
    first = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    in_force(first, world, datetime.date(2024, 1, 1))
    start = timezone.localdate() + datetime.timedelta(days=40)
    second = signed(
        services.agreement_create(actor=world.nav_leader, partnership=world.orland), world, start
    )
    with pytest.raises(ValidationError, match=re.escape(start.strftime("%d.%m.%Y"))):
        services.agreement_put_in_force(
            actor=world.nav_leader, agreement=second, revision=second.revision
        )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "in_force"
    assert second.status == "signed"


# 4. A reminder is recorded only when it was sent, so a failed send is tried again.


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("the mail server is down")


def test_reminder_that_failed_to_send_is_not_recorded_and_is_retried(world, settings):
    world.nav_leader.email = "leder@orland.invalid"
    world.nav_leader.save()
    agreement = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    in_force(agreement, world, datetime.date(2024, 3, 1))
    settings.EMAIL_BACKEND = "tests.agreements.test_review_fixes.FailingBackend"
    call_command("agreement_reminders", "--today", "2026-03-15")
    assert not ReminderSent.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("agreement_reminders", "--today", "2026-03-15")
    assert ReminderSent.objects.exists()
    assert mail.outbox


# 5. The hearing e-mail links to the agreement with an absolute address.


def test_hearing_mail_has_an_absolute_link_from_the_api(
    world, client, agreement, django_capture_on_commit_callbacks
):
    world.municipal_owner.email = "kommunedirektor@orland.invalid"
    world.municipal_owner.save()
    login(client, world.nav_leader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/api/v1/agreements/{agreement.pk}/hearing",
            {
                "revision": agreement.revision,
                "party_ids": [world.municipal_owner.pk],
                "deadline": in_a_week().isoformat(),
            },
            content_type="application/json",
        )
    assert response.status_code == 201, response.content
    (message,) = mail.outbox
    link = "http://testserver" + reverse("agreements:agreement_detail", args=[agreement.pk])
    assert link in message.body


def test_hearing_mail_from_a_service_uses_the_site_url(
    world, agreement, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://partnerskap.example.no/"
    world.municipal_owner.email = "kommunedirektor@orland.invalid"
    world.municipal_owner.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.hearing_start(
            actor=world.nav_leader,
            agreement=agreement,
            parties=[world.municipal_owner],
            deadline=in_a_week(),
            revision=agreement.revision,
        )
    (message,) = mail.outbox
    path = reverse("agreements:agreement_detail", args=[agreement.pk])
    assert f"https://partnerskap.example.no{path}" in message.body


# 6. Template typos are refused, naming the file and the line.


def _line_of(text: str, needle: str) -> int:
    return next(i for i, t in enumerate(text.splitlines(), start=1) if needle in t)


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            "label: Andre lokale mål for samarbeidet, required: false}",
            "label: Andre lokale mål for samarbeidet, requried: false}",
            ["requried", "ukjent"],
        ),
        (
            "label: Andre lokale mål for samarbeidet, required: false}",
            'label: Andre lokale mål for samarbeidet, required: "nei"}',
            ["required", "true eller false", "nei"],
        ),
    ],
)
def test_template_typos_in_blanks_are_refused_with_file_and_line(old, new, words):
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    with pytest.raises(ValidationError) as caught:
        services.template_load(actor=None, data=text, file_name="mal.yaml")
    (message,) = caught.value.messages
    assert f"mal.yaml, linje {_line_of(text, 'lokale_mal')}" in message
    for word in words:
        assert word in message
    assert not AgreementTemplate.objects.exists()


def test_template_typo_in_a_clause_names_the_section():
    text = SHIPPED.read_text(encoding="utf-8").replace("optional: true", "optionl: true", 1)
    with pytest.raises(ValidationError) as caught:
        parse_template(text, "mal.yaml")
    (message,) = caught.value.messages
    assert "optionl" in message and "punkt" in message and "mal.yaml" in message


def test_unquoted_version_is_refused_not_read_as_another_number():
    text = SHIPPED.read_text(encoding="utf-8").replace('version: "3.0"', "version: 3.10")
    with pytest.raises(ValidationError) as caught:
        parse_template(text, "mal.yaml")
    (message,) = caught.value.messages
    assert "anførselstegn" in message and "mal.yaml" in message


# 7. The signature block finds the parties by their prefill source, not by blank ids.


def test_signature_block_with_a_template_using_other_blank_ids(world, agreement):
    from partnerskap.agreements.documents import signature_lines

    text = (
        SHIPPED.read_text(encoding="utf-8")
        .replace('version: "3.0"', 'version: "3.0-andre-id"')
        .replace("{id: kommune,", "{id: vertskommune,")
        .replace("[[kommune]]", "[[vertskommune]]")
        .replace("{id: fylke,", "{id: statlig_eier,")
        .replace("[[fylke]]", "[[statlig_eier]]")
    )
    template = services.template_load(actor=world.admin, data=text, file_name="andre.yaml")
    other = services.agreement_create(
        actor=world.nav_leader, partnership=world.orland, template=template
    )
    municipality, state = signature_lines(other)
    assert municipality.party == other.values["vertskommune"]
    assert state.party == other.values["statlig_eier"]
    assert other.values["vertskommune"] and other.values["statlig_eier"]


# 8. Form pages that can never succeed send the person back to the agreement with the reason.


@pytest.mark.parametrize(
    "name",
    [
        "agreements:agreement_fill",
        "agreements:attachment_add",
        "agreements:hearing_start",
        "agreements:agreement_agree",
        "agreements:agreement_sign",
        "agreements:agreement_in_force",
    ],
)
def test_form_pages_on_an_agreement_in_force_redirect_with_a_message(
    world, client, agreement, name
):
    in_force(agreement, world)
    user = world.municipal_owner if name == "agreements:agreement_sign" else world.nav_leader
    login(client, user)
    response = client.get(reverse(name, args=[agreement.pk]), follow=True)
    assert response.redirect_chain == [
        (reverse("agreements:agreement_detail", args=[agreement.pk]), 302)
    ]
    assert "avtalen har status «Gjeldende»" in response.content.decode()


def test_answer_page_after_agreed_redirects(world, client, agreement):
    comment = _answered_and_agreed(world, agreement)
    login(client, world.nav_leader)
    response = client.get(reverse("agreements:comment_answer", args=[comment.pk]))
    assert response.status_code == 302


# 9. An evaluation interval of 0 would switch the evaluation reminders off: refused.


def test_evaluation_interval_must_be_at_least_one_month(world, client, agreement):
    with pytest.raises(ValidationError, match="1 måned"):
        services.agreement_fill(
            actor=world.nav_leader,
            agreement=agreement,
            revision=agreement.revision,
            evaluation_interval_months=0,
        )
    login(client, world.nav_leader)
    response = client.patch(
        f"/api/v1/agreements/{agreement.pk}",
        {"revision": agreement.revision, "evaluation_interval_months": 0},
        content_type="application/json",
    )
    assert response.status_code in (400, 422), response.content
    assert "1 måned" in str(response.json())
    agreement.refresh_from_db()
    assert agreement.evaluation_interval_months == 12


# 10. One person cannot sign for both parties; expiry is kept in the history.


def test_one_person_holding_both_owner_roles_cannot_sign_for_both(world, agreement):
    from partnerskap.core.models import RoleKind

    from ..factories import give_role

    give_role(world.municipal_owner, RoleKind.STATE_OWNER, partnership=world.orland)
    complete(agreement, world.nav_leader)
    services.agreement_agree(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision
    )
    services.agreement_sign(
        actor=world.municipal_owner, agreement=agreement, side="municipality", signed_as="Ordfører"
    )
    with pytest.raises(ValidationError, match="egen"):
        services.agreement_sign(
            actor=world.municipal_owner, agreement=agreement, side="state", signed_as="Direktør"
        )
    agreement.refresh_from_db()
    assert agreement.status == "agreed"


def test_expiry_is_recorded_in_the_history(world, agreement):
    in_force(agreement, world, datetime.date(2024, 1, 1))
    rows = agreement.history.count()
    assert services.agreements_expire(datetime.date(2031, 1, 2)) == 1
    agreement.refresh_from_db()
    assert agreement.status == "expired"
    assert agreement.history.count() == rows + 1
    assert agreement.history.first().status == "expired"
