"""Cost sharing between the owners and among host-partnership members (DOMAIN.md C4)."""

from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerskap.finance.cost_sharing import (
    CostPool,
    CostSharingError,
    ErrorCode,
    HostKey,
    InvalidNumberError,
    LeaderKey,
    LeaderPositionError,
    LineKey,
    NegativeValueError,
    NotWholeNumberError,
    Owner,
    PercentagesError,
    PoolKind,
    PrecisionError,
    Settlement,
    SpecialService,
    Staffing,
    ZeroTotalError,
    allocate,
    counted_ftes,
    settle,
    split_among_members,
)

D = Decimal
ORE = Fraction(1, 100)

# Indre Fosen seed: 9.3 state FTE, 7 municipal FTE including the municipally employed leader.
INDRE_FOSEN = Staffing(D("9.3"), D("7"), leader_employer=Owner.MUNICIPALITY)


def _lines(result: Settlement, key: LineKey) -> list:
    return [line for line in result.lines if line.key is key]


# --------------------------------------------------------------------------------------------
# The worked example
# --------------------------------------------------------------------------------------------


def test_worked_example_from_domain():
    result = settle([CostPool(PoolKind.OTHER, D("1000000"))], INDRE_FOSEN)

    assert result.ftes.state == D("9.8")
    assert result.ftes.municipality == D("6.5")
    assert result.ftes.total == D("16.3")
    assert result.shared(Owner.STATE) == D("601226.99")
    assert result.shared(Owner.MUNICIPALITY) == D("398773.01")
    assert result.owner_total(Owner.STATE) + result.owner_total(Owner.MUNICIPALITY) == D(
        "1000000.00"
    )
    assert result.total == D("1000000.00")


def test_worked_example_lines_show_every_step():
    result = settle([CostPool(PoolKind.OTHER, D("1000000"))], INDRE_FOSEN)

    counted = {line.inputs["owner"]: line for line in _lines(result, LineKey.FTE_COUNTED)}
    assert counted["state"].inputs["reported"] == D("9.3")
    assert counted["state"].inputs["leader_adjustment"] == D("0.5")
    assert counted["state"].result == D("9.8")
    assert counted["municipality"].inputs["leader_adjustment"] == D("-0.5")
    assert counted["municipality"].result == D("6.5")
    assert [line.result for line in _lines(result, LineKey.FTE_TOTAL)] == [D("16.3")]

    exact = {line.inputs["owner"]: line.result for line in _lines(result, LineKey.SHARE_EXACT)}
    assert exact == {"state": D("601226.993865"), "municipality": D("398773.006135")}
    down = {
        line.inputs["owner"]: line.result for line in _lines(result, LineKey.SHARE_ROUNDED_DOWN)
    }
    assert down == {"state": D("601226.99"), "municipality": D("398773.00")}
    # One øre is left over; the municipality's discarded fraction (0.61 øre) beats the state's.
    extra = {line.inputs["owner"]: line.result for line in _lines(result, LineKey.SHARE_REMAINDER)}
    assert extra == {"state": D("0.00"), "municipality": D("0.01")}
    assert [line.result for line in _lines(result, LineKey.SHARE_CHECK)] == [D("1000000.00")]
    assert [line.result for line in _lines(result, LineKey.GRAND_TOTAL)] == [D("1000000.00")]
    # Lines hold only machine-readable values: keys, names and numbers, no prose.
    for line in result.lines:
        assert all(isinstance(v, Decimal | str) for v in line.inputs.values())


def test_leader_counts_half_to_each_owner_whoever_employs_the_leader():
    state_employed = counted_ftes(Staffing(D("10.3"), D("6"), leader_employer=Owner.STATE))
    assert (state_employed.state, state_employed.municipality) == (D("9.8"), D("6.5"))
    no_leader = counted_ftes(Staffing(D("9.3"), D("7")))
    assert (no_leader.state, no_leader.municipality) == (D("9.3"), D("7"))
    part_time = counted_ftes(
        Staffing(D("9.3"), D("7"), leader_employer=Owner.MUNICIPALITY, leader_fte=D("0.8"))
    )
    assert (part_time.state, part_time.municipality) == (D("9.7"), D("6.6"))


