"""What waits for a person: the entries of the "Til meg" front page, gathered from the apps.

Core imports no app, so each app that knows of something a person must do registers a provider
in its `AppConfig.ready()`:

    register_needs_provider("meetings", meetings_needs)

A provider takes the person and today's date and returns `Need`s; it must cost a fixed number of
queries whatever the amount of data, since the front page asserts a constant query count. The
front page shows them most urgent first: overdue, then by deadline, then those without one.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from .models import User


@dataclass(frozen=True)
class Need:
    """One thing waiting for a person, with where to act on it."""

    kind: str  # a stable key, such as "minutes_comment"; tests and sorting use it
    label: str  # the kind in words ("Minutes out for comments"), translated
    title: str  # the thing itself ("Partnerskapsmøtet 12.03.2026")
    url: str
    due: date | None = None
    where: str = ""  # the partnership or body it belongs to
    # True for what a person's partnership needs (leaders and owners), False for their own tasks.
    for_partnership: bool = False

    def is_overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today


Provider = Callable[[User, date], Iterable[Need]]

PROVIDERS: dict[str, Provider] = {}


def register_needs_provider(name: str, provider: Provider) -> None:
    """Add an app's provider; registering the same name again replaces it (ready() may run
    twice in tests)."""
    PROVIDERS[name] = provider


def needs_for(user: User, today: date) -> list[Need]:
    """Everything waiting for the person, most urgent first."""
    if not user.is_authenticated:
        return []
    found = [need for name in sorted(PROVIDERS) for need in PROVIDERS[name](user, today)]
    return sorted(found, key=lambda n: (n.due is None, n.due or today, n.kind, n.title, n.url))
