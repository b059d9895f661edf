"""API authentication (session or personal token), error shapes, and the /me resource."""

import base64
import binascii
from datetime import time
from typing import Annotated

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema
from ninja import pagination as ninja_pagination
from ninja.parser import Parser
from ninja.security import HttpBearer, SessionAuth
from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from .models import ApiToken, Language, Notifications, User


class TokenAuth(HttpBearer):
    """`Authorization: Bearer psk_…` with a personal token issued by `partnerskap token`."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = ApiToken.user_for_key(token)
        if user is not None:
            request.user = user
        return user


class SignedInSessionAuth(SessionAuth):
    """The session cookie of the web pages; unsafe methods need the CSRF token, as on the pages.

    The CSRF check runs only for a signed-in person: django-ninja's own check would run first and
    answer an anonymous unsafe call with 403 "CSRF check Failed", where the API owes it a 401.
    A request with a personal token never gets here (TokenAuth comes first in the chain), so
    scripts need no CSRF token; a browser cannot set the Authorization header on a forged call."""

    def __call__(self, request: HttpRequest) -> User | None:
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


api_session_auth = SignedInSessionAuth(csrf=True)


def validation_error_detail(exc: ValidationError) -> list[dict]:
    """Django validation errors in the same shape as django-ninja's 422: field named in `loc`."""
    if hasattr(exc, "error_dict"):
        return [
            {"loc": ["body", field], "msg": message, "type": "value_error"}
            for field, errors in exc.message_dict.items()
            for message in errors
        ]
    return [{"loc": ["body"], "msg": message, "type": "value_error"} for message in exc.messages]


# Request-parsing errors from django-ninja (pydantic) by their type: a Norwegian sentence instead
# of pydantic's English one. Any type not listed gets the general message.
_REQUEST_ERRORS = {
    "missing": _("This field is required."),
    "json_invalid": _("The request body is not valid JSON."),
    "date_parsing": _("This is not a valid date (YYYY-MM-DD)."),
    "date_from_datetime_parsing": _("This is not a valid date (YYYY-MM-DD)."),
    "date_from_datetime_inexact": _("This is not a valid date (YYYY-MM-DD)."),
    "date_type": _("This is not a valid date (YYYY-MM-DD)."),
    "datetime_parsing": _("This is not a valid date and time (YYYY-MM-DDTHH:MM)."),
    "datetime_from_date_parsing": _("This is not a valid date and time (YYYY-MM-DDTHH:MM)."),
    "datetime_type": _("This is not a valid date and time (YYYY-MM-DDTHH:MM)."),
    "time_parsing": _("This is not a valid time (HH:MM)."),
    "time_type": _("This is not a valid time (HH:MM)."),
    "time_offset": _("Give the time of day without a UTC offset (HH:MM)."),
    "int_parsing": _("This is not a whole number."),
    "int_type": _("This is not a whole number."),
    "int_from_float": _("This is not a whole number."),
    "float_parsing": _("This is not a number."),
    "float_type": _("This is not a number."),
    "decimal_parsing": _("This is not a number."),
    "decimal_type": _("This is not a number."),
    "decimal_max_digits": _("This has too many digits."),
    "decimal_max_places": _("This has too many decimals."),
    "bool_parsing": _("This is not true or false."),
    "bool_type": _("This is not true or false."),
    "string_type": _("This must be text."),
    "string_too_short": _("This is too short."),
    "string_too_long": _("This is too long."),
    "greater_than": _("This is too small."),
    "greater_than_equal": _("This is too small."),
    "less_than": _("This is too large."),
    "less_than_equal": _("This is too large."),
    "enum": _("This is not one of the allowed values."),
    "literal_error": _("This is not one of the allowed values."),
    "uuid_parsing": _("This is not a valid identifier."),
    "list_type": _("This must be a list."),
    "model_attributes_type": _("This must be an object."),
    "dict_type": _("This must be an object."),
}
_REQUEST_ERROR = _("This is not valid here.")


