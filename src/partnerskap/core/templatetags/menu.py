"""The main menu's entries that apps above core register (core/nav.py)."""

from django import template

from partnerskap.core import nav

register = template.Library()


@register.simple_tag
def menu_links() -> list[tuple[object, str]]:
    return nav.menu_links()
