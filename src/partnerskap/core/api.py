"""API authentication (session or personal token), error shapes, and the /me resource."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.security import HttpBearer, SessionAuth

from .models import ApiToken, User


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
