"""Template helpers for forms."""

from django import template
from django.forms import BaseForm, BoundField

register = template.Library()


@register.filter
def field_errors(form: BaseForm) -> list[tuple[BoundField, str]]:
    """(field, message) for every error on a field, for the error summary. Errors of the form as
    a whole are shown on their own, so a form with only those gets no empty summary."""
    return [(field, error) for field in form for error in field.errors]
