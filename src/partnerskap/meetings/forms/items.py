"""Forms for agenda items, attachments and follow-ups: input only; the services own the rules."""

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin
from partnerskap.core.models import User
from partnerskap.registry.forms import DateInput

from ..models import (
    ActionStatus,
    AgendaItem,
    ItemKind,
    Meeting,
)
from .people import PersonOrNewMixin

# --- agenda items ---------------------------------------------------------------------------

# "Any other business" (eventuelt): a topic raised at the meeting, numbered like any other item.
NEW_ITEM_KINDS = [
    (k.value, k.label)
    for k in (
        ItemKind.INFORMATION,
        ItemKind.DISCUSSION,
        ItemKind.DECISION,
        ItemKind.ANY_OTHER_BUSINESS,
    )
]


class _ExemptMixin:
    def clean(self) -> dict:
        data = super().clean()  # type: ignore[misc]
        if data.get("exempt") and not data.get("legal_ground"):
            self.add_error(  # type: ignore[attr-defined]
                "legal_ground", _("Give the legal ground for exempting it from public access.")
            )
        return data


ITEM_WIDGETS = {
    "background": forms.Textarea(attrs={"rows": 4}),
    "notes": forms.Textarea(attrs={"rows": 4}),
    "decision_text": forms.Textarea(attrs={"rows": 3}),
    "review_date": DateInput(),
}


class ItemAddForm(_ExemptMixin, AkselFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "kind",
            "presenter",
            "planned_minutes",
            "background",
            "background_in_minutes",
            "exempt",
            "legal_ground",
            "public_title",
        ]
        widgets = ITEM_WIDGETS

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = NEW_ITEM_KINDS


class ItemForm(_ExemptMixin, AkselFormMixin, forms.ModelForm):
    """The whole item, before and after the meeting. `revision` is what the editor last saw:
    the service refuses the save if someone else saved in between."""

    revision = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "kind",
            "presenter",
            "planned_minutes",
            "background",
            "background_in_minutes",
            "notes",
            "decision_text",
            "review_date",
            "exempt",
            "legal_ground",
            "public_title",
        ]
        widgets = ITEM_WIDGETS

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["revision"].initial = self.instance.revision

    def item_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ReorderForm(forms.Form):
    item = forms.ModelChoiceField(queryset=AgendaItem.objects.none())
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])

    def __init__(self, *args: object, meeting: Meeting, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.order_by("position")

    def new_order(self) -> list[int]:
        """The agenda with the item swapped with its neighbour above or below."""
        ids = list(self.fields["item"].queryset.values_list("pk", flat=True))
        here = ids.index(self.cleaned_data["item"].pk)
        there = here - 1 if self.cleaned_data["direction"] == "up" else here + 1
        if 0 <= there < len(ids):
            ids[here], ids[there] = ids[there], ids[here]
        return ids


def _meeting_label(meeting: Meeting) -> str:
    local = timezone.localtime(meeting.starts_at)
    return f"{local:%d.%m.%Y %H:%M} ({meeting.get_status_display()})"


class MoveForm(AkselFormMixin, forms.Form):
    target = forms.ModelChoiceField(
        label=_("Move to the meeting on"), queryset=Meeting.objects.none()
    )

    def __init__(self, *args: object, targets: QuerySet[Meeting], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = _meeting_label


class ForwardForm(AkselFormMixin, forms.Form):
    target = forms.ModelChoiceField(
        label=_("Forward to the meeting"), queryset=Meeting.objects.none()
    )

    def __init__(self, *args: object, targets: QuerySet[Meeting], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = lambda meeting: (
            f"{meeting.body.name}, {_meeting_label(meeting)}"
        )


class WithdrawForm(AkselFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why is the item withdrawn?"), max_length=300)


class AttachmentForm(_ExemptMixin, AkselFormMixin, forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word (DOCX), Excel (XLSX) or an image (PNG, JPEG).")
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Leave empty to use the file name."),
    )
    exempt = forms.BooleanField(label=_("Exempt from public access"), required=False)
    legal_ground = forms.CharField(label=_("Legal ground"), max_length=200, required=False)


# --- follow-ups -----------------------------------------------------------------------------


class ActionForm(PersonOrNewMixin, AkselFormMixin, forms.Form):
    person_field = "owner"

    title = forms.CharField(label=_("What is to be done"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Responsible"), queryset=User.objects.none())
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())
    remind_past = forms.BooleanField(
        label=_("Remind even though the due date has passed"),
        required=False,
        help_text=_(
            "A follow-up recorded after its due date is not reminded unless you tick this."
        ),
    )

    def __init__(self, *args: object, people: QuerySet[User], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.add_new_person_fields(people)
        self.order_fields(["title", "owner", "owner_new_name", "owner_new_organisation"])


class ActionUpdateForm(AkselFormMixin, forms.Form):
    """Progress on a follow-up; `revision` is what the person last saw (docs/decisions/0019)."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    progress = forms.CharField(
        label=_("Progress"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
