"""The JSON API under /api/v1/: one NinjaAPI that mounts each app's router."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError as RequestValidationError

from partnerskap.agreements.api import router as agreements_router
from partnerskap.conferences.api import public_router as conferences_public_router
from partnerskap.conferences.api import router as conferences_router
from partnerskap.core.api import (
    TokenAuth,
    api_session_auth,
    request_error_detail,
    validation_error_detail,
)
from partnerskap.core.api import router as core_router
from partnerskap.core.errors import ConflictError
from partnerskap.figures.api import router as figures_router
from partnerskap.finance.api import router as finance_router
from partnerskap.meetings.api import public_router as meetings_public_router
from partnerskap.meetings.api import router as meetings_router
from partnerskap.projects.api import router as projects_router
from partnerskap.reception.api import router as reception_router
from partnerskap.registry.api import router as registry_router
from partnerskap.search.api import router as search_router

api = NinjaAPI(
    title="Partnerskap API",
    version="1",
    description="Everything a user can do in Partnerskap, with the same access rules as the pages.",
    # The token first: a client sending one has no session cookie to protect, and the session's
    # CSRF check would refuse it before the token were tried.
    auth=[TokenAuth(), api_session_auth],
    urls_namespace="api",
)
api.add_router("/", core_router, tags=["people"])
api.add_router("/", registry_router, tags=["registry"])
api.add_router("/", meetings_router, tags=["meetings"])
api.add_router("/", agreements_router, tags=["agreements"])
api.add_router("/", finance_router, tags=["finance"])
api.add_router("/", figures_router, tags=["figures"])
api.add_router("/", reception_router, tags=["reception"])
api.add_router("/", conferences_router, tags=["conferences"])
api.add_router("/", projects_router, tags=["projects"])
api.add_router("/", search_router, tags=["search"])
# Published minutes for everyone, without login: close to OParl's shape.
api.add_router("/public", meetings_public_router, tags=["public"])
# Published programmes, registering, and a participant's own registration through their token.
api.add_router("/public", conferences_public_router, tags=["public"])


# Before the ValidationError handler: a ConflictError is a ValidationError that means "reload".
@api.exception_handler(ConflictError)
def on_conflict(request: HttpRequest, exc: ConflictError) -> HttpResponse:
    return api.create_response(request, {"detail": exc.messages[0]}, status=409)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": validation_error_detail(exc)}, status=422)


@api.exception_handler(RequestValidationError)
def on_request_error(request: HttpRequest, exc: RequestValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": request_error_detail(exc.errors)}, status=422)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": _("You do not have access.")}, status=403)


def api_urls() -> tuple:
    """The API's URL patterns, opted out of LoginRequiredMiddleware: the API answers 401 itself."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback.login_required = False
    return patterns, app_name, namespace
