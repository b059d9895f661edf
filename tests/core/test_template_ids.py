"""Ids printed into HTML must not be localised.

With USE_THOUSAND_SEPARATOR on, ``{{ obj.pk }}`` renders the id 1933 as "1 933" (with a no-break
space): a form value that the server then refuses. PostgreSQL's sequences reach such ids quickly,
so every id in a template goes through ``stringformat:"d"``.
"""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import override_settings

SRC = Path(__file__).resolve().parents[2] / "src" / "partnerskap"
RAW_ID = re.compile(r"\{\{\s*[\w.]+\.(pk|id)\s*\}\}")


def test_no_template_prints_a_raw_id():
    offenders = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("templates/**/*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if RAW_ID.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_the_formatted_id_has_no_separator(language):
    from django.utils import translation

    class Obj:
        pk = 1933

    with override_settings(USE_THOUSAND_SEPARATOR=True), translation.override(language):
        raw = Template("{{ obj.pk }}").render(Context({"obj": Obj()}))
        formatted = Template('{{ obj.pk|stringformat:"d" }}').render(Context({"obj": Obj()}))
    assert formatted == "1933"
    assert raw != "1933"  # the reason for the rule above
