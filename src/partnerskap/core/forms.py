"""Form helpers shared by every app: Aksel's CSS classes on Django's widgets."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DJANGO_EMPTY_LABEL = "---------"
# What an empty choice says instead of Django's dashes (issue 14).
EMPTY_LABEL = _("Choose …")

_WIDGET_CLASSES = {
    forms.Select: "aksel-select__input aksel-body-short",
    forms.SelectMultiple: "aksel-select__input aksel-body-short",
    forms.Textarea: "aksel-textarea__input aksel-body-long",
    forms.CheckboxInput: "aksel-checkbox__input",
    forms.CheckboxSelectMultiple: "aksel-checkbox__input",
}


class AkselFormMixin:
    """Gives every widget the Aksel class for its kind, and marks fields with errors."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():  # type: ignore[attr-defined]
            _aksel_field(field)

    def __getitem__(self, name: str) -> forms.BoundField:
        # Fields a form adds after __init__ (one per attendee, per day …) get the classes too.
        _aksel_field(self.fields[name])  # type: ignore[attr-defined]
        return super().__getitem__(name)  # type: ignore[misc]

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in getattr(self, "_errors", None) or {}:
            if name in self.fields:  # type: ignore[attr-defined]
                widget = self.fields[name].widget  # type: ignore[attr-defined]
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"{name}-error"


def _aksel_field(field: forms.Field) -> None:
    widget = field.widget
    css = next(
        (c for kind, c in _WIDGET_CLASSES.items() if isinstance(widget, kind)),
        "aksel-text-field__input aksel-body-short",
    )
    current = widget.attrs.get("class", "")
    if css not in current:
        widget.attrs["class"] = f"{current} {css}".strip()
    _name_the_empty_choice(field)


def _name_the_empty_choice(field: forms.Field) -> None:
    if isinstance(field, forms.ModelChoiceField):  # its choices are a query: touch the label only
        if field.empty_label == DJANGO_EMPTY_LABEL:
            field.empty_label = EMPTY_LABEL
        return
    choices = getattr(field, "choices", None)
    if isinstance(choices, list) and any(label == DJANGO_EMPTY_LABEL for _v, label in choices):
        field.choices = [
            (value, EMPTY_LABEL if label == DJANGO_EMPTY_LABEL else label)
            for value, label in choices
        ]


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's validation errors on the form fields they name, the rest on the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