def test_leader_key_with_employer():
    result = settle(
        [CostPool(PoolKind.OTHER, D("1000000"))],
        INDRE_FOSEN,
        leader_key=LeaderKey.WITH_EMPLOYER,
    )
    assert (result.ftes.state, result.ftes.municipality) == (D("9.3"), D("7"))
    # 1 000 000 × 9.3 / 16.3 = 570 552.147…, × 7 / 16.3 = 429 447.852…: the øre goes to the state.
    assert result.shared(Owner.STATE) == D("570552.15")
    assert result.shared(Owner.MUNICIPALITY) == D("429447.85")
    assert result.leader_key is LeaderKey.WITH_EMPLOYER


def test_several_pools_and_special_services():
    pools = [
        CostPool(PoolKind.RENT, D("600000")),
        CostPool(PoolKind.ICT, D("250000.50")),
        CostPool(PoolKind.OTHER, D("149999.50")),
    ]
    services = [
        SpecialService("Gjeldsrådgivning", D("12345.67"), Owner.MUNICIPALITY),
        SpecialService("Tolk", D("1000.00"), Owner.STATE),
    ]
    result = settle(pools, INDRE_FOSEN, special_services=services)

    for share in result.pools:
        assert share.state + share.municipality == share.pool.amount
    assert result.shared_total == D("1000000.00")
    assert result.shared(Owner.STATE) + result.shared(Owner.MUNICIPALITY) == D("1000000.00")
    assert result.special(Owner.MUNICIPALITY) == D("12345.67")
    assert result.special(Owner.STATE) == D("1000.00")
    assert result.owner_total(Owner.MUNICIPALITY) == result.shared(Owner.MUNICIPALITY) + D(
        "12345.67"
    )
    assert result.total == D("1013345.67")
    assert result.owner_total(Owner.STATE) + result.owner_total(Owner.MUNICIPALITY) == result.total
    # Rent: 600 000 × 9.8 / 16.3 = 360 736.196…; ICT 250 000.50 × 9.8 / 16.3 = 150 307.049…
    by_kind = {share.pool.kind: share for share in result.pools}
    assert by_kind[PoolKind.RENT].state == D("360736.20")
    assert by_kind[PoolKind.ICT].state == D("150307.05")
    assert [line.inputs["service"] for line in _lines(result, LineKey.SPECIAL_SERVICE)] == [
        "Gjeldsrådgivning",
        "Tolk",
    ]


def test_no_pools_gives_zero_settlement():
    result = settle([], INDRE_FOSEN)
    assert result.total == D("0.00")
    assert result.shared(Owner.STATE) == D("0.00")


# --------------------------------------------------------------------------------------------
# Largest remainder
# --------------------------------------------------------------------------------------------


def test_allocate_ties_go_to_the_earlier_part():
    assert allocate(D("0.01"), [1, 1, 1]) == (D("0.01"), D("0.00"), D("0.00"))
    assert allocate(D("0.02"), [1, 1, 1]) == (D("0.01"), D("0.01"), D("0.00"))
    assert allocate(D("100"), [1, 1, 1]) == (D("33.34"), D("33.33"), D("33.33"))
    # Equal FTEs: a lone øre goes to the state, the first owner.
    result = settle([CostPool(PoolKind.RENT, D("0.01"))], Staffing(D("5"), D("5")))
    assert (result.shared(Owner.STATE), result.shared(Owner.MUNICIPALITY)) == (
        D("0.01"),
        D("0.00"),
    )


def test_allocate_largest_remainder_not_first_part():
    # Exact quotas 0.3333…, 0.6666…: one øre left over goes to the larger fraction.
    assert allocate(D("0.01"), [1, 2]) == (D("0.00"), D("0.01"))
    assert allocate(D("10"), [0, 3, 0]) == (D("0.00"), D("10.00"), D("0.00"))


# --------------------------------------------------------------------------------------------
# Host-municipality partnership
# --------------------------------------------------------------------------------------------

MUNICIPAL_SHARE = D("398773.01")


def test_host_split_by_fte():
    split = split_among_members(
        MUNICIPAL_SHARE, HostKey.FTE, {"Vertskommunen": D("3.5"), "Nabo A": D("2"), "Nabo B": 1}
    )
    # Exact: 214 723.928…, 122 699.387…, 61 349.693…; two øre left go to the first two.
    assert split.as_dict() == {
        "Vertskommunen": D("214723.93"),
        "Nabo A": D("122699.39"),
        "Nabo B": D("61349.69"),
    }
    assert sum(split.as_dict().values()) == MUNICIPAL_SHARE


