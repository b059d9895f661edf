"""Imports run one way: core ← registry ← meetings ← the rest (docs/decisions/0003, 0021).

The test reads every module of src/ as a syntax tree (imports inside functions too) and fails on
an app that imports from an app at its own level or above. The project package itself
(settings, urls, api) is wiring and may import any app.
"""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "partnerskap"

# An app may import from apps on a lower level only; an app not listed is a domain app (3).
# `documents` is the shared paper kit (PDF, DOCX) beside core; `search` and `archive` read what
# the domain apps hold, and a project ties a partnership's budget and bodies together; `demo`
# builds data for every app.
DOMAIN = 3
LEVELS = {
    "core": 0,
    "documents": 1,
    "registry": 1,
    "meetings": 2,
    "identity": 2,  # work identity login: reads who is an administrator from the registry
    "agreements": 3,
    "conferences": 3,
    "figures": 3,
    "finance": 3,
    "reception": 3,
    "archive": 4,
    "overview": 4,  # the county overview and registers read agreements, figures and meetings
    "projects": 4,  # a project's budget is finance's; its decisions go to meetings' bodies
    "search": 4,
    "goals": 4,  # goals and results read the figures' published series
    "plans": 5,  # yearly plans link the goals of the year (goals: 4)
    "annual": 6,  # the council report and the annual wheel read every app of the year
    "demo": 7,
}


def _imported_modules(path: Path, src: Path) -> list[tuple[int, str]]:
    """(line, absolute module) for every import in the file, relative ones resolved."""
    package = ["partnerskap", *path.relative_to(src).parent.parts]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *filter(None, [node.module])])
            else:
                module = node.module or ""
            # `from . import services` imports a module named by the alias
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def backward_imports(src: Path = SRC) -> list[str]:
    """Every import from an app to one at its own level or above, as 'file:line app -> app'."""
    problems = []
    for path in sorted(src.rglob("*.py")):
        parts = path.relative_to(src).parts
        if len(parts) < 2 or "migrations" in parts:
            continue  # the project package is wiring; migrations are history
        app = parts[0]
        for line, module in _imported_modules(path, src):
            names = module.split(".")
            if names[0] != "partnerskap" or len(names) < 2 or names[1] in (app, ""):
                continue
            target = names[1]
            if target not in LEVELS and not (src / target).is_dir():
                continue  # a project module (settings, api wiring) rather than an app
            if LEVELS.get(target, DOMAIN) >= LEVELS.get(app, DOMAIN):
                problems.append(f"{path.relative_to(src)}:{line} {app} -> {target}")
    return problems


def test_the_levels_name_real_apps():
    assert {name for name in LEVELS if not (SRC / name / "apps.py").exists()} == set()


def test_imports_run_one_way():
    assert backward_imports() == []


@pytest.mark.parametrize(
    ("app", "source", "bad"),
    [
        ("core", "from partnerskap.registry.models import Role\n", True),
        ("core", "def f():\n    from partnerskap.demo import people\n", True),
        ("registry", "from partnerskap.meetings import models\n", True),
        ("finance", "from partnerskap.figures.shares import per_cent\n", True),
        ("meetings", "from ..registry.models import Role\n", False),
        ("search", "import partnerskap.figures.models\n", False),
    ],
)
def test_the_check_sees_a_backward_import(tmp_path, app, source, bad):
    (tmp_path / app).mkdir()
    (tmp_path / app / "module.py").write_text(source)
    assert bool(backward_imports(tmp_path)) is bad


def reads_importing_writes(src: Path = SRC) -> list[str]:
    """Selectors (reads) that import their own app's services (writes): the writes may read, so
    the other way round makes a cycle (reception's selectors and scenarios had one)."""
    problems = []
    for path in sorted(src.rglob("*.py")):
        parts = path.relative_to(src).parts
        if len(parts) < 2 or not any(p.startswith("selectors") for p in parts[1:]):
            continue
        own = f"partnerskap.{parts[0]}.services"
        for line, module in _imported_modules(path, src):
            if module == own or module.startswith(own + "."):
                problems.append(f"{path.relative_to(src)}:{line} -> {module}")
    return problems


def test_reads_do_not_import_writes():
    assert reads_importing_writes() == []


def test_the_check_sees_a_read_importing_a_write(tmp_path):
    (tmp_path / "reception").mkdir()
    (tmp_path / "reception" / "selectors.py").write_text(
        "from . import services\n\n\ndef f():\n    from .services.scenarios import run_change\n"
    )
    (tmp_path / "reception" / "views.py").write_text("from . import services, selectors\n")
    found = reads_importing_writes(tmp_path)
    assert [entry.split(" -> ")[0] for entry in found] == [
        "reception/selectors.py:1",
        "reception/selectors.py:5",
    ]
