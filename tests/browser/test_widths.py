"""Every page the demo's crawl reaches fits a phone (375 px) and a desktop (1280 px) without
scrolling sideways; wide content scrolls inside its own box (issue 14, done 2; WCAG 1.4.10)."""

import pytest
from playwright.sync_api import Page

from .conftest import log_in
from .crawl import crawl

# The elements that stick out of the page, outside any box that scrolls on its own.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const scrolls = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)) return true;
    }
    return false;
  };
  return [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 1 && !scrolls(el))
    .slice(0, 5).map(el => el.outerHTML.slice(0, 120));
}"""


@pytest.mark.parametrize("who", ["leder.orland", "fylkesdirektor.trondelag"])
def test_no_page_scrolls_sideways_at_375_or_1280_px(page: Page, demo_data: None, who):
    log_in(page, who)
    problems, pages = [], 0
    page.set_viewport_size({"width": 375, "height": 800})
    for path in crawl(page, "/", limit=90):
        pages += 1
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            sticking_out = page.evaluate(OVERFLOW)
            if sticking_out:
                problems.append(f"{path} at {width} px: {sticking_out}")
        page.set_viewport_size({"width": 375, "height": 800})
    assert pages >= 40, f"the crawl reached only {pages} pages"
    assert not problems, "\n".join(problems)
