"""The OpenAPI document as clients need it: unique schema names, every error status declared.

django-ninja names a component schema by its class name alone, so two apps' `ImportOut` became
one schema and half the operations were documented with another's shape (issue 11). Here every
schema of ours is named by its app as well (`Meetings_MemberOut`), and every operation declares
the errors it can answer with, in the one error shape the API uses
(docs/decisions/0061-openapi-document.md).
"""

import re
from http import HTTPStatus
from typing import Any, get_args

from ninja import NinjaAPI
from ninja import pagination as ninja_pagination
from ninja import schema as ninja_schema
from ninja.openapi import schema as ninja_openapi
from pydantic.json_schema import CoreModeRef, DefsRef

_OUR_MODULE = re.compile(r"^partnerskap\.(\w+)\.")


def _app_of(core_ref: str) -> str | None:
    """The app a schema class belongs to, from pydantic's reference to it (`module.Name:id`).
    django-ninja makes a list's page schema (`PagedMemberOut`) on the fly, in no module of ours:
    that one belongs to the app of its items."""
    if "[" in core_ref:
        return None
    found = _OUR_MODULE.match(core_ref)
    if found:
        return found.group(1)
    if core_ref.rpartition(":")[0].rpartition(".")[2].startswith("Paged"):
        ident = int(core_ref.rpartition(":")[2])
        for paged in ninja_pagination.PageNumberPagination.Output.__subclasses__():
            if id(paged) == ident:
                (item,) = get_args(paged.model_fields["items"].annotation)
                return _app_of(f"{item.__module__}.{item.__qualname__}:0")
    return None


class AppNamedJsonSchema(ninja_schema.NinjaGenerateJsonSchema):
    """Component names prefixed with the app of the class: `Agreements_VersionOut`."""

    def get_defs_ref(self, core_mode_ref: CoreModeRef) -> DefsRef:
        defs_ref = super().get_defs_ref(core_mode_ref)
        app = _app_of(core_mode_ref[0])
        if app is not None:
            prefix = app.capitalize() + "_"
            choices = self._prioritized_defsref_choices[defs_ref]
            # The first two choices are the bare name and the name with its mode; pydantic takes
            # the first that does not collide within one schema.
            choices[0] = DefsRef(prefix + choices[0])
            choices[1] = DefsRef(prefix + choices[1])
        return defs_ref


# django-ninja builds every schema of the document with this generator (looked up at call time).
ninja_openapi.NinjaGenerateJsonSchema = AppNamedJsonSchema  # type: ignore[misc]

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "loc": {"type": "array", "items": {"type": "string"}},
                            "msg": {"type": "string"},
                            "type": {"type": "string"},
                        },
                        "required": ["loc", "msg", "type"],
                    },
                },
            ],
        },
    },
    "required": ["detail"],
}
_ERROR_REF = {"$ref": "#/components/schemas/Error"}
UNSAFE = {"post", "put", "patch", "delete"}


def _error_statuses(path: str, method: str, operation: dict) -> list[int]:
    """The errors an operation can answer with, by what it takes and who may call it."""
    statuses = []
    if operation.get("parameters") or operation.get("requestBody"):
        statuses.append(422)  # a value that does not parse, or a service's refusal
    if operation.get("requestBody"):
        statuses.append(400)  # a body that is not JSON, or text PostgreSQL cannot store
    if operation.get("security"):
        statuses += [401, 403]
    if "{" in path or operation.get("security"):
        statuses.append(404)  # an object that does not exist, or that the person may not see
    if method in UNSAFE:
        statuses += [404, 409, 422]  # a stale revision; a state the change is not allowed in
    return sorted(set(statuses))


def document_errors(document: dict[str, Any]) -> None:
    document["components"].setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in _error_statuses(path, method, operation):
                responses.setdefault(
                    status,
                    {
                        "description": HTTPStatus(status).phrase,
                        "content": {"application/json": {"schema": _ERROR_REF}},
                    },
                )


class DocumentedAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        document = super().get_openapi_schema(**kwargs)
        document_errors(document)
        return document