def test_host_split_by_population():
    split = split_among_members(
        MUNICIPAL_SHARE, HostKey.POPULATION, {"Vertskommunen": 8000, "Nabo A": 4500, "Nabo B": 1000}
    )
    # Exact: 236 309.931…, 132 924.336…, 29 538.741…; the one øre left goes to Nabo A.
    assert split.as_dict() == {
        "Vertskommunen": D("236309.93"),
        "Nabo A": D("132924.34"),
        "Nabo B": D("29538.74"),
    }
    assert sum(split.as_dict().values()) == MUNICIPAL_SHARE


def test_host_split_by_fixed_percentages():
    split = split_among_members(
        MUNICIPAL_SHARE,
        HostKey.FIXED_PERCENTAGES,
        {"Vertskommunen": D("20.0"), "Nabo A": D("40.0"), "Nabo B": D("40.0")},
    )
    # Exact: 79 754.602, 159 509.204, 159 509.204; one øre left, and the tie between the two
    # neighbours goes to the one given first.
    assert split.as_dict() == {
        "Vertskommunen": D("79754.60"),
        "Nabo A": D("159509.21"),
        "Nabo B": D("159509.20"),
    }
    assert sum(split.as_dict().values()) == MUNICIPAL_SHARE
    assert split.share_of("Nabo A") == D("159509.21")
    weight_total = [line for line in split.lines if line.key is LineKey.MEMBER_WEIGHT_TOTAL]
    assert [line.result for line in weight_total] == [D("100.0")]


def test_host_split_by_uneven_percentages():
    split = split_among_members(
        MUNICIPAL_SHARE,
        HostKey.FIXED_PERCENTAGES,
        {"Vertskommunen": D("33.4"), "Nabo A": D("33.3"), "Nabo B": D("33.3")},
    )
    # Exact: 133 190.185…, 132 791.412…, 132 791.412…; the øre left goes to the host.
    assert split.as_dict() == {
        "Vertskommunen": D("133190.19"),
        "Nabo A": D("132791.41"),
        "Nabo B": D("132791.41"),
    }


def test_host_split_of_a_settlement():
    settlement = settle([CostPool(PoolKind.OTHER, D("1000000"))], INDRE_FOSEN)
    split = split_among_members(
        settlement.shared(Owner.MUNICIPALITY),
        HostKey.FIXED_PERCENTAGES,
        {"A": 50, "B": 30, "C": 20},
    )
    assert split.as_dict() == {"A": D("199386.51"), "B": D("119631.90"), "C": D("79754.60")}
    assert sum(split.as_dict().values()) == settlement.shared(Owner.MUNICIPALITY)


