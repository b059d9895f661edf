"""The demo's goals and results for the current year, through the goals app's services.

* NAV Indre Fosen (seed office-status-presentation-indre-fosen): more users in work-oriented
  follow-up, measured by the key figure the demo imports (581 in week 10 and 1 130 in week 18 of
  2020); baseline 581, target 1 200 for the year, so the goal is on the way (89 %). A second goal
  on a measure the office counts by hand.
* NAV Ørland: two goals on measures entered by hand, one from each owner's signals, and the
  owners' steering signals side by side, where the municipality's savings pull against the
  state's call for more people in activity (the Ørland minutes: the leader reconciles signals
  from both owners).
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.figures.models import Indicator
from partnerskap.goals import services
from partnerskap.goals.models import Direction, Goal, Owner, Source
from partnerskap.registry.models import Partnership


def _goal(leader: User, partnership: Partnership, year: int, title: str, source: str, **first):
    """A goal with one indicator, its target for the year and its values; None if it exists."""
    if Goal.objects.filter(partnership=partnership, year=year, title=title).exists():
        return None  # loaded before: the demo runs again
    goal = services.goal_create(
        actor=leader, partnership=partnership, year=year, title=title, source=source
    )
    first = {"direction": Direction.UP, "baseline_period": str(year - 1), **first}
    target = first.pop("target")
    values = first.pop("values", [])
    first["baseline"] = Decimal(first["baseline"])
    indicator = services.indicator_add(actor=leader, goal=goal, **first)
    services.target_set(
        actor=leader, indicator=indicator, period_text=str(year), value=Decimal(target)
    )
    for period, value in values:
        services.measurement_add(
            actor=leader, indicator=indicator, period_text=period, value=Decimal(value)
        )
    return goal


def _goals(year: int) -> dict[tuple[str, str], list[tuple[str, str, dict]]]:
    """(office unit, leader) → the goals: (title, source, the first indicator with its target)."""
    return {
        ("5054", "leder.indrefosen"): [
            (
                "Flere brukere i arbeidsrettet oppfølging",
                Source.STATE,
                {
                    "series": Indicator.objects.get(code="users_follow_up"),
                    "baseline": 581,
                    "baseline_period": "2020-W10",
                    "target": 1200,
                },
            ),
            (
                "Flere deltakere i IPS sammen med Fosen-kontorene",
                Source.PARTNERSHIP,
                {"name": "Deltakere i IPS", "unit": "personer", "baseline": 0, "target": 12,
                 "values": [(f"{year}-T1", 3)]},
            ),
        ],
        ("5057", "leder.orland"): [
            (
                "Flere unge under 30 i arbeid eller utdanning",
                Source.STATE,
                {"name": "Unge under 30 som har gått over til arbeid eller utdanning",
                 "unit": "personer", "baseline": 40, "target": 60,
                 "values": [(f"{year}-T1", 47), (f"{year}-T2", 53)]},
            ),
            (
                "Kortere tid til første samtale om sosialhjelp",
                Source.MUNICIPALITY,
                {"name": "Dager fra søknad til første samtale", "unit": "dager",
                 "direction": Direction.DOWN, "baseline": 21, "target": 10,
                 "values": [(f"{year}-T1", 19)]},
            ),
        ],
    }  # fmt: skip


def _signals(leader: User, partnership: Partnership, year: int) -> None:
    if partnership.steering_signals.filter(year=year).exists():
        return
    letter = f"Mål- og disponeringsbrev {year}"
    signals = [
        (Owner.STATE, "Flere i arbeid, særlig unge", letter,
         "Arbeidsrettet oppfølging og tiltak for unge under 30 prioriteres."),
        (Owner.STATE, "Flere digitale tjenester", letter, ""),
        (Owner.MUNICIPALITY, "Lavere utgifter til økonomisk sosialhjelp",
         f"Kommunens handlingsprogram {year}",
         "Kommunen må spare, og sosialhjelpsbudsjettet skal ned."),
    ]  # fmt: skip
    made = []
    for owner, title, document, text in signals:
        against = made[0] if owner == Owner.MUNICIPALITY else None
        note = "Aktivitet for unge koster kommunen penger før sosialhjelpen går ned"
        made.append(
            services.signal_create(
                actor=leader,
                partnership=partnership,
                year=year,
                owner=owner,
                title=title,
                text=text,
                document=document,
                pulls_against=against,
                conflict_note=note if against else "",
            )
        )


@transaction.atomic
def load(users: dict[str, User]) -> None:
    """Idempotent: safe to run again on a loaded database."""
    year = timezone.localdate().year
    for (unit, username), goals in _goals(year).items():
        partnership = Partnership.objects.filter(office__unit_number=unit).first()
        leader = users.get(username)
        if partnership is None or leader is None:
            continue
        for title, source, first in goals:
            _goal(leader, partnership, year, title, source, **first)
        if unit == "5057":
            _signals(leader, partnership, year)
