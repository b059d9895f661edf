"""Empty choices are named ("Velg …"), not Django's dashes (issue 14)."""

from django import forms
from django.utils import translation

from partnerskap.core.forms import AkselFormMixin
from partnerskap.core.models import User


class _Form(AkselFormMixin, forms.Form):
    person = forms.ModelChoiceField(queryset=User.objects.none(), required=False)
    kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)
    typed = forms.TypedChoiceField(choices=[("", "---------"), ("1", "En")], coerce=int)


def test_every_empty_choice_says_choose():
    with translation.override("nb"):
        html = str(_Form())
    assert "---------" not in html
    assert html.count("Velg …") == 3
