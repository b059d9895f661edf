"""Done 6, as far as the application goes today: docs/deploy.md's setup commands, run as written
against an empty PostgreSQL database, give a service in Norwegian with no demo person, whose
first administrator can sign in; and production settings without EMAIL_URL fail the check."""

import http.client
import re
import secrets
import signal
import subprocess
import sys
import urllib.parse
from http.cookies import SimpleCookie

import psycopg
import pytest

from .test_backup_restore import DEPLOY, admin, partnerskap, server_url
from .test_deploy_check import production_env
from .test_gunicorn import GUNICORN, free_port, wait_until_ready

pytestmark = pytest.mark.postgres
VENV_BIN = f"{sys.executable.rsplit('/', 1)[0]}/"


def documented_commands() -> list[list[str]]:
    """The `partnerskap` commands of the server install, in order, as the doc writes them."""
    section = DEPLOY.read_text().split("## A server without containers", 1)[1].split("\n## ")[0]
    lines = [
        line.strip()
        for block in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
        for line in block.splitlines()
    ]
    return [
        line.split()[1:]
        for line in lines
        if line.startswith("/srv/partnerskap/venv/bin/partnerskap")
    ]


class Browser:
    """Just enough of a browser behind a TLS proxy: production cookies are Secure, so the
    requests say they came over HTTPS (X-Forwarded-Proto, as the proxy in front would)."""

    def __init__(self, port: int) -> None:
        self.port, self.cookies, self.location = port, SimpleCookie(), None

    def request(self, method: str, path: str, form: dict | None = None) -> str:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {
            "X-Forwarded-Proto": "https",
            "Referer": f"https://127.0.0.1:{self.port}/logg-inn/",
            "Cookie": "; ".join(f"{k}={v.value}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        self.location = response.headers.get("Location")
        text = response.read().decode()
        assert response.status in (200, 302), (response.status, text[:500])
        return text


@pytest.fixture
def empty_database():
    name = f"pk_deploy_{secrets.token_hex(4)}"
    admin(f'CREATE DATABASE "{name}"')
    yield server_url(name)
    admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_documented_install_gives_a_norwegian_service_without_demo_people(
    tmp_path, empty_database, db
):
    commands = documented_commands()
    assert [c[0] for c in commands] == ["check", "migrate", "collectstatic", "createsuperuser"]
    port = free_port()
    env = production_env(
        tmp_path,
        DATABASE_URL=empty_database,
        STATIC_ROOT=str(tmp_path / "static"),
        ALLOWED_HOSTS="127.0.0.1",
        PORT=str(port),
        HOST="127.0.0.1",
        WEB_CONCURRENCY="1",
    )
    password = secrets.token_urlsafe(16)
    for command in commands:
        if command == ["createsuperuser"]:  # the doc's interactive step, answered up front
            command = [*command, "--no-input", "--username", "forste.admin", "--email", "a@nav.no"]
        result = partnerskap(env | {"DJANGO_SUPERUSER_PASSWORD": password}, *command)
        assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    assert (tmp_path / "static" / "staticfiles.json").exists() or any(
        (tmp_path / "static").iterdir()
    )

    with psycopg.connect(empty_database) as connection:
        usernames = [row[0] for row in connection.execute("SELECT username FROM core_user")]
    assert usernames == ["forste.admin"]  # no demo person

    server = subprocess.Popen(  # noqa: S603 - our own gunicorn and config
        [str(GUNICORN), "-c", "python:partnerskap.gunicorn_conf"],
        env=env | {"PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base, server)
        browser = Browser(port)
        login = browser.request("GET", "/logg-inn/")
        assert '<html lang="nb">' in login
        assert "Logg inn i Partnerskap" in login
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login)[1]
        form = {"csrfmiddlewaretoken": token, "username": "forste.admin", "password": password}
        browser.request("POST", "/logg-inn/", form)
        assert browser.location == "/"
        home = browser.request("GET", "/")
        assert '<html lang="nb">' in home and "Logg ut" in home
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)

    without_email = partnerskap(env | {"EMAIL_URL": ""}, "check", "--deploy")
    assert without_email.returncode != 0 and "partnerskap.E001" in without_email.stderr
