"""No module in src/ over 500 lines and no function over 60 (issue 10, done 2).

Migrations and the demo data set are exempt: they are data written as code. A module or
function listed in TEMPORARY is a known offender that its owner is splitting; the list only
shrinks, and an entry that no longer offends fails the test so that it is removed.
"""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "partnerskap"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60

# Known offenders, path or path::function (issue 10); each is removed when it is split.
TEMPORARY: set[str] = {
    # the meetings app (helper "meetings")
    "meetings/api/routes.py",
    "meetings/models.py",
    "meetings/forms.py",
    "meetings/selectors.py",
    "meetings/selectors.py::minutes_content",
    # the three imports (helper "imports")
    "figures/imports.py",
    "figures/imports.py::parse_jsonstat",
    "figures/services.py::import_long_stream",
    "finance/budget_import.py::parse_report",
}


def _sources(src: Path = SRC):
    for path in sorted(src.rglob("*.py")):
        parts = path.relative_to(src).parts
        if "migrations" in parts or parts[0] == "demo":
            continue
        yield path.relative_to(src).as_posix(), path.read_text(encoding="utf-8")


def offenders(src: Path = SRC) -> set[str]:
    found = set()
    for name, text in _sources(src):
        if len(text.splitlines()) > MAX_MODULE_LINES:
            found.add(name)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                if node.end_lineno - first + 1 > MAX_FUNCTION_LINES:
                    found.add(f"{name}::{node.name}")
    return found


def test_no_module_or_function_is_too_long():
    assert offenders() - TEMPORARY == set()


def test_the_exceptions_are_still_needed():
    assert TEMPORARY - offenders() == set(), "remove what was split from TEMPORARY"


def test_the_check_sees_a_long_function_and_module(tmp_path):
    (tmp_path / "app").mkdir()
    body = "\n".join(f"    x{i} = {i}" for i in range(60))
    (tmp_path / "app" / "long.py").write_text(f"def f():\n{body}\n" + "\n" * 450)
    (tmp_path / "app" / "short.py").write_text("def g():\n    return 1\n")
    assert offenders(tmp_path) == {"app/long.py", "app/long.py::f"}
