"""Issue 17, done 2: the meeting's main job on two app processes and a worker.

Two gunicorn processes (the product's config) and one `partnerskap worker` share one PostgreSQL
database (the one pytest-django made, with the demo committed in it) and one object store
(moto's S3 server); a round-robin proxy in front spreads the browser's requests over both app
processes. The NAV leader plans a meeting, adds an item and attaches a file to it; the app
process serving the upload gets SIGTERM (what Kubernetes sends) while the upload is in flight.
The job goes on through the other process: notice and attendance. A new process comes up on
the stopped one's address (as a replacing pod) and takes its share while the minute-taker records
decisions and follow-ups, marks the meeting held and sends the minutes for comments. Then the
other process crashes (SIGKILL to its master between two pages: its worker sees the master gone,
finishes and stops listening), and the new one alone serves the approval, the publication and
the download. The e-mails leave from the worker through SMTP (a sink here).

What is allowed when a process stops, and nothing more: the request in flight at SIGTERM is
finished by the stopping process (a graceful stop), and a request sent to it once it has stopped
listening is refused and goes to the other process (the proxy fails over on refusal only, never
sends a request twice). No request goes unanswered and no response is a 5xx. The upload is let
through only once the stopping process refuses connections, so no request can reach it in the
moment between SIGTERM and closing its socket: gunicorn's threaded worker drops a connection
it has accepted but not yet read when it stops, and what happens to such a request is the load
balancer's affair (taking the pod out of rotation before it stops), not the application's.
And nothing is lost: every item, decision and follow-up is in the database, the attachment is in
the bucket with the uploaded bytes, nothing was written to the local disk, the minutes are
published, and each invitee got the notice and the minutes exactly once.

PostgreSQL only: SQLite is one file on one machine, not something two servers share, and CI runs
the browser tests on PostgreSQL (docs/decisions/0025).
"""

import hashlib
import io
import signal
import socket
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfWriter

from partnerskap.core.models import User
from partnerskap.meetings.models import ActionItem, Attendance, AttendanceStatus, ItemKind, Meeting
from partnerskap.meetings.models import MeetingStatus as S

from ..test_backup_restore import server_url
from ..test_deploy_check import production_env
from ..test_gunicorn import free_port, get, wait_until_ready
from .cluster import Forwarded, Processes, Proxy, S3Server, SmtpSink
from .conftest import DEMO_PASSWORD, follow, log_in, open_page, submit, visit
from .test_meetings import (
    DECISION,
    FIRST_FOLLOW_UP,
    SECOND_FOLLOW_UP,
    click_in,
    hold_earlier_meeting,
    item_block,
    label,
    nb,
    orland_body,
    public_link_name,
    record_decisions_and_follow_ups,
    send_notice_and_take_attendance,
    status_of,
    status_text,
)

pytestmark = pytest.mark.postgres

NEW_ITEM = "Felles innsats for unge uten arbeid"
REGION = "eu-north-1"
PEOPLE_WHO_LOG_IN = ["leder.orland", "referent.orland"]


