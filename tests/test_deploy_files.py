"""The Dockerfile and the NAIS manifests, checked without Docker or a cluster (docs/deploy.md)."""

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTIONS = {
    "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME",
    "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
}  # fmt: skip


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(instruction, arguments) per logical line: continuations joined, comments dropped."""
    logical, current = [], ""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        current += " " + stripped.removesuffix("\\")
        if not stripped.endswith("\\"):
            logical.append(current.strip())
            current = ""
    assert current == "", "the Dockerfile ends inside a continued line"
    return [(line.split(None, 1)[0], line.split(None, 1)[1]) for line in logical]


def test_dockerfile_syntax():
    instructions = dockerfile_instructions()
    assert instructions[0][0] == "FROM"
    for name, arguments in instructions:
        assert name in INSTRUCTIONS, f"unknown instruction {name}"
        assert name.isupper() and arguments.strip()
    for name, arguments in instructions:
        if name == "COPY" and "--from=" not in arguments:
            for source in shlex.split(arguments)[:-1]:
                assert (ROOT / source).exists(), f"COPY {source}: no such file"
    stages = [args.split()[-1] for name, args in instructions if name == "FROM" and " AS " in args]
    for name, arguments in instructions:
        if name == "COPY" and "--from=" in arguments:
            assert re.search(r"--from=(\S+)", arguments)[1] in stages


def test_image_runs_unprivileged_gunicorn_with_static_files_built_in():
    instructions = dockerfile_instructions()
    final = instructions[max(i for i, (n, _a) in enumerate(instructions) if n == "FROM") :]
    users = [args for name, args in final if name == "USER"]
    assert users and users[-1].split(":")[0] not in {"0", "root"}
    assert eval_json(final, "CMD") == ["gunicorn", "-c", "python:partnerskap.gunicorn_conf"]
    run = " ".join(args for name, args in instructions if name == "RUN")
    assert "collectstatic" in run and "msgfmt" in run
    assert "[dev]" not in run  # no test tools in the image
    env = " ".join(args for name, args in final if name == "ENV")
    assert "STATIC_ROOT=/opt/static" in env and "TMPDIR=/tmp" in env
    assert ("EXPOSE", "8080") in final and "PORT=8080" in env


def eval_json(instructions, name):
    return json.loads(next(args for n, args in instructions if n == name))


def manifests() -> dict[str, dict]:
    found = {}
    for path in sorted((ROOT / "nais").glob("*.yaml")):
        (document,) = yaml.safe_load_all(path.read_text())
        found[path.stem] = document
    return found


def test_nais_has_an_app_a_worker_and_a_job():
    found = manifests()
    assert set(found) == {"app", "worker", "remind"}
    for document in found.values():
        assert document["apiVersion"].startswith("nais.io/")
        assert document["metadata"]["name"].startswith("partnerskap")
        assert document["metadata"]["labels"]["team"]
        assert document["spec"]["image"]
    assert found["app"]["kind"] == found["worker"]["kind"] == "Application"
    assert found["remind"]["kind"] == "Naisjob"


def test_the_app_manifest_probes_scrapes_and_scales():
    spec = manifests()["app"]["spec"]
    assert spec["liveness"]["path"] == "/internal/isalive"
    assert spec["readiness"]["path"] == "/internal/isready"
    assert spec["prometheus"] == {"enabled": True, "path": "/internal/metrics"}
    assert spec["replicas"]["min"] >= 2
    assert spec["port"] == 8080
    assert spec["gcp"]["sqlInstances"][0]["databases"][0]["envVarPrefix"] == "DATABASE"
    # The app runs the Entra ID login itself (docs/decisions/0039): a client, no login sidecar.
    assert spec["azure"]["application"]["enabled"] is True
    assert "sidecar" not in spec["azure"]
    assert any(
        url.endswith("/innlogging/via/entra/tilbake/")
        for url in spec["azure"]["application"]["replyURLs"]
    )


def test_the_worker_and_the_job_run_the_commands_that_exist():
    from django.core.management import get_commands

    found = manifests()
    assert found["worker"]["spec"]["command"] == ["partnerskap", "worker"]
    assert "ingresses" not in found["worker"]["spec"]
    job = found["remind"]["spec"]
    assert re.fullmatch(r"(\S+ ){4}\S+", job["schedule"])
    commands = re.findall(r"partnerskap (\w+)", " ".join(job["command"]))
    assert "remind" in commands
    assert set(commands) <= set(get_commands())


@pytest.mark.parametrize("name", ["app", "worker", "remind"])
def test_manifest_variables_are_ones_the_settings_read(name):
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
    for variable in manifests()[name]["spec"].get("env", []):
        assert variable["name"] in listed


def test_make_has_image_and_run_with_a_port():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^image:", makefile, re.MULTILINE)
    assert "docker build" in makefile
    assert "runserver 127.0.0.1:$(PORT)" in makefile
