"""Exact arithmetic rounded the way NAV's reports do: halves away from zero (94.5 % -> 95 %).

Figures, finance and reception all show shares and per cents, so the rounding exists once here.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

Number = int | Decimal | Fraction


def exact(value: Number, name: str = "value") -> Fraction:
    """``value`` as an exact fraction; floats and booleans are refused rather than guessed at."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        raise TypeError(f"{name} must be an int, Decimal or Fraction, not {type(value).__name__}")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{name} must be finite, not {value}")
    return Fraction(value)


def round_half_up(value: Number, places: int = 0) -> Decimal:
    """Round ``value`` to ``places`` decimals, halves away from zero (94.5 -> 95, -94.5 -> -95)."""
    fraction = exact(value)
    scaled = abs(fraction) * 10**places
    rounded = math.floor(scaled + Fraction(1, 2))
    if fraction < 0:
        rounded = -rounded
    return Decimal(rounded).scaleb(-places) if places else Decimal(rounded)


def per_cent(part: Number, whole: Number | None, places: int = 0) -> Decimal | None:
    """``part`` as a per cent of ``whole``, rounded half up; ``None`` if ``whole`` is 0 or missing.

    >>> per_cent(574_610, 275_000)
    Decimal('209')
    """
    if whole is None:
        return None
    denominator = exact(whole, "whole")
    if denominator == 0:
        return None
    return round_half_up(exact(part, "part") * 100 / denominator, places)
