"""Negative numbers are shown with a real minus sign, U+2212, not a hyphen (issue 14: "-30")."""

from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from partnerskap.core.templatetags.norsk import format_money, format_number


def test_negative_numbers_get_a_minus_sign():
    with translation.override("nb"):
        assert format_number(-30) == "\u221230"
        assert format_number(Decimal("-1234.5"), 1) == "\u22121\u00a0234,5"
        assert format_money(-1000) == "kr \u22121\u00a0000,00"
        assert format_number(30) == "30"
        assert format_number(0) == "0"
        assert "-" not in Template("{% load norsk %}{{ v|tall }}").render(Context({"v": -7}))
