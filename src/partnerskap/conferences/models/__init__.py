"""C9: conferences and gatherings — the event, its programme, registrations with a waiting list,
check-in per day, and the evaluation afterwards.

Personal data is kept to what the organiser asks for and is deleted after the event's retention
period (docs/decisions/0044); an anonymous evaluation keeps no link between an answer and the
person who gave it (docs/decisions/0043).
"""

from .evaluation import (
    WITH_CHOICES,
    Answer,
    QuestionKind,
    Survey,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)
from .events import (
    RESERVED_SLUGS,
    WITHOUT_SPEAKERS,
    Event,
    EventKind,
    ProgrammeVersion,
    RegistrationMode,
    RegistrationQuestion,
    Session,
    SessionKind,
    SessionSpeaker,
    slug_validator,
    validate_questions,
)
from .registrations import (
    ACTIVE,
    HOLDS_PLACE,
    CancelReason,
    CheckIn,
    Invitation,
    MunicipalityReminder,
    Registration,
    RegistrationStatus,
)

__all__ = [
    "ACTIVE",
    "HOLDS_PLACE",
    "RESERVED_SLUGS",
    "WITHOUT_SPEAKERS",
    "WITH_CHOICES",
    "Answer",
    "CancelReason",
    "CheckIn",
    "Event",
    "EventKind",
    "Invitation",
    "MunicipalityReminder",
    "ProgrammeVersion",
    "QuestionKind",
    "Registration",
    "RegistrationMode",
    "RegistrationQuestion",
    "RegistrationStatus",
    "Session",
    "SessionKind",
    "SessionSpeaker",
    "Survey",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveyStatus",
    "slug_validator",
    "validate_questions",
]