# --------------------------------------------------------------------------------------------
# Invalid input
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "error", "code", "field"),
    [
        (lambda: Staffing(D("-1"), D("7")), NegativeValueError, "negative", "state_fte"),
        (lambda: Staffing(D("9"), D("-0.1")), NegativeValueError, "negative", "municipal_fte"),
        (lambda: Staffing(D("0"), D("0")), ZeroTotalError, "zero_total", "total_fte"),
        (lambda: Staffing(9.3, D("7")), InvalidNumberError, "not_a_number", "state_fte"),
        (lambda: Staffing("9,3", D("7")), InvalidNumberError, "not_a_number", "state_fte"),
        (lambda: Staffing(True, D("7")), InvalidNumberError, "not_a_number", "state_fte"),
        (lambda: Staffing(D("NaN"), D("7")), InvalidNumberError, "not_a_number", "state_fte"),
        (
            lambda: Staffing(D("9"), D("Infinity")),
            InvalidNumberError,
            "not_a_number",
            "municipal_fte",
        ),
        (
            lambda: Staffing(D("9"), D("0.5"), leader_employer=Owner.MUNICIPALITY),
            LeaderPositionError,
            "leader_exceeds_employer_fte",
            "leader_fte",
        ),
        (
            lambda: Staffing(D("9"), D("5"), leader_employer=Owner.STATE, leader_fte=D("-1")),
            NegativeValueError,
            "negative",
            "leader_fte",
        ),
        (
            lambda: Staffing(D("9"), D("5"), leader_employer="mayor"),
            CostSharingError,
            "unknown_choice",
            "leader_employer",
        ),
        (lambda: CostPool(PoolKind.RENT, D("-0.01")), NegativeValueError, "negative", "amount"),
        (
            lambda: CostPool(PoolKind.RENT, D("0.001")),
            PrecisionError,
            "sub_ore_precision",
            "amount",
        ),
        (lambda: CostPool("parking", D("1")), CostSharingError, "unknown_choice", "kind"),
        (
            lambda: SpecialService("x", D("-5"), Owner.STATE),
            NegativeValueError,
            "negative",
            "amount",
        ),
        (
            lambda: settle(
                [CostPool(PoolKind.OTHER, D("1")), CostPool(PoolKind.OTHER, D("2"))], INDRE_FOSEN
            ),
            CostSharingError,
            "duplicate_name",
            "pools",
        ),
        (
            lambda: settle([], INDRE_FOSEN, leader_key="half"),
            CostSharingError,
            "unknown_choice",
            "leader_key",
        ),
        (
            lambda: split_among_members(
                D("100"), HostKey.FIXED_PERCENTAGES, {"A": D("50"), "B": D("49.9")}
            ),
            PercentagesError,
            "percentages_not_100",
            "percentage",
        ),
        (
            lambda: split_among_members(
                D("100"), HostKey.FIXED_PERCENTAGES, {"A": D("110"), "B": D("-10")}
            ),
            NegativeValueError,
            "negative",
            "percentage",
        ),
        (
            lambda: split_among_members(D("100"), HostKey.POPULATION, {"A": D("10.5")}),
            NotWholeNumberError,
            "not_whole_number",
            "population",
        ),
        (
            lambda: split_among_members(D("100"), HostKey.FTE, {"A": 0, "B": D("0.0")}),
            ZeroTotalError,
            "zero_total",
            "fte",
        ),
        (
            lambda: split_among_members(D("100"), HostKey.FTE, {}),
            CostSharingError,
            "no_members",
            "members",
        ),
        (
            lambda: split_among_members(D("-100"), HostKey.FTE, {"A": 1}),
            NegativeValueError,
            "negative",
            "amount",
        ),
        (lambda: allocate(D("1"), [0, 0]), ZeroTotalError, "zero_total", "weights"),
        (lambda: allocate(D("1"), [1, -1]), NegativeValueError, "negative", "weights"),
        (lambda: allocate(1.5, [1]), InvalidNumberError, "not_a_number", "total"),
    ],
)
def test_invalid_input_is_refused_with_code_and_field(make, error, code, field):
    with pytest.raises(error) as raised:
        make()
    assert isinstance(raised.value, ValueError)
    assert raised.value.code == ErrorCode(code)
    assert raised.value.field == field


def test_error_names_the_member():
    with pytest.raises(NegativeValueError) as raised:
        split_among_members(D("100"), HostKey.FTE, {"Osen": 1, "Åfjord": D("-2")})
    assert raised.value.item == "Åfjord"
    assert raised.value.value == D("-2")


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

MAX_ORE = 10**9 * 100


def _nok(ore: int) -> Decimal:
    return Decimal(f"{ore // 100}.{ore % 100:02d}")


money = st.integers(0, MAX_ORE).map(_nok)
tenths = st.integers(0, 5000)  # 0 to 500 FTE with one decimal


def _fte(t: int) -> Decimal:
    return Decimal(t).scaleb(-1)


@st.composite
def staffings(draw) -> Staffing:
    state, municipal = draw(st.tuples(tenths, tenths).filter(lambda pair: pair[0] + pair[1] > 0))
    employer = draw(st.sampled_from([None, Owner.STATE, Owner.MUNICIPALITY]))
    leader = 10
    if employer is not None:
        available = state if employer is Owner.STATE else municipal
        leader = draw(st.integers(0, min(available, 10)))
    return Staffing(_fte(state), _fte(municipal), employer, _fte(leader))


pools_strategy = st.lists(st.tuples(st.sampled_from(list(PoolKind)), money), max_size=4).map(
    lambda items: [CostPool(k, a, f"{k.value}-{i}") for i, (k, a) in enumerate(items)]
)
services_strategy = st.lists(
    st.builds(SpecialService, st.just("service"), money, st.sampled_from(list(Owner))), max_size=3
)


