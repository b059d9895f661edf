"""The one settings module, configured only by environment variables (see .env.example)."""

import logging
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from partnerskap.core.logs import logging_config
from partnerskap.core.mailconfig import EmailUrlError, email_settings
from partnerskap.core.storage import storages_setting
from partnerskap.identity.config import providers_from_env

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


DEBUG = env_bool("DEBUG", False)
_DEV_SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105 - DEBUG only
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("PARTNERSKAP_ALLOW_DEV_KEY"):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see .env.example).")
    SECRET_KEY = _DEV_SECRET_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "partnerskap.core",
    "partnerskap.registry",
    "partnerskap.meetings",
    "partnerskap.agreements",
    "partnerskap.finance",
    "partnerskap.figures",
    "partnerskap.reception",
    "partnerskap.conferences",
    "partnerskap.projects",
    "partnerskap.goals",
    "partnerskap.plans",
    "partnerskap.annual",
    "partnerskap.search",
    "partnerskap.archive",
    "partnerskap.overview",
    "partnerskap.documents",
    "partnerskap.identity",
    "partnerskap.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "modelsearch",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "partnerskap.core.middleware.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "partnerskap.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "partnerskap.urls"
WSGI_APPLICATION = "partnerskap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
            "builtins": ["partnerskap.core.templatetags.norsk"],
        },
    }
]

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(PROJECT_DIR / "var" / "partnerskap.sqlite3")),
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Full-text search (docs/decisions/0046): PostgreSQL's full-text search with its Norwegian
# configuration, or SQLite's FTS5 — modelsearch picks by the database.
MODELSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "modelsearch.backends.database",
        "SEARCH_CONFIG": "norwegian",
        "AUTO_UPDATE": True,
    }
}
# Background work (e-mail with documents, search index updates; docs/decisions/0036): in
# production a queue in the database that `partnerskap worker` works off; in development the
# tasks run at once in the request. TASKS_BACKEND=database|immediate overrides.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "") or ("immediate" if DEBUG else "database")
if TASKS_BACKEND not in {"database", "immediate"}:
    raise ImproperlyConfigured("TASKS_BACKEND must be database or immediate.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    # First: a locked-out account or address is refused before any password is hashed.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link works for a day

# Login with a work identity (OpenID Connect, docs/decisions/0039): NAV's Entra ID with the
# variables NAIS sets (AZURE_APP_WELL_KNOWN_URL, AZURE_APP_CLIENT_ID, AZURE_APP_CLIENT_SECRET) and
# ID-porten with IDPORTEN_WELL_KNOWN_URL, IDPORTEN_CLIENT_ID, IDPORTEN_CLIENT_SECRET. A provider is
# offered when all three of its variables are set; `check --deploy` warns of one half set.
OIDC_PROVIDERS, OIDC_MISSING = providers_from_env(os.environ)

# Login throttling (django-axes, docs/decisions/0064): after LOGIN_FAILURE_LIMIT wrong passwords
# for one account, or from one address, logging in there pauses for LOGIN_COOLOFF_MINUTES.
# PROXY_COUNT is the number of trusted reverse proxies in front of the app, so that the address
# counted is the client's and not the proxy's (core.auth.client_ip).
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
LOGIN_COOLOFF_MINUTES = env_int("LOGIN_COOLOFF_MINUTES", 15)
PROXY_COUNT = env_int("PROXY_COUNT", 0)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own, not the pair
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "partnerskap.core.auth.client_ip"
AXES_LOCKOUT_CALLABLE = "partnerskap.core.auth.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

# Bokmål first, nynorsk second, English third (docs/decisions/0004-languages.md).
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("nn", _("Norwegian Nynorsk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["partnerskap.core.formats"]
LANGUAGE_COOKIE_NAME = "partnerskap_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", "") or PROJECT_DIR / "var" / "static")
# Uploaded and generated files (docs/decisions/0037): the local disk at MEDIA_ROOT, or a bucket
# with FILE_STORAGE=s3|gcs and FILE_BUCKET (S3_ENDPOINT_URL for an S3-compatible server; the
# credentials come the way boto3 and Google's client find them). CLAMAV_URL (tcp://host:3310 or
# unix:///path) scans every file before it is stored.
FILE_STORAGE = os.environ.get("FILE_STORAGE", "") or "local"
try:
    _default_storage = storages_setting(
        FILE_STORAGE, os.environ.get("FILE_BUCKET", ""), os.environ.get("S3_ENDPOINT_URL", "")
    )
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None
CLAMAV_URL = os.environ.get("CLAMAV_URL", "")
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(PROJECT_DIR / "var" / "media")))
MEDIA_URL = "/media/"

# E-mail from one URL (partnerskap/core/mailconfig.py lists the forms). Development prints it to
# the log; `check --deploy` fails while production has not set it.
EMAIL_URL_GIVEN = bool(os.environ.get("EMAIL_URL", "").strip())
try:
    globals().update(email_settings(os.environ.get("EMAIL_URL", "").strip() or "console://"))
except EmailUrlError as error:
    raise ImproperlyConfigured(str(error)) from None
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "partnerskap@localhost")

SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp; Django 5.2 has none of its own, docs/decisions/0065):
# everything from our own origin, nothing inline. The templates carry no inline script, style
# or event handler; charts are SVG with presentation attributes; htmx is told not to inject its
# indicator style (core/base.html); images may be data: URIs (Aksel's icons in CSS).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Logs go to stdout, one JSON object a line with the request id (text in development);
# LOG_FORMAT=json|text overrides. LOG_LEVEL for everything but the one line per request.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = logging_config(
    json_format=LOG_FORMAT == "json", level=os.environ.get("LOG_LEVEL", "WARNING")
)
# Python's warnings would go to stderr as plain text: log them as JSON lines like the rest.
logging.captureWarnings(LOG_FORMAT == "json")

# Lists show this many rows a page.
PAGE_SIZE = env_int("PAGE_SIZE", 50)

NINJA_PAGINATION_PER_PAGE = PAGE_SIZE
