"""Forms for the agreement pages; the services check everything again."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin
from partnerskap.core.models import User
from partnerskap.registry.forms import DateInput

from .models import Agreement, AgreementTemplate, AnswerKind, AttachmentKind, SignatureSide


def field_key(prefix: str, key: str) -> str:
    """A form field name for a template id such as 3.2-2 (dots and dashes become _)."""
    return f"{prefix}_{re.sub(r'[^a-z0-9_]', '_', key.lower())}"


class AgreementCreateForm(AkselFormMixin, forms.Form):
    template = forms.ModelChoiceField(
        label=_("Template"), queryset=AgreementTemplate.objects.none(), empty_label=None
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty for “Partnership agreement for” and the partnership's name."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = AgreementTemplate.objects.order_by(
            "name", "-created_at"
        ).defer("structure")


class FillForm(AkselFormMixin, forms.Form):
    """Every blank, the alternative, the optional clauses and the questions, built from the
    agreement's template; `sections` groups the fields for the page."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=200)
    alternative = forms.ChoiceField(label=_("Alternative"))

    def __init__(self, *args: object, agreement: Agreement, **kwargs: object) -> None:
        kwargs.setdefault("initial", {})
        initial = kwargs["initial"]
        initial.update(
            {
                "revision": agreement.revision,
                "title": agreement.title,
                "alternative": agreement.alternative,
            }
        )
        super().__init__(*args, **kwargs)
        from .models import Alternative

        self.fields["alternative"].choices = Alternative.choices
        self.blank_fields: dict[str, str] = {}
        self.strike_fields: dict[str, str] = {}
        self.question_fields: dict[str, str] = {}
        self.sections: list[tuple[str, list[str]]] = []
        placed: set[str] = set()
        for raw in agreement.template.sections:
            names = self._clause_fields(raw, agreement, placed)
            names += [self._question_field(q, agreement) for q in raw["questions"]]
            self.sections.append((f"{raw['number']} {raw['title']}", names))
        # Aksel classes for the fields added after the mixin ran.
        for field in self.fields.values():
            if "class" not in field.widget.attrs:
                field.widget.attrs["class"] = (
                    "aksel-checkbox__input"
                    if isinstance(field.widget, forms.CheckboxInput)
                    else "aksel-textarea__input aksel-body-long"
                    if isinstance(field.widget, forms.Textarea)
                    else "aksel-text-field__input aksel-body-short"
                )

    def _clause_fields(self, raw: dict, agreement: Agreement, placed: set[str]) -> list[str]:
        """The section's blanks (each once in the whole text) and its optional clauses."""
        from . import text

        blanks = agreement.template.blanks
        names: list[str] = []
        for clause in raw["clauses"]:
            for blank_id in text.MARKER.findall(clause["text"]):
                if blank_id in placed:
                    continue
                placed.add(blank_id)
                name = field_key("blank", blank_id)
                self.fields[name] = self._blank_field(blanks[blank_id], agreement)
                self.initial[name] = agreement.values.get(blank_id, "")
                self.blank_fields[name] = blank_id
                names.append(name)
            if clause["optional"]:
                name = field_key("strike", clause["id"])
                self.fields[name] = forms.BooleanField(
                    label=_("Strike the clause “%(text)s”")
                    % {"text": text.fill(clause["text"], agreement, blanks)[:80]},
                    required=False,
                )
                self.initial[name] = clause["id"] in agreement.struck
                self.strike_fields[name] = clause["id"]
                names.append(name)
        return names

    def _question_field(self, question: dict, agreement: Agreement) -> str:
        name = field_key("question", question["id"])
        self.fields[name] = forms.CharField(
            label=question["text"], required=False, widget=forms.Textarea(attrs={"rows": 2})
        )
        self.initial[name] = agreement.answers.get(question["id"], "")
        self.question_fields[name] = question["id"]
        return name

    @staticmethod
    def _blank_field(blank: dict, agreement: Agreement) -> forms.Field:
        label = blank["label"]
        if blank["type"] == "municipality":
            names = sorted(
                o.municipality.name
                for o in agreement.partnership.owners.all()
                if o.municipality_id is not None
            )
            return forms.ChoiceField(
                label=label,
                required=False,
                choices=[("", "–"), *[(n, n) for n in names]],
                widget=forms.Select(attrs={"class": "aksel-select__input aksel-body-short"}),
            )
        if blank["type"] == "opening_hours":
            return forms.CharField(
                label=label,
                required=False,
                help_text=_("For example Monday 09:00–15:00; Tuesday 09:00–15:00"),
            )
        if blank["type"] == "date":
            return forms.CharField(
                label=label, required=False, help_text=_("As a date, for example 31.12.2027")
            )
        if blank["type"] == "number":
            return forms.CharField(label=label, required=False, help_text=_("A number"))
        return forms.CharField(label=label, required=False)

    def field_groups(self) -> list[tuple[str, list]]:
        return [(heading, [self[name] for name in names]) for heading, names in self.sections]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "revision": data["revision"],
            "title": data["title"],
            "alternative": data["alternative"],
            "values": {bid: data.get(name, "") for name, bid in self.blank_fields.items()},
            "struck": [cid for name, cid in self.strike_fields.items() if data.get(name)],
            "answers": {qid: data.get(name, "") for name, qid in self.question_fields.items()},
        }


class AttachmentForm(AkselFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AttachmentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File (PDF or Word)"))


class HearingForm(AkselFormMixin, forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    parties = forms.ModelMultipleChoiceField(
        label=_("Send to"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    deadline = forms.DateField(label=_("Deadline for comments"), widget=DateInput())

    def __init__(self, *args: object, people, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = people


class CommentForm(AkselFormMixin, forms.Form):
    section = forms.ChoiceField(label=_("Section"))
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: object, agreement: Agreement, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            (s["number"], f"{s['number']} {s['title']}") for s in agreement.template.sections
        ]


class AnswerForm(AkselFormMixin, forms.Form):
    answer = forms.ChoiceField(label=_("Answer"), choices=AnswerKind.choices)
    explanation = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required unless the comment is accepted in full."),
    )


class ConfirmForm(AkselFormMixin, forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)


class SignForm(AkselFormMixin, forms.Form):
    side = forms.ChoiceField(label=_("Sign for"), choices=SignatureSide.choices)
    signed_as = forms.CharField(
        label=_("Signed as"), max_length=150, help_text=_("Your title, for example Mayor")
    )
    confirm = forms.BooleanField(
        label=_("I have read the agreed text and sign it for the party I represent")
    )

    def __init__(self, *args: object, sides: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["side"].choices = [c for c in SignatureSide.choices if c[0] in sides]


class InForceForm(AkselFormMixin, forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    valid_from = forms.DateField(label=_("In force from"), widget=DateInput())
    valid_to = forms.DateField(label=_("In force until"), widget=DateInput(), required=False)


class TemplateUploadForm(AkselFormMixin, forms.Form):
    file = forms.FileField(label=_("Template file (YAML)"))


class TemplateConfirmForm(forms.Form):
    content = forms.CharField(widget=forms.HiddenInput)
    file_name = forms.CharField(widget=forms.HiddenInput)
