"""The harness itself: the axe check must fail on a page with a serious violation."""

import pytest
from playwright.sync_api import Page

from .conftest import check_a11y


def test_the_axe_check_fails_on_a_serious_violation(page: Page) -> None:
    page.set_content(
        '<!DOCTYPE html><html lang="nb"><head><title>Feil</title></head><body><main>'
        '<h1>Feil</h1><img src="data:,"><p style="color:#ccc;background:#fff">Lys tekst</p>'
        "</main></body></html>"
    )
    with pytest.raises(pytest.fail.Exception) as failure:
        check_a11y(page)
    message = str(failure.value)
    assert "image-alt" in message
    assert "color-contrast" in message
    assert "img" in message


def test_a_page_loaded_without_a_check_fails_the_next_check(page: Page) -> None:
    page.goto("/logg-inn/")
    page.goto("/logg-inn/?neste=1")
    with pytest.raises(pytest.fail.Exception) as failure:
        check_a11y(page)
    assert "pages loaded without an axe check" in str(failure.value)
    assert "/logg-inn/" in str(failure.value)
