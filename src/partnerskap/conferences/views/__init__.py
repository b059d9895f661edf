"""The conference pages: internal ones for organisers and the following body, public ones for
everyone, and each participant's own pages through their personal link."""

from .checkin import check_in
from .evaluation import (
    answers_xlsx_view,
    evaluation,
    question_add,
    question_remove,
    summary_attach,
    summary_pdf_view,
    survey_close,
    survey_create,
    survey_edit,
    survey_open,
    survey_remind,
)
from .events import (
    deadline_extend,
    event_create,
    event_detail,
    event_edit,
    event_list,
    partnership_events,
)
from .programme import programme, programme_publish, session_add, session_edit, session_remove
from .public import (
    evaluation_answer,
    participant,
    participant_accept,
    participant_cancel,
    public_event,
    public_register,
)
from .registrations import (
    badges,
    invitations,
    municipalities_remind,
    organisations,
    registration_add,
    registration_cancel,
    registration_list,
    registrations_xlsx,
)

__all__ = [
    "answers_xlsx_view",
    "badges",
    "check_in",
    "deadline_extend",
    "evaluation",
    "evaluation_answer",
    "event_create",
    "event_detail",
    "event_edit",
    "event_list",
    "invitations",
    "municipalities_remind",
    "organisations",
    "participant",
    "participant_accept",
    "participant_cancel",
    "partnership_events",
    "programme",
    "programme_publish",
    "public_event",
    "public_register",
    "question_add",
    "question_remove",
    "registration_add",
    "registration_cancel",
    "registration_list",
    "registrations_xlsx",
    "session_add",
    "session_edit",
    "session_remove",
    "summary_attach",
    "summary_pdf_view",
    "survey_close",
    "survey_create",
    "survey_edit",
    "survey_open",
    "survey_remind",
]
