"""The summary a partnership's page opens with (next meeting, agreement, open follow-ups).

The registry's partnership page cannot import the apps that know these things, so an app
registers a provider in its `AppConfig.ready()` that returns `Fact`s for one partnership:

    register_partnership_summary("overview", partnership_summary)
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    url: str = ""
    warning: bool = False  # overdue follow-ups, an agreement about to expire


Provider = Callable[[int, date], list[Fact]]

PROVIDERS: dict[str, Provider] = {}


def register_partnership_summary(name: str, provider: Provider) -> None:
    PROVIDERS[name] = provider


def partnership_summary(partnership_id: int, today: date) -> list[Fact]:
    return [fact for name in sorted(PROVIDERS) for fact in PROVIDERS[name](partnership_id, today)]
