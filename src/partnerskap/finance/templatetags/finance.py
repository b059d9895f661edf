"""Template filters for the finance pages and documents."""

from decimal import Decimal

from django import template

from partnerskap.core.templatetags.norsk import format_number

register = template.Library()


def plain_number(value: object) -> str:
    """A number without trailing zeros after the decimal mark: 9.300 → "9,3", 7.000 → "7"."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    number = Decimal(text)
    places = max(0, -number.as_tuple().exponent)
    return format_number(number, places)


@register.filter(name="antall")
def antall(value: object) -> str:
    return plain_number(value)


@register.filter(name="prosent")
def prosent(value: object) -> str:
    """A whole per cent, or nothing when there is none (a line without a budget)."""
    return "" if value is None else f"{format_number(value, 0)} %"


@register.filter(name="kroner")
def kroner(value: object) -> str:
    """Whole kroner as the ERP report shows them (rounded half up); nothing for no value."""
    if value is None or value == "":
        return ""
    from decimal import ROUND_HALF_UP

    return format_number(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP), 0)


@register.filter(name="negate")
def negate(value: object) -> object:
    return -value if isinstance(value, Decimal | int) else value
