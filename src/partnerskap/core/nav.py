"""Links from a partnership's or an office's page to the apps that hang under it.

Apps below `registry` in the dependency order (agreements, finance, figures, reception …) register
a section in their `AppConfig.ready()`; the registry's pages list them without importing the apps:

    register_partnership_section(_("Agreements"), "agreements:agreement_list", order=10)

Every URL name takes the partnership's (or office's) primary key as its only argument. Apps may
also add a page to the main menu, whose URL takes no argument:

    register_menu_item(_("Conferences"), "conferences:event_list", order=50)

and a public page to the public index at /offentlig/ (no login, URL without arguments):

    register_public_page(_("Conferences and gatherings"), "conferences:public_events", order=10)
"""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Section:
    label: object  # a lazy translation
    url_name: str
    order: int


PARTNERSHIP_SECTIONS: list[Section] = []
OFFICE_SECTIONS: list[Section] = []
MENU_ITEMS: list[Section] = []
PUBLIC_PAGES: list[Section] = []


def _register(sections: list[Section], label: object, url_name: str, order: int) -> None:
    if any(s.url_name == url_name for s in sections):
        return  # ready() may run twice in tests
    sections.append(Section(label, url_name, order))
    sections.sort(key=lambda s: (s.order, s.url_name))


def register_partnership_section(label: object, url_name: str, *, order: int = 100) -> None:
    _register(PARTNERSHIP_SECTIONS, label, url_name, order)


def register_office_section(label: object, url_name: str, *, order: int = 100) -> None:
    _register(OFFICE_SECTIONS, label, url_name, order)


def register_menu_item(label: object, url_name: str, *, order: int = 100) -> None:
    _register(MENU_ITEMS, label, url_name, order)


def register_public_page(label: object, url_name: str, *, order: int = 100) -> None:
    _register(PUBLIC_PAGES, label, url_name, order)


def public_links() -> list[tuple[object, str]]:
    """(label, URL) for each public page apps added to the public index."""
    return [(s.label, reverse(s.url_name)) for s in PUBLIC_PAGES]


def menu_links() -> list[tuple[object, str]]:
    """(label, URL) for each page apps added to the main menu."""
    return [(s.label, reverse(s.url_name)) for s in MENU_ITEMS]


def links(sections: list[Section], pk: int) -> list[tuple[object, str]]:
    """(label, URL) for each section, for an object's page."""
    return [(s.label, reverse(s.url_name, args=[pk])) for s in sections]
