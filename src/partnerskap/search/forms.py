"""The search form: the words, and the filters a person may narrow by."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EntryKind


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    partnership = forms.TypedChoiceField(
        label=_("Partnership"), coerce=int, required=False, empty_value=None
    )
    body = forms.TypedChoiceField(label=_("Body"), coerce=int, required=False, empty_value=None)
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args, partnerships=(), bodies=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["partnership"].choices = everything + list(partnerships)
        self.fields["body"].choices = everything + list(bodies)
        self.fields["kind"].choices = everything + list(EntryKind.choices)
