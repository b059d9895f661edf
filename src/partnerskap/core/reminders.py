"""The apps' own reminder jobs that `partnerskap remind` runs once a day.

Core and meetings import no app above them, so an app with dates to remind of (the annual wheel)
registers a job in its `AppConfig.ready()`:

    register_reminder_job("annual", send_wheel_reminders)

A job takes the day to act as of and returns how many reminders it sent. It must remember what it
sent, so that running the command twice sends nothing twice.
"""

from collections.abc import Callable
from datetime import date

Job = Callable[[date], int]

JOBS: dict[str, Job] = {}


def register_reminder_job(name: str, job: Job) -> None:
    """Add an app's job; registering the same name again replaces it (ready() may run twice)."""
    JOBS[name] = job


def run_reminder_jobs(day: date) -> int:
    """Run every job for the day; how many reminders they sent in all."""
    return sum(JOBS[name](day) for name in sorted(JOBS))
