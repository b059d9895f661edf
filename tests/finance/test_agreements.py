"""C4 through the models and services: the worked example, host keys, bad input, conflicts."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerskap.finance import services
from partnerskap.finance.models import AgreementPeriod, HostKeyChoice, MemberWeight
from partnerskap.finance.selectors import period_for_user
from partnerskap.finance.settlement import period_settlement

from .conftest import worked_example

D = Decimal


def _settle(world, period):
    return period_settlement(period_for_user(world.nav_leader, period.pk))


def test_worked_example_through_the_service(world, period):
    result = _settle(world, period)
    s = result.settlement
    assert (s.ftes.state, s.ftes.municipality, s.ftes.total) == (D("9.8"), D("6.5"), D("16.3"))
    assert result.state_total == D("601226.99")
    assert result.municipal_total == D("398773.01")
    assert result.total == D("1000000.00") == result.state_total + result.municipal_total
    texts = [row.text for row in result.rows]
    assert "Årsverk som teller, til sammen" in texts
    assert any("øre til overs, nummer 1 av 1" in t for t in texts)


def test_special_services_are_not_shared(world, period):
    services.special_service_add(
        actor=world.nav_leader,
        period=period,
        name="Gjeldsrådgiving",
        amount="12 500",
        owner="municipality",
    )
    result = _settle(world, period)
    assert result.municipal_total == D("398773.01") + D("12500")
    assert result.state_total == D("601226.99")
    quarterly = [i for i in result.invoices if i.owner == "state"]
    assert len(quarterly) == 4
    assert sum(i.amount for i in quarterly) == result.state_total
    assert quarterly[-1].covers_to.isoformat() == "2026-12-31"
    assert quarterly[-1].due.isoformat() == "2027-01-30"


money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False)
fte = st.decimals(min_value=0, max_value=500, places=1, allow_nan=False)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rent=money, ict=money, other=money, state=fte, municipal=fte)
def test_property_sum_exact_and_none_negative_through_the_service(
    world, agreement, rent, ict, other, state, municipal
):
    if state + municipal == 0:
        municipal = D(1)
    values = worked_example(
        rent=rent,
        ict=ict,
        other_costs=other,
        state_fte=state,
        municipal_fte=municipal,
        leader_employer="",
    )
    period = services.period_create(actor=world.nav_leader, agreement=agreement, **values)
    result = _settle(world, period)
    assert result.state_total + result.municipal_total == rent + ict + other
    assert result.state_total >= 0 and result.municipal_total >= 0
    for pool in result.settlement.pools:
        assert pool.state + pool.municipality == pool.pool.amount


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        # municipal share 398 773.01 split 4:2:1, by population 9800:4600:1900, and 50/30/20
        (
            HostKeyChoice.FTE,
            {"Fauske": D("227870.29"), "Saltdal": D("113935.15"), "Sørfold": D("56967.57")},
        ),
        (HostKeyChoice.POPULATION, None),
        (
            HostKeyChoice.FIXED_PERCENTAGES,
            {"Fauske": D("199386.51"), "Saltdal": D("119631.90"), "Sørfold": D("79754.60")},
        ),
    ],
)
def test_host_partnership_splits_the_municipal_share_by_each_key(world, salten, key, expected):
    period, leader, _members = salten
    services.agreement_update(
        actor=leader, agreement=period.agreement, revision=period.agreement.revision, host_key=key
    )
    result = period_settlement(period_for_user(leader, period.pk))
    assert not result.member_problem
    shares = {m.name: m.share for m in result.members}
    assert list(shares) == ["Fauske", "Saltdal", "Sørfold"]
    assert sum(shares.values()) == result.municipal_shared == D("398773.01")
    if expected:
        assert shares == expected
    else:
        weights = {m.name: m.weight for m in result.members}
        assert weights == {"Fauske": 9800, "Saltdal": 4600, "Sørfold": 1900}
        for m in result.members:  # each within one øre of its exact quota
            exact = D("398773.01") * m.weight / 16300
            assert abs(m.share - exact) < D("0.01")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("state_fte", D("-1"), "Statlige årsverk kan ikke være negative."),
        ("municipal_fte", "sju", "Kommunale årsverk må være et tall, for eksempel 9,3."),
        (
            "rent",
            D("10.005"),
            "Husleie: oppgi beløpet i kroner og øre, med høyst to desimaler.",
        ),
        ("leader_fte", D("8"), "Lederstillingen (årsverk) er større enn"),
    ],
)
def test_bad_period_input_names_the_field_and_saves_nothing(
    world, agreement, field, value, message
):
    with pytest.raises(ValidationError) as caught:
        services.period_create(
            actor=world.nav_leader, agreement=agreement, **worked_example(**{field: value})
        )
    assert list(caught.value.error_dict) == [field]
    assert caught.value.error_dict[field][0].messages[0].startswith(message)
    assert not AgreementPeriod.objects.exists()


def test_bad_input_is_norwegian(world, agreement, settings):
    from django.utils import translation

    with translation.override("nb"), pytest.raises(ValidationError) as caught:
        services.period_create(
            actor=world.nav_leader, agreement=agreement, **worked_example(state_fte=D("-1"))
        )
    assert (
        caught.value.error_dict["state_fte"][0].messages[0]
        == "Statlige årsverk kan ikke være negative."
    )


def test_percentages_not_100_are_refused_and_nothing_saved(world, salten):
    period, leader, (fauske, saltdal, sorfold) = salten
    services.agreement_update(
        actor=leader,
        agreement=period.agreement,
        revision=period.agreement.revision,
        host_key=HostKeyChoice.FIXED_PERCENTAGES,
    )
    before = list(MemberWeight.objects.order_by("pk").values_list("percentage", flat=True))
    with pytest.raises(ValidationError) as caught:
        services.member_weights_set(
            actor=leader,
            period=period,
            revision=period.revision,
            weights={fauske.pk: (4, 50), saltdal.pk: (2, 30), sorfold.pk: (1, 25)},
        )
    assert caught.value.messages == ["De avtalte prosentene blir til sammen 105, ikke 100."]
    assert list(MemberWeight.objects.order_by("pk").values_list("percentage", flat=True)) == before
    with pytest.raises(ValidationError) as caught:
        services.member_weights_set(
            actor=leader,
            period=period,
            revision=period.revision,
            weights={fauske.pk: ("-2", 50), saltdal.pk: (2, 30), sorfold.pk: (1, 20)},
        )
    assert caught.value.messages == ["Årsverk for Fauske kan ikke være negative."]


def test_a_stale_revision_is_a_conflict_and_nothing_is_overwritten(world, period):
    stale = period.revision
    services.period_update(actor=world.nav_leader, period=period, revision=stale, rent=D("700000"))
    with pytest.raises(services.ConflictError):
        services.period_update(
            actor=world.municipal_owner, period=period, revision=stale, rent=D("1")
        )
    period.refresh_from_db()
    assert period.rent == D("700000")


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    amount=money,
    ftes=st.lists(fte, min_size=3, max_size=3),
    key=st.sampled_from([HostKeyChoice.FTE, HostKeyChoice.POPULATION]),
)
def test_property_member_split_sums_exactly_through_the_service(world, salten, amount, ftes, key):
    period, leader, members = salten
    if not sum(ftes):
        ftes = [D(1), *ftes[1:]]
    # hypothesis runs every example on the same rows: start from the revisions as they are now
    period.refresh_from_db()
    period.agreement.refresh_from_db()
    services.agreement_update(
        actor=leader, agreement=period.agreement, revision=period.agreement.revision, host_key=key
    )
    period = services.period_update(
        actor=leader, period=period, revision=period.revision, other_costs=amount
    )
    services.member_weights_set(
        actor=leader,
        period=period,
        revision=period.revision,
        weights={m.pk: (f, D(0)) for m, f in zip(members, ftes, strict=True)},
    )
    result = period_settlement(period_for_user(leader, period.pk))
    assert not result.member_problem
    assert sum(m.share for m in result.members) == result.municipal_shared
    assert all(m.share >= 0 for m in result.members)
    assert result.state_total + result.municipal_total == amount


def test_a_key_that_no_longer_fits_shows_a_problem_not_an_error(world, salten):
    """Percentages saved under the FTE key need not add up; switching the key shows why."""
    period, leader, (fauske, saltdal, sorfold) = salten
    services.member_weights_set(
        actor=leader,
        period=period,
        revision=period.revision,
        weights={fauske.pk: (4, 60), saltdal.pk: (2, 30), sorfold.pk: (1, 20)},
    )
    services.agreement_update(
        actor=leader,
        agreement=period.agreement,
        revision=period.agreement.revision,
        host_key=HostKeyChoice.FIXED_PERCENTAGES,
    )
    result = period_settlement(period_for_user(leader, period.pk))
    assert result.members == []
    assert result.member_problem == "De avtalte prosentene blir til sammen 110, ikke 100."
    assert result.total == D("1000000.00")  # the owners' split stands


def test_population_missing_in_the_register_is_named(world, salten):
    period, leader, (_fauske, saltdal, _sorfold) = salten
    saltdal.population = None
    saltdal.save()
    services.agreement_update(
        actor=leader,
        agreement=period.agreement,
        revision=period.agreement.revision,
        host_key=HostKeyChoice.POPULATION,
    )
    result = period_settlement(period_for_user(leader, period.pk))
    assert result.member_problem.startswith("Registeret har ikke innbyggertall for Saltdal.")


def test_invoices_end_on_the_last_day_of_calendar_months(world, period):
    result = _settle(world, period)
    state = [i for i in result.invoices if i.owner == "state"]
    assert [i.covers_to.isoformat() for i in state] == [
        "2026-03-31",
        "2026-06-30",
        "2026-09-30",
        "2026-12-31",
    ]
    assert state[0].due.isoformat() == "2026-04-30"  # 30 days after 31 March


def test_monthly_and_odd_periods_invoice_dates():
    from datetime import date

    from partnerskap.finance.settlement import invoice_ends

    monthly = invoice_ends(date(2026, 1, 1), date(2026, 12, 31), 12)
    assert monthly[0] == date(2026, 1, 31)
    assert monthly[1] == date(2026, 2, 28)
    assert monthly[-1] == date(2026, 12, 31)
    assert invoice_ends(date(2026, 7, 1), date(2027, 6, 30), 2) == [
        date(2026, 12, 31),
        date(2027, 6, 30),
    ]
    # Not whole months: split by days, the last invoice still ends on the period's last day.
    odd = invoice_ends(date(2026, 1, 15), date(2026, 12, 31), 4)
    assert odd[-1] == date(2026, 12, 31) and len(set(odd)) == 4


def test_the_service_refuses_a_key_missing_a_member(world, salten):
    period, leader, (fauske, _saltdal, _sorfold) = salten
    before = list(MemberWeight.objects.order_by("pk").values_list("fte", "percentage"))
    with pytest.raises(ValidationError) as caught:
        services.member_weights_set(
            actor=leader, period=period, revision=period.revision, weights={fauske.pk: (4, 100)}
        )
    assert caught.value.messages == [
        "Nøkkelen må ha årsverk og prosent for hver medlemskommune; mangler: Saltdal, Sørfold."
    ]
    assert list(MemberWeight.objects.order_by("pk").values_list("fte", "percentage")) == before


@pytest.mark.parametrize(
    ("fte", "percentage", "field", "message"),
    [
        ("4", "12,12345", "percentage", "Prosent for Saltdal kan ha høyst 4 desimaler."),
        ("4", "101", "percentage", "Prosent for Saltdal kan ikke være mer enn 100."),
        ("123456", "30", "fte", "Årsverk for Saltdal kan ikke være mer enn 99999."),
        ("1,23456", "30", "fte", "Årsverk for Saltdal kan ha høyst 3 desimaler."),
    ],
)
def test_digits_and_range_are_checked_per_municipality(
    world, salten, fte, percentage, field, message
):
    period, leader, (fauske, saltdal, sorfold) = salten
    with pytest.raises(ValidationError) as caught:
        services.member_weights_set(
            actor=leader,
            period=period,
            revision=period.revision,
            weights={fauske.pk: (4, 50), saltdal.pk: (fte, percentage), sorfold.pk: (1, 20)},
        )
    assert caught.value.message_dict == {f"{field}_{saltdal.pk}": [message]}
