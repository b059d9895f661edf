"""Project URL wiring only: each app owns its patterns."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.decorators.http import require_safe
from django.views.i18n import set_language

from partnerskap.api import api_urls
from partnerskap.core import auth, health, preferences
from partnerskap.demo.people import demo_login_hints
from partnerskap.identity import views as identity_views
from partnerskap.identity.links import login_links
from partnerskap.registry.views import home

# The probes and the scrape: RequestContextMiddleware answers GET and HEAD before any other
# middleware; the patterns name them and refuse other methods.
_probe = login_not_required

urlpatterns = [
    path(
        "logg-inn/",
        auth.PartnerskapLoginView.as_view(hints=demo_login_hints, providers=login_links),
        name="login",
    ),
    # Ends the identity provider's session too, for a person who logged in through one.
    path("logg-ut/", identity_views.LogoutView.as_view(), name="logout"),
    path("passord/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("passord/glemt/", auth.PasswordResetView.as_view(), name="password_reset"),
    path("passord/glemt/sendt/", auth.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "passord/ny/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "passord/ny/ferdig/",
        auth.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("innstillinger/", preferences.preferences, name="preferences"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("internal/isalive", _probe(require_safe(health.isalive)), name="isalive"),
    path("internal/isready", _probe(require_safe(health.isready)), name="isready"),
    path("internal/metrics", _probe(require_safe(health.prometheus_metrics)), name="metrics"),
    path("api/v1/", api_urls()),
    path("", include("partnerskap.identity.urls")),
    path("", include("partnerskap.registry.urls")),
    # Before meetings: /offentlig/arrangementer/ is not a body's /offentlig/<slug>/.
    path("", include("partnerskap.conferences.urls")),
    path("", include("partnerskap.meetings.urls")),
    path("", include("partnerskap.agreements.urls")),
    path("", include("partnerskap.finance.urls")),
    path("", include("partnerskap.figures.urls")),
    path("", include("partnerskap.reception.urls")),
    path("", include("partnerskap.projects.urls")),
    path("", include("partnerskap.goals.urls")),
    path("", include("partnerskap.plans.urls")),
    path("", include("partnerskap.annual.urls")),
    path("", include("partnerskap.search.urls")),
    path("", include("partnerskap.archive.urls")),
    path("", include("partnerskap.overview.urls")),
    path("", home, name="home"),
]
