"""Login through an identity provider, the "no access yet" page, and the administrators' list of
logins waiting to be connected to a person."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnerskap.core import pages
from partnerskap.core.pagination import paginate
from partnerskap.registry.access import access_scope

from . import oidc, selectors, services
from .config import Provider
from .forms import ConnectForm
from .models import ExternalIdentity

logger = logging.getLogger("partnerskap.identity")

STATES = "identity_states"  # session: state → what the callback checks, for logins under way
PENDING = "identity_pending"  # session: the identity shown on the "no access yet" page
SIGNED_IN_WITH = "identity_signed_in_with"  # session: provider and ID token, for logging out
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _provider(key: str) -> Provider:
    provider = settings.OIDC_PROVIDERS.get(key)
    if provider is None:
        raise Http404
    return provider


def _callback_uri(request: HttpRequest, provider: Provider) -> str:
    return request.build_absolute_uri(reverse("identity:callback", args=[provider.key]))


def _refused(request: HttpRequest, provider: Provider, refusal: oidc.LoginRefused) -> HttpResponse:
    """No session: the person sees why and can try again; the log says what exactly."""
    logger.warning("login refused", extra={"provider": provider.key, "reason": refusal.reason})
    context = {"message": refusal.message, "provider": provider}
    return render(request, "identity/refused.html", context, status=403)


@login_not_required
@require_safe
def start(request: HttpRequest, provider: str) -> HttpResponse:
    """Off to the provider, remembering the state, nonce and PKCE verifier in the session."""
    chosen = _provider(provider)
    try:
        started = oidc.start(chosen, _callback_uri(request, chosen))
    except oidc.LoginRefused as refusal:
        return _refused(request, chosen, refusal)
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    states = request.session.get(STATES, {})
    states[started.state] = {
        "provider": chosen.key,
        "nonce": started.nonce,
        "verifier": started.verifier,
        "next": next_url,
    }
    request.session[STATES] = dict(list(states.items())[-5:])  # a few tabs at most
    return redirect(started.url)


@login_not_required
@require_safe
def callback(request: HttpRequest, provider: str) -> HttpResponse:
    """The provider's answer: a valid login of a connected person signs them in; an unknown one
    waits for an administrator; anything else is refused without a session."""
    chosen = _provider(provider)
    states = request.session.get(STATES, {})
    started = states.pop(request.GET.get("state", ""), None)
    request.session[STATES] = states
    try:
        if request.GET.get("error"):
            raise oidc.LoginRefused(
                _("The login was cancelled or refused at %(provider)s.")
                % {"provider": chosen.label},
                f"provider answered {request.GET['error']!r}",
            )
        if started is None or started["provider"] != chosen.key:
            raise oidc.LoginRefused(
                _("The login took too long or was started in another browser. Try again."),
                "unknown state",
            )
        token = oidc.exchange(
            chosen, request.GET.get("code", ""), _callback_uri(request, chosen), started["verifier"]
        )
        claims = oidc.validate(chosen, token, started["nonce"])
    except oidc.LoginRefused as refusal:
        return _refused(request, chosen, refusal)
    identity = services.record_login(chosen, claims)
    person = identity.person
    if person is None or not person.is_active:
        logger.info("login waits for an administrator", extra={"provider": chosen.key})
        request.session[PENDING] = identity.pk
        return redirect("identity:no_access")
    login(request, person, backend=MODEL_BACKEND)
    request.session[SIGNED_IN_WITH] = {"provider": chosen.key, "id_token": token}
    return redirect(started["next"] or settings.LOGIN_REDIRECT_URL)


class LogoutView(auth_views.LogoutView):
    """Django's logout; then, for a person who logged in through a provider, the provider's
    logout, which sends them back to the login page."""

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        signed_in_with = request.session.get(SIGNED_IN_WITH)
        response = super().post(request, *args, **kwargs)
        provider = settings.OIDC_PROVIDERS.get((signed_in_with or {}).get("provider"))
        if provider is None:
            return response
        after = request.build_absolute_uri(reverse(settings.LOGOUT_REDIRECT_URL))
        try:
            url = oidc.end_session_url(provider, signed_in_with["id_token"], after)
        except oidc.LoginRefused as refusal:  # logged out here; the provider's session stays
            logger.warning("provider logout skipped", extra={"reason": refusal.reason})
            return response
        return redirect(url) if url else response


@login_not_required
@require_safe
def no_access(request: HttpRequest) -> HttpResponse:
    """ "You have no access yet": who to ask, and the code that tells them which login is yours."""
    identity = ExternalIdentity.objects.filter(
        pk=request.session.get(PENDING), person__isnull=True
    ).first()
    provider = settings.OIDC_PROVIDERS.get(identity.provider) if identity else None
    context = {"identity": identity, "provider": provider}
    return render(request, "identity/no_access.html", context)


def _admin_only(request: HttpRequest) -> None:
    if not access_scope(request.user).is_admin:
        raise PermissionDenied


def _identity_list(request: HttpRequest, rows: object, *, connected: bool) -> HttpResponse:
    _admin_only(request)
    page = paginate(request, rows)
    labels = {key: p.label for key, p in settings.OIDC_PROVIDERS.items()}
    for identity in page.object_list:
        identity.provider_label = labels.get(identity.provider, identity.provider)
    return render(request, "identity/pending.html", {"page": page, "connected": connected})


@require_safe
def pending(request: HttpRequest) -> HttpResponse:
    """The logins waiting for a person."""
    return _identity_list(request, selectors.pending_identities(), connected=False)


@require_safe
def connected(request: HttpRequest) -> HttpResponse:
    """The logins connected to a person, each with a button to disconnect it."""
    return _identity_list(request, selectors.connected_identities(), connected=True)


@require_POST
def disconnect(request: HttpRequest, pk: int) -> HttpResponse:
    _admin_only(request)
    identity = get_object_or_404(ExternalIdentity.objects.select_related("person"), pk=pk)
    person = identity.person
    services.identity_disconnect(actor=request.user, identity=identity)
    if person is not None:
        messages.success(
            request,
            _("The login %(code)s no longer belongs to %(person)s.")
            % {"code": identity.code, "person": person.display_name},
        )
    return redirect("identity:connected")


@require_http_methods(["GET", "POST"])
def connect(request: HttpRequest, pk: int) -> HttpResponse:
    _admin_only(request)
    identity = get_object_or_404(ExternalIdentity, pk=pk, person__isnull=True)
    form = ConnectForm(
        pages.posted(request), initial={"person": selectors.suggested_person(identity)}
    )
    details = ", ".join(filter(None, [identity.name, identity.email, identity.nav_ident]))
    return pages.form_view(
        request,
        form,
        template="identity/connect.html",
        save=lambda data: services.identity_connect(
            actor=request.user, identity=identity, person=data["person"]
        ),
        then=lambda _identity: reverse("identity:pending"),
        saved=lambda done: (
            _("The login %(code)s now belongs to %(person)s.")
            % {"code": done.code, "person": done.person.display_name}
        ),
        title=_("Connect the login %(code)s to a person") % {"code": identity.code},
        submit=_("Connect"),
        back=reverse("identity:pending"),
        identity=identity,
        details=details,
    )
