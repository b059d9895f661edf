"""The JSON API under /api/v1/: one NinjaAPI that mounts each app's router."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import ValidationError as RequestValidationError

from partnerskap.agreements.api import router as agreements_router
from partnerskap.annual.api import router as annual_router
from partnerskap.conferences.api import public_router as conferences_public_router
from partnerskap.conferences.api import router as conferences_router
from partnerskap.core.api import (
    JsonParser,
    TokenAuth,
    api_session_auth,
    request_error_detail,
    validation_error_detail,
)
from partnerskap.core.api import router as core_router
from partnerskap.core.errors import ConflictError
from partnerskap.core.openapi import DocumentedAPI
from partnerskap.figures.api import router as figures_router
from partnerskap.finance.api import router as finance_router
from partnerskap.goals.api import router as goals_router
from partnerskap.meetings.api import public_router as meetings_public_router
from partnerskap.meetings.api import router as meetings_router
from partnerskap.plans.api import router as plans_router
from partnerskap.projects.api import router as projects_router
from partnerskap.reception.api import router as reception_router
from partnerskap.registry.api import router as registry_router
from partnerskap.search.api import router as search_router

logger = logging.getLogger("django.request")

api = DocumentedAPI(
    title="Partnerskap API",
    version="1",
    description="Everything a user can do in Partnerskap, with the same access rules as the pages.",
    # The token first: a client sending one has no session cookie to protect, and the session's
    # CSRF check would refuse it before the token were tried.
    auth=[TokenAuth(), api_session_auth],
    urls_namespace="api",
    parser=JsonParser(),
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
api.add_router("/", goals_router, tags=["goals"])
api.add_router("/", plans_router, tags=["plans"])
api.add_router("/", search_router, tags=["search"])
api.add_router("/", annual_router, tags=["annual"])
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


# Anything without a handler of its own (django-ninja looks handlers up along the exception's
# classes, so 404, 401 and the ones above keep theirs) is a fault of ours: logged as Django logs
# a page's 500, so it reaches the operators the same way, and answered in JSON (issue 11).
@api.exception_handler(Exception)
def on_server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.error(
        "Internal Server Error: %s", request.path, exc_info=exc, extra={"status_code": 500}
    )
    message = _("Something went wrong on our side. The error has been logged; try again later.")
    return api.create_response(request, {"detail": message}, status=500)
