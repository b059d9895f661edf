"""Every write of the conferences app: one function per use case, keyword-only with the actor,
one transaction, e-mail after commit (through conferences.notify), history with the actor."""

from .evaluation import (
    default_questions,
    question_add,
    question_remove,
    survey_answer,
    survey_close,
    survey_create,
    survey_open,
    survey_remind,
    survey_update,
)
from .events import (
    EVENT_FIELDS,
    event_create,
    event_extend_deadline,
    event_update,
    invitation_add,
    programme_publish,
)
from .programme import SESSION_FIELDS, session_add, session_remove, session_update, speaker_create
from .registrations import (
    check_in,
    offer_accept,
    offer_free_places,
    offers_expire,
    registration_cancel,
    registration_create,
)
from .reminders import municipalities_remind, participants_remind
from .retention import personal_data_delete, retention_run

__all__ = [
    "EVENT_FIELDS",
    "SESSION_FIELDS",
    "check_in",
    "default_questions",
    "event_create",
    "event_extend_deadline",
    "event_update",
    "invitation_add",
    "municipalities_remind",
    "offer_accept",
    "offer_free_places",
    "offers_expire",
    "participants_remind",
    "personal_data_delete",
    "programme_publish",
    "question_add",
    "question_remove",
    "registration_cancel",
    "registration_create",
    "retention_run",
    "session_add",
    "session_remove",
    "session_update",
    "speaker_create",
    "survey_answer",
    "survey_close",
    "survey_create",
    "survey_open",
    "survey_remind",
    "survey_update",
]
