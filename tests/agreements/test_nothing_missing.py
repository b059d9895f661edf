"""An agreement that lacks nothing says so instead of "0 ting mangler" (issue 14)."""

from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils import translation


def _missing(missing: list) -> str:
    with translation.override("nb"):
        return render_to_string(
            "agreements/_missing.html",
            {"agreement": SimpleNamespace(pk=7), "completeness": SimpleNamespace(missing=missing)},
        )


def test_nothing_missing_says_all_is_in_place():
    html = _missing([])
    assert "0 ting" not in html and "Alt er på plass" in html
    assert "2 ting mangler" in _missing(["a", "b"])
