"""The invitee's answer to the notice, on the page the personal link opens."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import EMPTY_LABEL, AkselFormMixin

from ..models import Attendance, NoticeAnswer


class NoticeAnswerForm(AkselFormMixin, forms.Form):
    answer = forms.ChoiceField(
        label=_("Are you coming?"),
        choices=[
            ("", EMPTY_LABEL),
            (NoticeAnswer.COMING, _("Yes, I am coming")),
            (NoticeAnswer.ABSENT, _("No, I send notice of absence (forfall)")),
        ],
        error_messages={"required": _("Choose whether you are coming.")},
    )
    note = forms.CharField(
        label=_("Note to the secretary"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def answer_help(attendance: Attendance) -> str:
    """What the invitee answered through the notice, for the secretary's attendance form."""
    if attendance.answered_at is None or not attendance.answer:
        return ""
    text = gettext("Answered from the notice %(date)s: %(answer)s.") % {
        "date": timezone.localtime(attendance.answered_at).strftime("%d.%m.%Y"),
        "answer": attendance.get_answer_display(),
    }
    return f"{text} {attendance.answer_note}".strip()
