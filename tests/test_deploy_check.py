"""Production settings: `check --deploy` is clean, and nothing insecure is a default."""

import importlib.util
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from django.core.exceptions import ImproperlyConfigured

import partnerskap.settings

SETTINGS_FILE = Path(partnerskap.settings.__file__)
# Every variable the settings read, so that none leaks in from the shell running the tests.
SETTINGS_VARIABLES = (
    "DEBUG",
    "SECRET_KEY",
    "PARTNERSKAP_ALLOW_DEV_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "SQLITE_PATH",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "EMAIL_URL",
    "DEFAULT_FROM_EMAIL",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "LOG_LEVEL",
    "LOG_FORMAT",
    "TASKS_BACKEND",
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_COOLOFF_MINUTES",
    "PROXY_COUNT",
    "FILE_STORAGE",
    "FILE_BUCKET",
    "S3_ENDPOINT_URL",
    "CLAMAV_URL",
    "PAGE_SIZE",
    "DJANGO_SETTINGS_MODULE",
)


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """A server's environment: the basics and the production settings, nothing of the test run.

    The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE, which `check --deploy` rightly refuses.
    """
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")}
    env |= {
        "SECRET_KEY": secrets.token_urlsafe(50),  # 67 characters
        "ALLOWED_HOSTS": "partnerskap.example.no",
        "SQLITE_PATH": str(tmp_path / "partnerskap.sqlite3"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_URL": "smtp://partnerskap%40example.no:secret@smtp.example.no",
    }
    env |= overrides
    return {k: v for k, v in env.items() if v != ""}


def partnerskap(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "partnerskap", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def load_settings(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> ModuleType:
    """Execute settings.py afresh under a throwaway name, with exactly this environment."""
    for name in SETTINGS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("settings_under_test", SETTINGS_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    result = partnerskap(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_check_deploy_refuses_the_development_key(tmp_path):
    """The escape hatch for tools that need settings without a key is caught before deploying."""
    env = production_env(tmp_path, SECRET_KEY="", PARTNERSKAP_ALLOW_DEV_KEY="1")
    result = partnerskap(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


def test_settings_refuse_to_load_without_a_secret_key_when_debug_is_off(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        load_settings(monkeypatch, {})
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        load_settings(monkeypatch, {"DEBUG": "0", "ALLOWED_HOSTS": "partnerskap.example.no"})


def test_debug_is_off_and_cookies_are_secure_unless_asked_for(monkeypatch):
    production = load_settings(monkeypatch, {"SECRET_KEY": secrets.token_urlsafe(50)})
    assert production.DEBUG is False
    assert production.ALLOWED_HOSTS == []
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SECURE_SSL_REDIRECT and production.SECURE_HSTS_SECONDS >= 31536000
    development = load_settings(monkeypatch, {"DEBUG": "1"})
    assert development.DEBUG is True
    assert development.SECRET_KEY != production.SECRET_KEY


def test_check_deploy_fails_without_email_url(tmp_path):
    """Without EMAIL_URL e-mail would only be printed to the log: production must say where."""
    result = partnerskap(production_env(tmp_path, EMAIL_URL=""), "check", "--deploy")
    assert result.returncode != 0
    assert "partnerskap.E001" in result.stderr + result.stdout
    assert "EMAIL_URL is not set" in result.stderr + result.stdout


def test_check_deploy_warns_when_email_stays_on_the_machine(tmp_path):
    env = production_env(tmp_path, EMAIL_URL="console://")
    result = partnerskap(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "partnerskap.W001" in result.stderr + result.stdout


def test_settings_refuse_an_email_url_they_cannot_read(monkeypatch):
    env = {"SECRET_KEY": secrets.token_urlsafe(50), "EMAIL_URL": "smtp://host:port"}
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        load_settings(monkeypatch, env)


def test_env_example_lists_every_variable_the_settings_and_gunicorn_read():
    """A newcomer configures from .env.example: nothing the code reads may be missing there."""
    import partnerskap.gunicorn_conf

    reading = re.compile(r"(?:environ\.get|environ\.setdefault|env_\w+)\([\"']([A-Z_]+)[\"']")
    read = set()
    for module in (SETTINGS_FILE, Path(partnerskap.gunicorn_conf.__file__)):
        read |= set(reading.findall(module.read_text()))
    example = (SETTINGS_FILE.parents[2] / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
    assert {"SECRET_KEY", "EMAIL_URL", "STATIC_ROOT", "SQLITE_PATH", "LOG_LEVEL", "PORT"} <= read
    assert read - listed == set()
    # The settings under test start from none of them.
    assert read & GUNICORN_VARIABLES == read - set(SETTINGS_VARIABLES)


GUNICORN_VARIABLES = {
    "HOST",
    "PORT",
    "WEB_CONCURRENCY",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_GRACEFUL_TIMEOUT",
    "FORWARDED_ALLOW_IPS",
    "PROMETHEUS_MULTIPROC_DIR",
}
