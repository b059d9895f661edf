"""Cost sharing between the state and the municipal owner of a NAV office (DOMAIN.md C4).

Rule from the national template: each owner pays its share of the shared operating costs in
proportion to the FTEs (årsverk) it has in the office, and the NAV leader's position is split
equally between the owners whoever employs the leader. Services outside the agreement are
invoiced separately to one owner. In a host-municipality partnership the municipal share is
split further among the member municipalities by an agreed key.

Money is ``decimal.Decimal`` in NOK with øre precision (at most two decimals). FTEs are
non-negative ``Decimal`` (or ``int``) of any precision. All intermediate arithmetic is exact
(``Fraction`` for the quotas, an exact ``Decimal`` context for the FTEs); only the final split
is rounded to the øre, by the largest-remainder method, so the parts always add up to the
total exactly.

Largest-remainder method (:func:`allocate`): every part first gets its exact quota
``total * weight / sum(weights)`` rounded *down* to the øre; the øre left over (fewer than the
number of parts) go one each to the parts with the largest discarded fractions. Ties are broken
by the order the parts were given in -- for the owners always *state first, then municipality*;
for member municipalities the order of the mapping passed in. The result therefore depends only
on the input: the same input gives the same output, and a part with weight zero never gets an øre.

Each pool is split on its own (so every pool's split adds up on the settlement document); the
owners' totals are the sums of their pool shares, which therefore add up to the pools' total.

Every settlement carries its computation as :class:`Line` objects -- a machine-readable
:class:`LineKey`, the inputs, a formula in plain notation and the result -- so a document can
show each step; the user interface maps the key to a translated description. Invalid input
raises a :class:`CostSharingError` (a ``ValueError``) with a machine-readable :class:`ErrorCode`
and the name of the offending field; there is deliberately no user-facing text here.

Public API:

* :class:`Owner`, :class:`LeaderKey`, :class:`PoolKind`, :class:`HostKey` -- enumerations.
* :class:`Staffing`, :class:`CostPool`, :class:`SpecialService` -- validated inputs.
* :func:`allocate` -- largest-remainder split of an amount by weights, exact to the øre.
* :func:`counted_ftes` -- FTEs per owner after applying the leader key, with lines.
* :func:`settle` -- the settlement of a period: every pool split, special services, totals.
* :func:`split_among_members` -- a host-municipality split of the municipal share.
* :class:`CostSharingError` and its subclasses; :class:`ErrorCode`."""

from .inputs import (
    EXACT_DISPLAY_PLACES,
    ORE,
    CostSharingError,
    ErrorCode,
    HostKey,
    InvalidNumberError,
    LeaderKey,
    LeaderPositionError,
    NegativeValueError,
    NotWholeNumberError,
    Owner,
    PercentagesError,
    PoolKind,
    PrecisionError,
    ZeroTotalError,
)
from .lines import (
    Line,
    LineKey,
    allocate,
)
from .members import (
    MemberShare,
    MemberSplit,
    split_among_members,
)
from .pools import (
    CostPool,
    CountedFtes,
    PoolShare,
    Settlement,
    SpecialService,
    Staffing,
    counted_ftes,
    settle,
)

__all__ = [
    "EXACT_DISPLAY_PLACES",
    "ORE",
    "CostPool",
    "CostSharingError",
    "CountedFtes",
    "ErrorCode",
    "HostKey",
    "InvalidNumberError",
    "LeaderKey",
    "LeaderPositionError",
    "Line",
    "LineKey",
    "MemberShare",
    "MemberSplit",
    "NegativeValueError",
    "NotWholeNumberError",
    "Owner",
    "PercentagesError",
    "PoolKind",
    "PoolShare",
    "PrecisionError",
    "Settlement",
    "SpecialService",
    "Staffing",
    "ZeroTotalError",
    "allocate",
    "counted_ftes",
    "settle",
    "split_among_members",
]
