"""Done 6: docs/deploy.md's setup commands, run as written against an empty PostgreSQL database,
give a service in Norwegian with no demo person, whose first administrator signs in and, on the
pages and without Django's admin, records an office, a partnership and a person, gives the person
a login and a role, after which that person signs in; and production settings without EMAIL_URL
fail the check."""

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
        line.split(" #", 1)[0].split()[1:]  # a shell comment is not an argument
        for line in lines
        if line.startswith("/srv/partnerskap/venv/bin/partnerskap")
    ]


def _one(database: str, sql: str, *args: object) -> object:
    with psycopg.connect(database) as connection:
        row = connection.execute(sql, args).fetchone()
    assert row is not None, sql
    return row[0]


def _first_partnership_and_its_leader(browser: "Browser", database: str, password: str) -> None:
    """What the doc tells the first administrator to do, on the pages, as a person would."""
    county = _one(database, "SELECT id FROM registry_county WHERE number = %s", "50")
    municipality = _one(database, "SELECT id FROM registry_municipality WHERE number = %s", "5057")
    browser.send_form(
        "/kontor/ny/", unit_number="5057", name="NAV Ørland", county=county, valid_from="2024-01-01"
    )
    office = _one(database, "SELECT id FROM registry_office WHERE unit_number = %s", "5057")
    browser.send_form(
        "/partnerskap/ny/",
        name="NAV Ørland",
        office=office,
        model="single",
        valid_from="2024-01-01",
        state_county=county,
        municipalities=municipality,
    )
    partnership = _one(database, "SELECT id FROM registry_partnership WHERE office_id = %s", office)
    browser.send_form("/personer/ny/", name="Kari Leder", email="kari.leder@nav.no")
    person = _one(database, "SELECT id FROM core_user WHERE email = %s", "kari.leder@nav.no")
    browser.send_form(f"/personer/{person}/innlogging/", username="kari.leder", password=password)
    browser.send_form(
        f"/partnerskap/{partnership}/roller/ny/",
        person=person,
        kind="nav_leader",
        valid_from="2024-01-01",
    )
    assert (
        _one(
            database,
            "SELECT kind FROM registry_role WHERE person_id = %s AND partnership_id = %s",
            person,
            partnership,
        )
        == "nav_leader"
    )

    leader = Browser(browser.port)
    leader.send_form("/logg-inn/", username="kari.leder", password=password)
    assert leader.location == "/"
    assert "NAV Ørland" in leader.request("GET", f"/partnerskap/{partnership}/")


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
        assert response.status in (200, 302), (path, response.status, text[:3000])
        return text

    def send_form(self, path: str, **fields: object) -> None:
        """Open the form's page, then send it with its CSRF token; it must be accepted."""
        page = self.request("GET", path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        self.request("POST", path, {"csrfmiddlewaretoken": token, **fields})
        assert response_redirected(self), f"{path} did not accept the form"


def response_redirected(browser: "Browser") -> bool:
    return browser.location is not None


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
    assert [c[0] for c in commands] == [
        "check",
        "migrate",
        "registry",
        "collectstatic",
        "createsuperuser",
    ]
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
        _first_partnership_and_its_leader(browser, empty_database, password)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)

    without_email = partnerskap(env | {"EMAIL_URL": ""}, "check", "--deploy")
    assert without_email.returncode != 0 and "partnerskap.E001" in without_email.stderr
