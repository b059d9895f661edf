"""Done 5 of issue 12: every command a person runs speaks Norwegian to the end — its output, its
errors (without Django's "CommandError:" prefix) and argparse's complaints."""

import re

import pytest
from django.core.management import load_command_class

from partnerskap.core.management.base import PartnerskapCommand, argparse_message

ENGLISH = re.compile(
    r"\b(the|was|were|not|would|could|sent|and|of|is|must|may|only|with|error|errors|usage|"
    r"required|reminders|imported|CommandError|Traceback)\b",
    re.IGNORECASE,
)
COMMANDS = {
    "agreement_reminders": "agreements",
    "agreement_template": "agreements",
    "noark_extract": "archive",
    "conferences_remind": "conferences",
    "conferences_retention": "conferences",
    "token": "core",
    "demo": "demo",
    "figures": "figures",
    "remind": "meetings",
    "search_rebuild": "search",
    "registry": "registry",
}


def run(capsys, monkeypatch, *argv: str) -> tuple[int, str]:
    # the command closes the database connections when it ends, which would end the test's
    monkeypatch.setattr("partnerskap.core.management.base.connections.close_all", lambda: None)
    app = COMMANDS[argv[0]]
    command = load_command_class(f"partnerskap.{app}", argv[0])
    code = 0
    try:
        command.run_from_argv(["partnerskap", *argv])
    except SystemExit as exit:
        code = int(exit.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_every_command_is_a_partnerskap_command():
    for name, app in COMMANDS.items():
        assert isinstance(load_command_class(f"partnerskap.{app}", name), PartnerskapCommand)


@pytest.mark.parametrize(
    "argv,code,expected",
    [
        (("remind", "--dry-run"), 0, "referater ville blitt regnet som godkjent"),
        (("remind",), 0, "referater regnet som godkjent"),
        (("remind", "--date", "i morgen"), 1, "--date må være en dato som ÅÅÅÅ-MM-DD"),
        (("token", "ingen", "Power BI"), 1, "Ingen person har brukernavnet «ingen»."),
        (("figures", "import", "x.csv"), 2, "disse må oppgis: --partnership"),
        (("figures", "import", "--partnership", "0", "x.csv"), 1, "Ingen partnerskap har id 0."),
        (("token",), 2, "disse må oppgis: username, name"),
        (("remind", "--bogus"), 2, "ukjente argumenter: --bogus"),
        (("conferences_remind",), 0, "tilbud gikk ut"),
        (("conferences_retention",), 0, "arrangementer forbi"),
        (("agreement_reminders",), 0, "påminnelser sendt"),
        (
            (
                "noark_extract",
                "finnes-ikke",
                "--from",
                "2020-01-01",
                "--to",
                "2020-12-31",
                "--output",
                "uttrekk.tar",
            ),
            1,
            "Fant ikke organet «finnes-ikke».",
        ),
    ],
)
def test_command_output_and_errors_are_norwegian(db, capsys, monkeypatch, argv, code, expected):
    exit_code, text = run(capsys, monkeypatch, *argv)
    assert exit_code == code, text
    assert expected in text
    assert not ENGLISH.search(text), text


def test_a_figures_file_that_fails_says_so_in_norwegian(world, capsys, monkeypatch, tmp_path):
    path = tmp_path / "tom.csv"
    path.write_bytes(b"")
    code, text = run(
        capsys, monkeypatch, "figures", "import", "--partnership", str(world.orland.pk), str(path)
    )
    assert code == 1
    assert "Noen filer ble ikke importert; ingenting fra dem ble lagret." in text
    assert not ENGLISH.search(text), text


def test_argparse_messages_are_translated():
    assert argparse_message("argument --x: expected one argument") == "--x trenger en verdi"
    assert argparse_message("argument --n: invalid int value: 'a'") == (
        "--n: 'a' er ikke en gyldig verdi"
    )


def test_a_new_key_is_explained_in_norwegian(world, capsys, monkeypatch):
    code, text = run(capsys, monkeypatch, "token", "nav_leader", "Power BI")
    assert code == 0
    assert "Den vises bare denne ene gangen." in text
    assert not ENGLISH.search(text), text
