"""Norwegian number, money and date formatting for templates: 1 130; kr 1 000 000,00; 12.11.2018.

Negative numbers get a real minus sign, U+2212 (−30, not -30), as typeset Norwegian and Aksel do:
a hyphen is shorter than the plus sign and screen readers may not read it as "minus".
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

register = template.Library()

MINUS = "\u2212"


def format_number(value: object, decimals: int | None = None) -> str:
    """Group thousands and use the active language's decimal mark; empty for None."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = formats.number_format(number, decimals, use_l10n=True, force_grouping=True)
    return MINUS + text[1:] if text.startswith("-") else text


def format_money(value: object) -> str:
    if value is None or value == "":
        return ""
    return _("NOK %(amount)s") % {"amount": format_number(value, 2)}


@register.filter(name="tall")
def tall(value: object, decimals: int | None = None) -> str:
    return format_number(value, decimals)


@register.filter(name="kr")
def kr(value: object) -> str:
    return format_money(value)


@register.filter(name="dato")
def dato(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return formats.date_format(value, "SHORT_DATE_FORMAT")
