"""Defects a reviewer found, each with the test that fails without its fix."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerskap.agreements import services
from partnerskap.agreements.models import HearingComment

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
