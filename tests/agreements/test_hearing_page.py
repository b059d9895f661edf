"""During a hearing the agreement page does not offer to send it for hearing again (issue 14)."""

import datetime

from django.urls import reverse

from partnerskap.agreements import services

from .conftest import complete


def test_send_for_hearing_is_not_offered_during_the_hearing(client, world, agreement):
    agreement = complete(agreement, world.nav_leader)
    client.force_login(world.nav_leader)
    start = f'href="{reverse("agreements:hearing_start", args=[agreement.pk])}"'
    page = reverse("agreements:agreement_detail", args=[agreement.pk])
    assert start in client.get(page).content.decode()
    services.hearing_start(
        actor=world.nav_leader,
        agreement=agreement,
        parties=[world.municipal_owner, world.member],
        deadline=datetime.date.today() + datetime.timedelta(days=21),
        revision=agreement.revision,
        notify=False,
    )
    html = client.get(page).content.decode()
    assert start not in html
    assert reverse("agreements:hearing_comment", args=[agreement.pk]) in html
