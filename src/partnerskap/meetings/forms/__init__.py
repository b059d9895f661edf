"""Forms validate input only; the services own the rules. `meetings` holds the forms for bodies,
meetings and minutes, `items` those for agenda items and follow-ups; import from here."""

from .answers import NoticeAnswerForm  # noqa: F401
from .items import *  # noqa: F403
from .meetings import *  # noqa: F403
from .meetings import SEASON_THEMES  # noqa: F401
from .people import PersonForm, PersonLoginForm  # noqa: F401
