"""Ørland's office set up with the Indre Fosen seed's two locations, Rissa and Leksvik."""

from dataclasses import dataclass

import pytest

from partnerskap.demo import reception as seed
from partnerskap.reception.models import CountedTotals, Location


@dataclass
class Reception:
    rissa: Location
    leksvik: Location
    leksvik_totals: CountedTotals | None = None


@pytest.fixture
def reception(world) -> Reception:
    """Rissa with its 218 visits registered one by one, Leksvik with its counted totals."""
    rissa, leksvik = seed.set_up_locations(world.nav_leader, world.orland_office)
    seed.add_rissa_visits(world.nav_leader, rissa)
    totals = seed.add_leksvik_totals(world.nav_leader, leksvik)
    return Reception(rissa, leksvik, totals)


@pytest.fixture
def locations(world) -> Reception:
    """The two locations with their hours and no visits."""
    rissa, leksvik = seed.set_up_locations(world.nav_leader, world.orland_office)
    return Reception(rissa, leksvik)
