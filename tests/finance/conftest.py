"""Fixtures for the finance tests: Ørland's operating agreement and a host partnership."""

from datetime import date
from decimal import Decimal

import pytest

from partnerskap.core.models import RoleKind
from partnerskap.finance import services
from partnerskap.registry.models import Owner, OwnerKind, PartnershipModel

from ..factories import MunicipalityFactory, UserFactory, give_role, partnership_with_owners

D = Decimal


def worked_example(**overrides) -> dict:
    """The DOMAIN.md example: 9.3 state FTEs, 7 municipal including the leader, NOK 1 000 000."""
    values = {
        "label": "2026",
        "starts": date(2026, 1, 1),
        "ends": date(2026, 12, 31),
        "state_fte": D("9.3"),
        "municipal_fte": D("7"),
        "leader_employer": "municipality",
        "leader_fte": D("1"),
        "rent": D("0"),
        "ict": D("0"),
        "other_costs": D("1000000"),
    }
    values.update(overrides)
    return values


@pytest.fixture
def agreement(world):
    return services.agreement_create(
        actor=world.nav_leader, partnership=world.orland, title="Driftsavtale for NAV Ørland"
    )


@pytest.fixture
def period(world, agreement):
    return services.period_create(actor=world.nav_leader, agreement=agreement, **worked_example())


@pytest.fixture
def salten(world):
    """A host partnership: Fauske hosts Saltdal and Sørfold, with its own leader."""
    fauske = MunicipalityFactory(number="1841", name="Fauske", county=world.county, population=9800)
    saltdal = MunicipalityFactory(
        number="1840", name="Saltdal", county=world.county, population=4600
    )
    sorfold = MunicipalityFactory(
        number="1845", name="Sørfold", county=world.county, population=1900
    )
    partnership = partnership_with_owners(
        world.county,
        fauske,
        name="NAV Indre Salten",
        model=PartnershipModel.HOST,
        office__unit_number="1841",
        office__name="NAV Indre Salten",
    )
    Owner.objects.filter(partnership=partnership, municipality=fauske).update(is_host=True)
    for member in (saltdal, sorfold):
        Owner.objects.create(
            partnership=partnership, kind=OwnerKind.MUNICIPALITY, municipality=member
        )
    leader = UserFactory(username="salten_leader")
    give_role(leader, RoleKind.NAV_LEADER, partnership=partnership)
    agreement = services.agreement_create(
        actor=leader, partnership=partnership, title="Driftsavtale NAV Indre Salten"
    )
    period = services.period_create(actor=leader, agreement=agreement, **worked_example())
    services.member_weights_set(
        actor=leader,
        period=period,
        revision=period.revision,
        weights={
            fauske.pk: (D("4"), D("50")),
            saltdal.pk: (D("2"), D("30")),
            sorfold.pk: (D("1"), D("20")),
        },
    )
    period.refresh_from_db()
    return period, leader, (fauske, saltdal, sorfold)
