"""What partnership agreements put on a person's front page (agreements/needs.py)."""

import datetime

from partnerskap.agreements import services
from partnerskap.core.needs import needs_for

from .conftest import complete, in_force

TODAY = datetime.date(2026, 12, 7)


def _kinds(user, today=TODAY):
    return [n.kind for n in needs_for(user, today)]


def test_a_hearing_waits_for_each_party_until_they_comment(world, agreement):
    agreement = complete(agreement, world.nav_leader)
    deadline = datetime.date.today() + datetime.timedelta(days=21)
    services.hearing_start(
        actor=world.nav_leader,
        agreement=agreement,
        parties=[world.municipal_owner, world.member],
        deadline=deadline,
        revision=agreement.revision,
        notify=False,
    )
    today = datetime.date.today()
    hearing = [n for n in needs_for(world.member, today) if n.kind == "hearing"]
    assert [(n.due, n.url) for n in hearing] == [
        (deadline, f"/avtaler/{agreement.pk}/horing/innspill/")
    ]
    assert "hearing" not in _kinds(world.nav_leader, today)  # not a party
    services.hearing_comment(actor=world.member, agreement=agreement, section="1.0", text_="Bra.")
    assert "hearing" not in _kinds(world.member, today)
    assert "hearing" in _kinds(world.municipal_owner, today)
    assert "hearing" not in _kinds(world.member, deadline + datetime.timedelta(days=1))


def test_an_agreed_agreement_waits_for_each_owner_signature(world, agreement):
    agreement = complete(agreement, world.nav_leader)
    services.agreement_agree(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision
    )
    assert "signature" in _kinds(world.municipal_owner)
    assert "signature" in _kinds(world.county_director)  # state owner for the whole county
    assert "signature" not in _kinds(world.nav_leader)
    assert "signature" not in _kinds(world.admin)
    services.agreement_sign(
        actor=world.municipal_owner, agreement=agreement, side="municipality", signed_as="Ordfører"
    )
    assert "signature" not in _kinds(world.municipal_owner)
    assert "signature" in _kinds(world.county_director)


def test_owners_see_the_evaluation_and_the_end_of_the_agreement_coming(world, agreement):
    in_force(agreement, world)
    evaluation = [n for n in needs_for(world.nav_leader, TODAY) if n.kind == "agreement_evaluation"]
    assert [n.due for n in evaluation] == [datetime.date(2027, 1, 1)]
    assert "agreement_evaluation" not in _kinds(world.nav_leader, datetime.date(2026, 6, 1))
    assert "agreement_expires" not in _kinds(world.nav_leader)
    autumn = datetime.date(2030, 10, 1)
    expires = [n for n in needs_for(world.county_director, autumn) if n.kind == "agreement_expires"]
    assert [(n.due, n.for_partnership) for n in expires] == [(datetime.date(2030, 12, 31), True)]
    assert "agreement_expires" not in _kinds(world.member, autumn)
    assert "agreement_expires" not in _kinds(world.other_leader, autumn)