def request_error_detail(errors: list[dict]) -> list[dict]:
    """django-ninja's 422 for a request it could not parse, with a Norwegian message that names
    the field: `{"loc": ["body", "payload", "day"], "msg": "day: Dette er ikke en gyldig dato
    (ÅÅÅÅ-MM-DD).", "type": "date_from_datetime_parsing"}`. (django-ninja leaves out the value
    that was sent.)"""
    detail = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        field = ".".join(part for part in loc[1:] if part not in ("payload", "data"))
        text = str(_REQUEST_ERRORS.get(error.get("type", ""), _REQUEST_ERROR))
        msg = f"{field}: {text}" if field else text
        detail.append({"loc": loc, "msg": msg, "type": error.get("type", "value_error")})
    return detail


# The highest page number a list accepts: far beyond any real list, and far below the point where
# (page - 1) × page size overflows the database's 64-bit OFFSET (a 500 before, issue 11).
MAX_PAGE = 1_000_000


def _contains_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_contains_nul(k) or _contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_contains_nul(v) for v in value)
    return False


class JsonParser(Parser):
    """JSON bodies, refusing text with a NUL character: PostgreSQL cannot store one, and a
    minutes correction's reason with one was a 500 (found by the schemathesis run, issue 11).
    django-ninja turns the refusal into its 400 for a body it cannot parse."""

    def parse_body(self, request: HttpRequest) -> dict:
        data = super().parse_body(request)
        if _contains_nul(data):
            raise ValidationError(_("Text may not contain the NUL character (0x00)."), code="nul")
        return data


class UploadIn(Schema):
    """An uploaded file, in the same two fields in every app's API: its name and its bytes in
    base64. An empty name is refused here, as a 422 that names it (issue 11)."""

    file_name: str = Field(
        min_length=1, max_length=255, pattern=r"\S", description="The file's name, as uploaded."
    )
    content_base64: str = Field(description="The file's bytes, base64-encoded.")

    def content(self) -> bytes:
        try:
            return base64.b64decode(self.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError(
                {"content_base64": _("“%(name)s” is not valid base64.") % {"name": self.file_name}}
            ) from None


class PageNumberPagination(ninja_pagination.PageNumberPagination):
    """django-ninja's `?page=&page_size=` with the page number bounded: a larger one is a 422
    that names `page`, and the OpenAPI document says the bound."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE)


router = Router()


class MeOut(Schema):
    id: int
    username: str
    name: str
    job_title: str
    organisation: str


@router.get("/me", response=MeOut, summary="The signed-in person")
def me(request: HttpRequest) -> dict:
    user = request.user
    return {
        "id": user.pk,
        "username": user.username,
        "name": user.display_name,
        "job_title": user.job_title,
        "organisation": user.organisation,
    }


class SettingsIO(Schema):
    notifications: Notifications = Field(
        description="Reminders by e-mail: immediately, a daily digest, or none."
    )
    language: Language = Field(description="The language of the person's e-mail.")


@router.get("/me/settings", response=SettingsIO, summary="The signed-in person's own settings")
def me_settings(request: HttpRequest) -> dict:
    return {"notifications": request.user.notifications, "language": request.user.language}


@router.put("/me/settings", response=SettingsIO, summary="Change the signed-in person's settings")
def me_settings_update(request: HttpRequest, payload: SettingsIO) -> dict:
    from .people import person_preferences_update

    person = person_preferences_update(
        actor=request.user,
        person=request.user,
        notifications=payload.notifications,
        language=payload.language,
    )
    return {"notifications": person.notifications, "language": person.language}


def _without_offset(value: time) -> time:
    if value.tzinfo is not None:
        raise PydanticCustomError("time_offset", "time with a UTC offset")  # see _REQUEST_ERRORS
    return value


# A time of day on the office's clock, as the pages take it: "09:00" or "09:00:00", no UTC offset
# (an offset made the reception's visit import fail with a 500, issue 11). Documented as a
# pattern: JSON Schema's "time" format demands an offset, which these times never have.
ClockTime = Annotated[
    time,
    AfterValidator(_without_offset),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
            "example": "09:00",
        }
    ),
]
