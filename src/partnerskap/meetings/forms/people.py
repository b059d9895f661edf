"""A person chosen from those Partnerskap knows, or recorded on the spot without a login.

Body members, guests and follow-up owners are often people from outside the registry (a network's
board member, a municipal director); the forms that name them offer to record them right there
instead of sending the secretary to an administrator (docs/decisions/0020).
"""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin
from partnerskap.core.models import User


class PersonOrNewMixin:
    """Adds "or a new person" fields after `field`; `person_fields()` gives the service either
    `<field>` or `new_<field>`."""

    person_field = "person"

    def add_new_person_fields(self, people: QuerySet[User]) -> None:
        fields = self.fields  # type: ignore[attr-defined]
        name = self.person_field
        fields[name].queryset = people
        fields[name].required = False
        fields[f"{name}_new_name"] = forms.CharField(
            label=_("Or a new person: name"),
            max_length=150,
            required=False,
            help_text=_("Someone not yet in Partnerskap, or a group such as a network's board."),
        )
        fields[f"{name}_new_organisation"] = forms.CharField(
            label=_("Organisation"), max_length=200, required=False
        )
        fields[f"{name}_new_job_title"] = forms.CharField(
            label=_("Job title"), max_length=200, required=False
        )
        fields[f"{name}_new_email"] = forms.EmailField(label=_("E-mail (optional)"), required=False)

    def clean(self) -> dict:
        data = super().clean()  # type: ignore[misc]
        name = self.person_field
        chosen, new = data.get(name), (data.get(f"{name}_new_name") or "").strip()
        if bool(chosen) == bool(new):
            self.add_error(  # type: ignore[attr-defined]
                name, _("Choose a person, or give the name of a new one (not both).")
            )
        return data

    def person_fields(self) -> dict:
        """`{field: person}` or `{new_field: {...}}` for the service, the rest of the form left."""
        data = dict(self.cleaned_data)  # type: ignore[attr-defined]
        name = self.person_field
        new = {
            key: (data.pop(f"{name}_new_{key}", "") or "").strip()
            for key in ("name", "organisation", "job_title", "email")
        }
        person = data.pop(name, None)
        if person is not None:
            return {**data, name: person}
        return {**data, f"new_{name}": new}


class PersonForm(AkselFormMixin, forms.Form):
    """A person recorded without a login, as the people page for administrators records them."""

    name = forms.CharField(label=_("Name"), max_length=150)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail (optional)"), required=False)


class PersonLoginForm(AkselFormMixin, forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    password = forms.CharField(
        label=_("First password"), widget=forms.PasswordInput(render_value=False)
    )
