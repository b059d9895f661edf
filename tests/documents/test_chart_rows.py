"""A chart's data table rows built in Python give exactly the markup of the template loop they
replace (issue 16): headings, localised numbers and escaping alike."""

from decimal import Decimal

from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from partnerskap.documents.templatetags.paper import chart_rows

LOOP = Template(
    '{% for row in rows %}<tr class="aksel-table__row">{% for cell in row %}{% if forloop.first %}'
    '<th scope="row" class="aksel-table__header-cell aksel-body-short">{{ cell }}</th>{% else %}'
    '<td class="aksel-table__data-cell aksel-table__data-cell--align-right numeric'
    ' aksel-body-short">{{ cell }}</td>{% endif %}{% endfor %}'
    "</tr>{% endfor %}"
)


def test_chart_rows_equal_the_template_loop():
    rows = [
        ["uke 18 2020", "1\xa0130", 12, Decimal("94.5")],
        ["<Rissa> & co", 1234567, 0.5, mark_safe("<b>x</b>")],
        ["", None, "–", ":"],
    ]
    for language in ("nb", "nn", "en"):
        with translation.override(language):
            assert chart_rows(rows) == LOOP.render(Context({"rows": rows}))
