"""Defects a reviewer found, each with the test that fails without its fix."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from partnerskap.agreements import services

from .conftest import complete

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
            {"party_ids": [world.outsider.pk], "deadline": in_a_week().isoformat()},
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
    )
    agreement.refresh_from_db()
    comment = services.hearing_comment(
        actor=world.municipal_owner, agreement=agreement, section="3.8", text_="Del likt."
    )
    services.comment_answer(actor=world.nav_leader, comment=comment, answer="accepted")
    services.agreement_agree(actor=world.nav_leader, agreement=agreement, revision=None)
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
