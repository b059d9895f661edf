"""Template tags for printed documents: the page counter in the footer and dates from ISO text."""

from datetime import date

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from partnerskap.core.templatetags.norsk import dato

from ..pdf import css_page_counter

register = template.Library()


@register.simple_tag
def page_counter() -> SafeString:
    """`content` for the page footer: "Page 2 of 5" in the active language."""
    return mark_safe(css_page_counter(gettext("Page %(page)s of %(pages)s")))


@register.filter
def isodate(value: str | None) -> str:
    """A date kept as ISO text in document content (2027-03-05), shown as 05.03.2027."""
    if not value:
        return ""
    return dato(date.fromisoformat(value))
