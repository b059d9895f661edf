"""Done 5: docs/deploy.md's backup and restore, run as written, from one PostgreSQL database into
a fresh one: every table has as many rows and every file the same checksum."""

import hashlib
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from .test_deploy_check import production_env

DEPLOY = Path(__file__).resolve().parents[1] / "docs" / "deploy.md"
BIN = Path(sys.executable).parent  # the venv running the tests has the partnerskap command

pytestmark = pytest.mark.postgres


def doc_blocks(section: str) -> list[str]:
    text = DEPLOY.read_text().split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", text, re.DOTALL)


def server_url(database: str) -> str:
    db = settings.DATABASES["default"]
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{database}"


def admin(statement: str) -> None:
    with psycopg.connect(server_url("postgres"), autocommit=True) as connection:
        connection.execute(statement)


def row_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }


def partnerskap(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """The command, with time for a full migration on a loaded machine."""
    return subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "partnerskap", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def checksums(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def run_block(block: str, env: dict[str, str], cwd: Path) -> None:
    env = env | {"PATH": f"{BIN}:{env['PATH']}"}
    result = subprocess.run(  # noqa: S603 - the documented commands
        ["/bin/bash", "-euo", "pipefail", "-c", block],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def two_databases():
    names = [f"pk_backup_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("source", "restored")]
    for name in names:
        admin(f'CREATE DATABASE "{name}"')
    yield [server_url(name) for name in names]
    for name in names:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_then_restore_gives_identical_rows_and_files(tmp_path, two_databases, db):
    source_url, restored_url = two_databases
    source = production_env(tmp_path, DATABASE_URL=source_url, MEDIA_ROOT=str(tmp_path / "media"))
    assert partnerskap(source, "migrate", "--no-input").returncode == 0
    made = partnerskap(
        source | {"DJANGO_SUPERUSER_PASSWORD": "a long secret for the test"},
        "createsuperuser", "--no-input", "--username", "admin", "--email", "admin@example.no",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    media = tmp_path / "media" / "vedlegg" / "2026"
    media.mkdir(parents=True)
    (media / "innkalling.pdf").write_bytes(os.urandom(50_000))
    (media / "referat æøå.docx").write_bytes(os.urandom(7_000))

    backup, restore = doc_blocks("Backup and restore")[:2]
    work = tmp_path / "backups"
    work.mkdir()
    run_block(backup, source, work)
    stamp = re.search(r"partnerskap-(\S+)\.dump", " ".join(p.name for p in work.iterdir()))[1]
    target = production_env(
        tmp_path, DATABASE_URL=restored_url, MEDIA_ROOT=str(tmp_path / "restored-media")
    )
    run_block(restore, target | {"stamp": stamp}, work)

    before, after = row_counts(source_url), row_counts(restored_url)
    assert before["core_user"] == 1 and before["django_migrations"] > 50
    assert after == before
    assert checksums(tmp_path / "restored-media") == checksums(tmp_path / "media")
    assert len(checksums(tmp_path / "media")) == 2
