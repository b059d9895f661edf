"""API authentication (session or personal token), error shapes, and the /me resource."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
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


# Session cookies from the web pages; unsafe methods need the CSRF token, as on the pages.
api_session_auth = SessionAuth(csrf=True)


def validation_error_detail(exc: ValidationError) -> list[dict]:
    """Django validation errors in the same shape as django-ninja's 422: field named in `loc`."""
    if hasattr(exc, "error_dict"):
        return [
            {"loc": ["body", field], "msg": message, "type": "value_error"}
            for field, errors in exc.message_dict.items()
            for message in errors
        ]
    return [{"loc": ["body"], "msg": message, "type": "value_error"} for message in exc.messages]


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
