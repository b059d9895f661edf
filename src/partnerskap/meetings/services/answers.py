"""An invitee's answer to the notice, given through the personal link without a login."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.services import locked, save

from .. import lifecycle
from ..models import Attendance, AttendanceStatus, NoticeAnswer
from ._base import fresh

# What the answer sets the attendance to: absent with notice is what the minutes call forfall;
# coming leaves it invited (the attendance form offers "present" for it).
STATUS = {
    NoticeAnswer.COMING: AttendanceStatus.INVITED,
    NoticeAnswer.ABSENT: AttendanceStatus.ABSENT_WITH_NOTICE,
}


@transaction.atomic
def attendance_answer(*, attendance: Attendance, answer: str, note: str = "") -> Attendance:
    """Record the invitee's answer; it may be changed until the meeting starts. The person is the
    author of the change: the signed link stands for them."""
    meeting = fresh(attendance.meeting_id)
    if not lifecycle.answers_open(meeting):
        raise ValidationError(
            _("The meeting has started, or is cancelled: the answer can no longer be changed.")
        )
    row = locked(Attendance, attendance.pk)
    if row.status == AttendanceStatus.GUEST or row.person_id is None:
        raise ValidationError(_("Only an invited member can answer the notice."))
    if answer not in STATUS:
        raise ValidationError({"answer": _("Choose whether you are coming.")})
    row.answer = answer
    row.answer_note = note.strip()
    row.answered_at = timezone.now()
    row.status = STATUS[NoticeAnswer(answer)]
    return save(row, actor=row.person)