def a_pdf() -> bytes:
    """A one-page PDF of about 100 kB, most of it binary (an embedded file)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_attachment("tall.bin", bytes(range(256)) * 400)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


ATTACHMENT = a_pdf()


@dataclass
class Cluster:
    proxy: Proxy
    processes: Processes
    smtp: SmtpSink
    s3_server: S3Server
    s3: object  # boto3's S3 client
    bucket: str
    media_root: Path


@pytest.fixture
def bucket_server() -> Iterator[tuple[S3Server, object, str]]:
    """moto's S3 server on a free port, with an empty bucket: (server, client, bucket)."""
    boto3 = pytest.importorskip("boto3")
    server = S3Server()
    client = boto3.client(
        "s3",
        endpoint_url=server.endpoint,
        region_name=REGION,
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    bucket = f"partnerskap-{uuid.uuid4().hex[:8]}"
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    yield server, client, bucket
    server.close()


@pytest.fixture
def cluster(demo_data: None, bucket_server, tmp_path: Path) -> Iterator[Cluster]:
    """Two app processes and a worker on the test database, ready, behind the proxy.

    Asks for the demo (and with it the committed test database) first, so that the processes
    are ended before pytest-django empties the tables after the test."""
    s3_server, s3, bucket = bucket_server
    smtp = SmtpSink()
    media_root = tmp_path / "media"
    media_root.mkdir()
    _hash_passwords_as_production_does(PEOPLE_WHO_LOG_IN)
    env = production_env(
        tmp_path,
        DATABASE_URL=server_url(_test_database()),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        HOST="127.0.0.1",
        WEB_CONCURRENCY="1",
        GUNICORN_GRACEFUL_TIMEOUT="20",
        MEDIA_ROOT=str(media_root),
        FILE_STORAGE="s3",
        FILE_BUCKET=bucket,
        S3_ENDPOINT_URL=s3_server.endpoint,
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_DEFAULT_REGION=REGION,
        EMAIL_URL=f"smtp+plain://127.0.0.1:{smtp.port}",
        DEFAULT_FROM_EMAIL="partnerskap@example.no",
        TASKS_BACKEND="database",
        LOG_LEVEL="INFO",
    )
    processes = Processes(env, tmp_path)
    proxy = None
    try:
        ports = [free_port(), free_port()]
        apps = [processes.gunicorn(f"app{n}", port) for n, port in enumerate(ports)]
        processes.worker()
        for app, port in zip(apps, ports, strict=True):
            wait_until_ready(f"http://127.0.0.1:{port}", app)
            # The first page a process serves imports the views (WeasyPrint among them: seconds
            # on a busy machine); the browser's timeouts are for pages, not for that.
            get(f"http://127.0.0.1:{port}/logg-inn/", **{"X-Request-ID": "warm-up-request"})
        proxy = Proxy([("127.0.0.1", port) for port in ports])
        yield Cluster(proxy, processes, smtp, s3_server, s3, bucket, media_root)
    finally:
        processes.stop_all()
        if proxy is not None:
            proxy.close()
        smtp.close()


def _hash_passwords_as_production_does(usernames: list[str]) -> None:
    """The suite hashes passwords with MD5 for speed (tests/conftest.py); the app processes
    know only the production hashers."""
    hasher = PBKDF2PasswordHasher()
    User.objects.filter(username__in=usernames).update(
        password=hasher.encode(DEMO_PASSWORD, hasher.salt())
    )


def _test_database() -> str:
    from django.db import connection

    return connection.settings_dict["NAME"]


@pytest.fixture
def proxied_page(browser: Browser, cluster: Cluster, request) -> Iterator[Page]:
    with open_page(browser, cluster.proxy.url, request) as page:
        yield page


# --- the job, step by step ------------------------------------------------------------------


def plan_the_meeting(page: Page, body) -> Meeting:
    """The NAV leader plans a meeting from the body's page (as tests/browser/test_meetings.py),
    for today: the servers here are processes of their own, where the tests' clock for the
    meeting-day checks does not reach (a meeting is marked held on its day, not before)."""
    day = timezone.localdate()
    log_in(page, "leder.orland")
    visit(page, reverse("meetings:body_detail", args=[body.pk]))
    follow(page, nb("Plan a meeting"))
    page.locator("#id_day").fill(day.isoformat())
    page.locator("#id_chair").select_option(label="Per Aune")
    page.locator("#id_minute_taker").select_option(label="Jonas Berg")
    submit(page, nb("Plan the meeting"))
    meeting = Meeting.objects.filter(body=body).order_by("-created_at").first()
    assert reverse("meetings:meeting_detail", args=[meeting.pk]) in page.url
    return meeting


def add_an_item(page: Page, meeting: Meeting):
    follow(page, nb("New item"))
    page.locator("#id_title").fill(NEW_ITEM)
    page.locator("#id_kind").select_option(value=ItemKind.DISCUSSION)
    page.locator("#id_background").fill("Tall fra NAV og kommunen for 2026.")
    submit(page, nb("Add the item"))
    item = meeting.items.get(title=NEW_ITEM)
    expect(item_block(page, item)).to_contain_text(NEW_ITEM)
    return item


def upload_while_its_server_stops(page: Page, cluster: Cluster, item) -> int:
    """Attach a file; the app process serving the upload gets SIGTERM while it stores the
    file in the bucket, and the upload is let through only once that process no longer
    accepts connections. Returns the number of the stopped process."""
    upload = reverse("meetings:attachment_add", args=[item.pk])
    serving: list[int] = []

    def note_the_backend(request: Forwarded, backend: int) -> None:
        if request.method == "POST" and request.path == upload:
            serving.append(backend)

    def stop_it(path: str) -> None:
        cluster.s3_server.on_put = None
        app = cluster.processes.started[f"app{serving[0]}"]
        app.send_signal(signal.SIGTERM)
        host, port = cluster.proxy.backends[serving[0]]
        assert_stops_listening(host, port)

    cluster.proxy.on_sent = note_the_backend
    cluster.s3_server.on_put = stop_it
    click_in(page, item_block(page, item), f"{nb('Attach a file')} {label(item)}")
    page.locator("#id_file").set_input_files(
        {"name": "handlingsplan.pdf", "mimeType": "application/pdf", "buffer": ATTACHMENT}
    )
    submit(page, nb("Upload"))
    cluster.proxy.on_sent = None
    assert cluster.s3_server.on_put is None, "the upload was not stored in the bucket"
    expect(item_block(page, item)).to_contain_text("handlingsplan.pdf")
    stopped = cluster.processes.started[f"app{serving[0]}"]
    assert stopped.wait(timeout=30) == 0, "gunicorn did not stop gracefully"
    return serving[0]


def assert_stops_listening(host: str, port: int) -> None:
    for _ in range(200):
        try:
            socket.create_connection((host, port), timeout=1).close()
        except ConnectionRefusedError:
            return
        time.sleep(0.05)
    raise AssertionError(f"the stopping app process still accepts connections on {port}")


def record_the_minutes(page: Page, meeting: Meeting) -> list:
    """The minute-taker records the decisions and two follow-ups, marks the meeting held and
    sends the minutes for comments."""
    page.context.clear_cookies()
    log_in(page, "referent.orland")
    visit(page, reverse("meetings:meeting_detail", args=[meeting.pk]))
    due = timezone.localdate() + timedelta(days=45)
    decisions = record_decisions_and_follow_ups(page, meeting, due=due)
    submit(page, nb("Mark as held"))
    expect(status_of(page)).to_contain_text(status_text(S.HELD))
    page.locator("#id_deadline").fill((timezone.localdate() + timedelta(days=7)).isoformat())
    submit(page, nb("Send for comments"))
    expect(status_of(page)).to_contain_text(status_text(S.MINUTES_IN_COMMENT))
    return decisions


def approve_and_publish(page: Page, meeting: Meeting, body) -> None:
    page.context.clear_cookies()
    log_in(page, "leder.orland")
    visit(page, reverse("meetings:meeting_detail", args=[meeting.pk]))
    follow(page, nb("Approve the minutes"))  # the page that asks first
    page.locator("#id_before_deadline").check()  # the comment period closes early
    page.locator("#id_publish").check()
    submit(page, nb("Approve the minutes"))
    expect(status_of(page)).to_contain_text(status_text(S.PUBLISHED))
    page.context.clear_cookies()
    visit(page, reverse("meetings:public_body", args=[body.slug]))
    follow(page, public_link_name(timezone.localtime(meeting.starts_at).date()))
    expect(page.get_by_role("main")).to_contain_text(FIRST_FOLLOW_UP)
    expect(page.get_by_role("main")).to_contain_text("Kari Nordmann")


# --- the test -------------------------------------------------------------------------------


def test_two_app_processes_and_a_worker_serve_the_meeting_job_and_one_may_stop(
    proxied_page: Page, cluster: Cluster
) -> None:
    page = proxied_page
    body = orland_body()
    hold_earlier_meeting(body)

    meeting = plan_the_meeting(page, body)
    item = add_an_item(page, meeting)
    marks = {"stop": len(cluster.proxy.forwarded)}
    stopped = upload_while_its_server_stops(page, cluster, item)
    send_notice_and_take_attendance(page, meeting)
    marks["restart"] = len(cluster.proxy.forwarded)
    restart(cluster, stopped)
    decisions = record_the_minutes(page, meeting)
    marks["crash"] = len(cluster.proxy.forwarded)
    crash(cluster, 1 - stopped)
    approve_and_publish(page, meeting, body)
    downloaded = download_the_attachment(page, item)

    assert_the_requests_were_spread_and_none_failed(cluster, marks, stopped)
    assert_nothing_was_lost(cluster, meeting, item, decisions, downloaded)
    assert_each_invitee_got_each_email_once(cluster, meeting)


def restart(cluster: Cluster, number: int) -> None:
    """A new app process on the stopped one's address, as a replacing pod comes up."""
    host, port = cluster.proxy.backends[number]
    app = cluster.processes.gunicorn(f"app{number}-again", port)
    wait_until_ready(f"http://{host}:{port}", app)
    get(f"http://{host}:{port}/logg-inn/", **{"X-Request-ID": "warm-up-request"})


def crash(cluster: Cluster, number: int) -> None:
    """SIGKILL to the app process's master, between two pages: no graceful stop. Its worker
    sees its master gone, finishes what it holds and stops listening."""
    app = cluster.processes.started[f"app{number}"]
    app.kill()
    assert app.wait(timeout=10) == -signal.SIGKILL
    assert_stops_listening(*cluster.proxy.backends[number])


def download_the_attachment(page: Page, item) -> bytes:
    log_in(page, "leder.orland")
    (attachment,) = item.attachments.all()
    response = page.request.get(reverse("meetings:attachment_download", args=[attachment.pk]))
    assert response.status == 200
    return response.body()


# --- what must hold afterwards --------------------------------------------------------------


def assert_the_requests_were_spread_and_none_failed(
    cluster: Cluster, marks: dict[str, int], stopped: int
) -> None:
    forwarded, other = cluster.proxy.forwarded, 1 - stopped
    failed = [f for f in forwarded if f.status >= 500]
    assert not failed, f"answered with 5xx or not at all: {failed}"
    served = Counter(f.backend for f in forwarded[: marks["stop"]])
    assert served[0] >= 5 and served[1] >= 5, f"not spread over both processes: {served}"

    (upload,) = [f for f in forwarded if f.method == "POST" and "/vedlegg/ny/" in f.path]
    assert (upload.backend, upload.status) == (stopped, 302), "the upload in flight was lost"
    alone = forwarded[forwarded.index(upload) + 1 : marks["restart"]]
    assert {f.backend for f in alone} == {other}
    assert sum(stopped in f.refused_by for f in alone) >= len(alone) // 2 >= 3
    both = forwarded[marks["restart"] : marks["crash"]]
    assert not any(f.refused_by for f in both)
    served = Counter(f.backend for f in both)
    assert served[0] >= 5 and served[1] >= 5, f"the new process took no share: {served}"
    after_crash = forwarded[marks["crash"] :]
    assert {f.backend for f in after_crash} == {stopped}
    assert sum(other in f.refused_by for f in after_crash) >= len(after_crash) // 2 >= 3
    print(
        f"{len(forwarded)} requests: app0 answered {len(cluster.proxy.served_by(0))}, app1 "
        f"{len(cluster.proxy.served_by(1))}; app{stopped} stopped gracefully in request "
        f"{forwarded.index(upload) + 1}, came back before request {marks['restart'] + 1}; "
        f"app{other} crashed before request {marks['crash'] + 1}"
    )
    assert_the_logs_agree(cluster, stopped)


def assert_the_logs_agree(cluster: Cluster, stopped: int) -> None:
    """The processes' own JSON logs agree with the proxy on who served what, and tell how each
    one stopped."""
    processes = cluster.processes
    for number in (0, 1):
        names = [name for name in processes.started if name.startswith(f"app{number}")]
        logged = {
            line["request_id"]
            for name in names
            for line in processes.log(name)
            if line["logger"] == "partnerskap.requests" and line["request_id"] != "warm-up-request"
        }
        assert logged == {f.request_id for f in cluster.proxy.forwarded if f.backend == number}
    messages = [line["message"] for line in processes.log(f"app{stopped}")]
    assert "Handling signal: term" in messages
    assert messages[-1].startswith("Shutting down: Master")
    assert processes.started[f"app{stopped}"].returncode == 0
    crashed = [line["message"] for line in processes.log(f"app{1 - stopped}")]
    assert any(message.startswith("Parent changed, shutting down") for message in crashed)


def assert_nothing_was_lost(cluster: Cluster, meeting, item, decisions, downloaded) -> None:
    meeting.refresh_from_db()
    assert meeting.status == S.PUBLISHED
    assert meeting.items.filter(title=NEW_ITEM).count() == 1
    assert [d.decision_text for d in meeting.items.filter(pk__in=[d.pk for d in decisions])] == [
        DECISION
    ] * len(decisions)
    titles = ActionItem.objects.filter(item=decisions[0]).values_list("title", flat=True)
    assert sorted(titles) == sorted([FIRST_FOLLOW_UP, SECOND_FOLLOW_UP])
    assert meeting.attendances.filter(name__startswith="Kari Nordmann").count() == 1

    (attachment,) = item.attachments.all()
    stored = cluster.s3.get_object(Bucket=cluster.bucket, Key=attachment.file.name)["Body"].read()
    expected = hashlib.sha256(ATTACHMENT).hexdigest()
    assert hashlib.sha256(stored).hexdigest() == expected
    assert hashlib.sha256(downloaded).hexdigest() == expected
    assert list(cluster.media_root.rglob("*")) == [], "files were written to the local disk"


def assert_each_invitee_got_each_email_once(cluster: Cluster, meeting: Meeting) -> None:
    deadline = time.monotonic() + 60
    while DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists():
        assert time.monotonic() < deadline, "the worker did not work off the queue"
        time.sleep(0.2)
    assert not DBTaskResult.objects.filter(status="FAILED").exists()
    for task in ("send_notice", "send_minutes_for_comments"):
        sent = DBTaskResult.objects.filter(task_path=f"partnerskap.meetings.tasks.{task}")
        assert [t.args_kwargs["args"] for t in sent] == [[meeting.pk, "nb"]]

    invitees = Attendance.objects.filter(meeting=meeting, person__isnull=False).exclude(
        status=AttendanceStatus.GUEST
    )
    expected = Counter(a.person.email for a in invitees if a.person.email)
    assert len(expected) >= 3
    when = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y %H:%M")
    for subject in ("Notice: %(body)s %(date)s", "Minutes for comments: %(body)s %(date)s"):
        subject = nb(subject) % {"body": meeting.body.name, "date": when}
        received = [m for m in cluster.smtp.received if m.message["Subject"].strip() == subject]
        assert Counter(r for m in received for r in m.recipients) == expected, subject
