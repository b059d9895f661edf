"""Template tags for printed documents: the page counter in the footer, dates from ISO text, and
the rows of a chart's data table."""

from datetime import date

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape
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


_ROW = '<tr class="aksel-table__row">{}</tr>'
_HEAD = '<th scope="row" class="aksel-table__header-cell aksel-body-short">{}</th>'
_CELL = (
    '<td class="aksel-table__data-cell aksel-table__data-cell--align-right numeric'
    ' aksel-body-short">{}</td>'
)


@register.filter
def chart_rows(rows: list[list[object]]) -> SafeString:
    """The body rows of a chart's data table (documents/_chart.html): the first cell a row
    heading, each value localised and escaped as {{ cell }} would be. Built here rather than by a
    template loop, which cost more than the rest of a status report for a 637-period series."""
    parts = []
    for row in rows:
        cells = [
            (_CELL if i else _HEAD).format(conditional_escape(localize(cell)))
            for i, cell in enumerate(row)
        ]
        parts.append(_ROW.format("".join(cells)))
    return mark_safe("".join(parts))  # every cell is escaped above
