from django import forms
from django.template.loader import render_to_string


class _Form(forms.Form):
    name = forms.CharField(label="Navn")

    def clean(self):
        raise forms.ValidationError("Avtalen mangler vedlegg.")


def test_form_level_errors_alone_get_no_empty_summary():
    form = _Form(data={"name": "Ørland"})
    html = render_to_string("core/_form.html", {"form": form})
    assert "Avtalen mangler vedlegg." in html
    assert "error-summary" not in html


def test_field_errors_are_listed_in_the_summary_with_a_link_to_the_field():
    form = _Form(data={})
    html = render_to_string("core/_form.html", {"form": form})
    assert "error-summary" in html
    assert '<a href="#id_name">Navn: ' in html