def _exact_quota(amount: Decimal, weight: Decimal, total: Decimal) -> Fraction:
    return Fraction(amount) * Fraction(weight) / Fraction(total)


@settings(max_examples=200, deadline=None)
@given(
    pools=pools_strategy,
    staffing=staffings(),
    leader_key=st.sampled_from(list(LeaderKey)),
    services=services_strategy,
)
def test_every_settlement_sums_exactly_and_is_deterministic(pools, staffing, leader_key, services):
    result = settle(pools, staffing, leader_key=leader_key, special_services=services)

    assert result.ftes.total == staffing.state_fte + staffing.municipal_fte
    assert result.ftes.state >= 0
    assert result.ftes.municipality >= 0
    for share in result.pools:
        assert share.state >= 0
        assert share.municipality >= 0
        assert share.state + share.municipality == share.pool.amount
        for owner in Owner:
            exact = _exact_quota(share.pool.amount, result.ftes.of(owner), result.ftes.total)
            assert abs(Fraction(share.of(owner)) - exact) < ORE
    expected_total = sum((p.amount for p in pools), D(0)) + sum((s.amount for s in services), D(0))
    assert result.total == expected_total
    assert result.shared(Owner.STATE) + result.shared(Owner.MUNICIPALITY) == result.shared_total
    assert result.owner_total(Owner.STATE) + result.owner_total(Owner.MUNICIPALITY) == result.total
    for owner in Owner:
        assert result.owner_total(owner) >= 0
        assert result.owner_total(owner).as_tuple().exponent == -2
    assert [line.result for line in _lines(result, LineKey.GRAND_TOTAL)] == [result.total]

    again = settle(list(pools), staffing, leader_key=leader_key, special_services=list(services))
    assert again == result


@st.composite
def host_keys(draw) -> tuple[HostKey, dict[str, Decimal]]:
    key = draw(st.sampled_from(list(HostKey)))
    n = draw(st.integers(1, 6))
    names = [f"Kommune {i}" for i in range(n)]
    if key is HostKey.FTE:
        values = draw(st.lists(tenths, min_size=n, max_size=n).filter(lambda v: sum(v) > 0))
        weights = [_fte(v) for v in values]
    elif key is HostKey.POPULATION:
        values = draw(st.lists(st.integers(0, 10**6), min_size=n, max_size=n))
        if sum(values) == 0:
            values[0] = 1
        weights = [Decimal(v) for v in values]
    else:
        # Cut 100.0 % (1000 tenths) into n non-negative parts.
        cuts = sorted(draw(st.lists(st.integers(0, 1000), min_size=n - 1, max_size=n - 1)))
        bounds = [0, *cuts, 1000]
        weights = [_fte(b - a) for a, b in pairwise(bounds)]
    return key, dict(zip(names, weights, strict=True))


@settings(max_examples=200, deadline=None)
@given(
    pools=pools_strategy,
    staffing=staffings(),
    leader_key=st.sampled_from(list(LeaderKey)),
    host=host_keys(),
)
def test_host_split_sums_exactly_to_the_municipal_share(pools, staffing, leader_key, host):
    key, weights = host
    municipal = settle(pools, staffing, leader_key=leader_key).shared(Owner.MUNICIPALITY)

    split = split_among_members(municipal, key, weights)

    shares = split.as_dict()
    assert list(shares) == list(weights)
    assert sum(shares.values(), D(0)) == municipal
    total_weight = sum(weights.values(), D(0))
    for name, share in shares.items():
        assert share >= 0
        assert abs(Fraction(share) - _exact_quota(municipal, weights[name], total_weight)) < ORE
    assert split_among_members(municipal, key, dict(weights)) == split


@settings(max_examples=200, deadline=None)
@given(total=money, weights=st.lists(tenths, min_size=1, max_size=8).filter(lambda w: sum(w) > 0))
def test_allocate_sums_exactly(total, weights):
    parts = allocate(total, [_fte(w) for w in weights])
    assert sum(parts, D(0)) == total
    assert all(part >= 0 for part in parts)
    assert all(part == 0 for part, w in zip(parts, weights, strict=True) if w == 0)
    assert allocate(total, [_fte(w) for w in weights]) == parts
