"""The base of every Partnerskap command: it speaks the user's language to the very end.

Django prints a failed command as "CommandError: <message>" and lets argparse print its own
English errors; a person running `partnerskap remind` from cron or a terminal should read one
sentence in Norwegian instead (docs/decisions/0027). Commands raise CommandError with a
translated message as usual; this class prints it alone.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from typing import Any, NoReturn

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import (
    BaseCommand,
    CommandError,
    CommandParser,
    handle_default_options,
)
from django.db import connections
from django.utils.translation import gettext as _

# argparse's own messages (English, untranslated) and what we say instead
_ARGPARSE = (
    (re.compile(r"the following arguments are required: (.+)"), "required"),
    (re.compile(r"unrecognized arguments: (.+)"), "unknown"),
    (re.compile(r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)"), "choice"),
    (re.compile(r"argument (\S+): invalid \S+ value: (.+)"), "value"),
    (re.compile(r"argument (\S+): expected one argument"), "one"),
)


def argparse_message(message: str) -> str:
    """argparse's error in the user's language (the names it quotes stay as they are)."""
    for pattern, kind in _ARGPARSE:
        match = pattern.fullmatch(message)
        if not match:
            continue
        groups = match.groups()
        if kind == "required":
            return _("these must be given: %(names)s") % {"names": groups[0]}
        if kind == "unknown":
            return _("unknown arguments: %(names)s") % {"names": groups[0]}
        if kind == "choice":
            return _("%(name)s: %(value)s is not one of %(choices)s") % {
                "name": groups[0],
                "value": groups[1],
                "choices": groups[2],
            }
        if kind == "value":
            return _("%(name)s: %(value)s is not a valid value") % {
                "name": groups[0],
                "value": groups[1],
            }
        return _("%(name)s needs a value") % {"name": groups[0]}
    return _("the arguments could not be read: %(message)s") % {"message": message}


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += [sub, *_subparsers(sub)]
    return found


class PartnerskapCommand(BaseCommand):
    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        command = f"{prog_name.rsplit('/', 1)[-1]} {subcommand}"

        def error(message: str) -> NoReturn:
            if not parser.called_from_command_line:
                raise CommandError(argparse_message(message))
            self.stderr.write(
                _("%(command)s: %(message)s. See “%(command)s --help”.")
                % {"command": command, "message": argparse_message(message)}
            )
            sys.exit(2)

        # argparse calls self.error, on the command's parser and on each of its subcommands'
        for each in [parser, *_subparsers(parser)]:
            each.error = error  # type: ignore[method-assign]
        return parser

    def run_from_argv(self, argv: list[str]) -> None:
        """Django's run_from_argv, but a CommandError is printed as its message alone."""
        self._called_from_command_line = True
        parser = self.create_parser(argv[0], argv[1])
        traceback = "--traceback" in argv
        try:
            # inside the try: an argument's type= may raise CommandError while parsing
            options = parser.parse_args(argv[2:])
            cmd_options = vars(options)
            args = cmd_options.pop("args", ())
            handle_default_options(options)
            self.execute(*args, **cmd_options)
        except CommandError as exc:
            if traceback:
                raise
            self.stderr.write(str(exc))
            sys.exit(exc.returncode)
        finally:
            with contextlib.suppress(ImproperlyConfigured):
                connections.close_all()
