"""Template files: the shipped template loads; bad files are refused whole, naming the place."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from partnerskap.agreements import services
from partnerskap.agreements.models import AgreementTemplate
from partnerskap.agreements.template_format import SECTION_NUMBERS, SHIPPED, parse_template

pytestmark = pytest.mark.django_db


def shipped_text() -> str:
    return SHIPPED.read_text(encoding="utf-8")


def test_shipped_template_has_every_section_of_the_national_template():
    structure = parse_template(shipped_text(), SHIPPED.name)
    assert [s["number"] for s in structure["sections"]] == list(SECTION_NUMBERS)
    types = {b["type"] for b in structure["blanks"]}
    assert types == {"text", "number", "date", "municipality", "opening_hours"}
    clauses = [c for s in structure["sections"] for c in s["clauses"]]
    assert any(c["optional"] for c in clauses)
    assert {c["alternative"] for c in clauses} >= {"single", "host"}
    assert all(s["guidance"] for s in structure["sections"])


def test_missing_section_is_named_with_file_and_nothing_is_saved(tmp_path):
    text = shipped_text().replace('number: "3.8"', 'number: "3.9"')
    with pytest.raises(ValidationError) as caught:
        services.template_load(actor=None, data=text, file_name="mal.yaml")
    messages = caught.value.messages
    assert any("mal.yaml" in m and "3.8" in m and "mangler" in m for m in messages), messages
    assert any("3.9" in m and "linje" in m for m in messages), messages
    assert not AgreementTemplate.objects.exists()


def test_unknown_blank_type_is_named_with_line_and_blank():
    text = shipped_text().replace(
        "{id: moter_per_ar, type: number", "{id: moter_per_ar, type: farge"
    )
    lines = text.splitlines()
    line = next(i for i, t in enumerate(lines, start=1) if "farge" in t)
    with pytest.raises(ValidationError) as caught:
        services.template_load(actor=None, data=text, file_name="mal.yaml")
    (message,) = caught.value.messages
    assert f"mal.yaml, linje {line}" in message
    assert "moter_per_ar" in message and "farge" in message
    assert not AgreementTemplate.objects.exists()


def test_clause_with_undefined_blank_names_section():
    text = shipped_text().replace("[[verdier]]", "[[verdiene]]")
    with pytest.raises(ValidationError) as caught:
        parse_template(text, "mal.yaml")
    assert any("punkt 2.0" in m and "verdiene" in m for m in caught.value.messages)


def test_not_yaml_is_refused_with_its_line():
    with pytest.raises(ValidationError) as caught:
        parse_template("name: [unclosed\nversion: 1\n", "mal.yaml")
    assert "mal.yaml" in caught.value.messages[0]


def test_command_loads_a_new_version_and_refuses_the_same_twice(tmp_path):
    path = tmp_path / "offisiell.yaml"
    path.write_text(shipped_text().replace('version: "3.0"', 'version: "3.1"'), encoding="utf-8")
    call_command("agreement_template", str(path))
    template = AgreementTemplate.objects.get(version="3.1")
    assert template.source_name == "offisiell.yaml"
    with pytest.raises(CommandError, match=r"3.1"):
        call_command("agreement_template", str(path))
    assert AgreementTemplate.objects.filter(version="3.1").count() == 1


def test_command_reports_bad_file(tmp_path):
    path = tmp_path / "feil.yaml"
    path.write_text(shipped_text().replace("type: date", "type: dag", 1), encoding="utf-8")
    with pytest.raises(CommandError, match=r"feil.yaml"):
        call_command("agreement_template", str(path))
    assert not AgreementTemplate.objects.exists()
