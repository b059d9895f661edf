"""The OpenAPI document names every schema once, declares every error and formats times as they
are sent (issue 11, defect 3); schemathesis checks the responses against it
(test_openapi_fuzz.py)."""

import json
from collections import Counter

import pytest
from ninja import Schema

from partnerskap.api import api


@pytest.fixture(scope="module")
def document() -> dict:
    return api.get_openapi_schema()


def _our_schema_classes() -> list[type]:
    found, todo = [], [Schema]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("partnerskap."):
            found.append(cls)
    return found


def test_no_two_schemas_of_an_app_share_a_name():
    names = Counter((cls.__module__.split(".")[1], cls.__name__) for cls in _our_schema_classes())
    assert [name for name, n in names.items() if n > 1] == []


def test_the_schemas_that_collapsed_are_each_their_own(document):
    components = document["components"]["schemas"]
    for name in (
        "Figures_ImportIn",
        "Finance_ImportIn",
        "Reception_ImportIn",
        "Figures_ImportOut",
        "Finance_ImportOut",
        "Reception_ImportOut",
        "Agreements_AgreementDetailOut",
        "Finance_AgreementDetailOut",
        "Agreements_VersionOut",
        "Meetings_VersionOut",
        "Meetings_MemberOut",
        "Finance_MemberOut",
        "Agreements_PagedAgreementOut",
        "Finance_PagedAgreementOut",
    ):
        assert name in components, name
    assert components["Finance_ImportOut"] != components["Figures_ImportOut"]
    agreement = document["paths"]["/api/v1/agreements/{agreement_id}"]["get"]
    ok = agreement["responses"][200]["content"]["application/json"]["schema"]["$ref"]
    assert ok.endswith("/Agreements_AgreementDetailOut")


def test_every_operation_declares_its_errors(document):
    missing = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            declared = set(operation["responses"])
            needed = set()
            if operation.get("security"):
                needed |= {401, 403, 404}
            if operation.get("parameters") or operation.get("requestBody"):
                needed.add(422)
            if method in ("post", "put", "patch", "delete"):
                needed |= {409, 422}
            if needed - declared:
                missing.append(f"{method.upper()} {path}: {sorted(needed - declared)}")
    assert missing == []
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["detail"]


def test_times_of_day_are_documented_as_sent(document):
    text = json.dumps(document)
    assert '"format": "time"' not in text
    hours = document["components"]["schemas"]["Registry_OpeningHoursOut"]["properties"]
    assert hours["opens"]["pattern"].startswith("^([01][0-9]|2[0-3])")


def test_an_uploaded_file_has_one_shape(document):
    components = document["components"]["schemas"]
    uploads = [
        "Figures_ImportIn",
        "Finance_ImportIn",
        "Reception_ImportIn",
        "Agreements_AttachmentIn",
    ]
    for name in uploads:
        properties = components[name]["properties"]
        assert properties["file_name"]["minLength"] == 1, name
        assert "content_base64" in properties, name
    for name, component in components.items():
        assert "filename" not in component.get("properties", {}), name
