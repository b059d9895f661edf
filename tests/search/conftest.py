"""Fixtures for search: Ørland's partnership meeting with items worth finding, and the index."""

from datetime import date

import pytest

from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import AgendaItem, BodyKind, ItemKind
from partnerskap.search import services

from ..meetings.conftest import at, body, meeting  # noqa: F401 - fixtures

SECRET_DECISION = "Nedbemanningen ved Brekstad-kontoret utsettes til høsten"


def _hold(held, actor) -> None:
    meeting_services.meeting_send_notice(actor=actor, meeting=held)
    held.items.filter(kind=ItemKind.DECISION, decision_text="").update(
        decision_text="Vedtatt som foreslått."
    )
    meeting_services.meeting_mark_held(actor=actor, meeting=held)


@pytest.fixture
def forum(world):
    """A county forum with published minutes: one public decision item and one exempt item."""
    director = world.county_director
    forum = meeting_services.body_create(
        actor=director,
        name="Samarbeidsforum i Trøndelag",
        kind=BodyKind.COOPERATION_FORUM,
        slug="trondelag-samarbeidsforum",
        county=world.county,
        standard_items=[meeting_services.StandardItem("Felles tiltak", ItemKind.DECISION, 30)],
    )
    day = date(2024, 10, 4)
    published = meeting_services.meeting_schedule(
        actor=director, body=forum, starts_at=at(day, 10), ends_at=at(day, 12)
    )
    public_item = published.items.get(kind=ItemKind.DECISION)
    AgendaItem.objects.filter(pk=public_item.pk).update(
        title="Felles plan for partnerskapsmøtene",
        background="Kommunene i fylket ønsker en felles årsplan for partnerskapsmøtene.",
        decision_text="Forumet vedtar årshjulet for mottakstidene.",
    )
    exempt = meeting_services.item_add(
        actor=director,
        meeting=published,
        title="Personalsak ved kontoret",
        kind=ItemKind.DECISION,
        exempt=True,
        legal_ground="Offentleglova § 25",
        public_title="Personalsak",
    )
    AgendaItem.objects.filter(pk=exempt.pk).update(decision_text=SECRET_DECISION)
    _hold(published, director)
    meeting_services.minutes_approve(actor=director, meeting=published)  # and published
    return forum


@pytest.fixture
def indexed(world, forum, body, meeting):  # noqa: F811
    """Ørland's body with next year's meeting, the county forum, and the index built."""
    item = meeting.items.get(kind=ItemKind.DECISION)
    AgendaItem.objects.filter(pk=item.pk).update(
        title="Budsjett for tjenesteområdene",
        background="Budsjettene for NAV-kontorene i kommunane skal drøftes i partnerskapsmøtet.",
    )
    services.index_rebuild()
    return meeting
