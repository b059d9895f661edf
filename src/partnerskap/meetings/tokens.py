"""The invitee's personal link in the notice (docs/decisions/0066, after 0045).

The token is the attendance row's id and its meeting's UUID, signed with the server's SECRET_KEY
under a salt of its own. Nothing is stored: a notice sent again (the meeting moved, a member added
late) carries the same link, and a forged or mangled token finds nothing.
"""

import uuid

from django.core import signing

from .models import Attendance

_ANSWER = signing.Signer(salt="partnerskap.meetings.notice-answer")


def answer_token(attendance: Attendance) -> str:
    return _ANSWER.sign(f"{attendance.pk}.{attendance.meeting.uuid.hex}")


def answer_target(token: str) -> tuple[int, uuid.UUID] | None:
    """(attendance id, meeting UUID) the token was made for, or None for a forged token."""
    try:
        pk, meeting = _ANSWER.unsign(token).split(".")
        return int(pk), uuid.UUID(hex=meeting)
    except (signing.BadSignature, ValueError):
        return None
