"""The demo data set's figures (filled in by the figures app's owner)."""

from partnerskap.core.models import User


def load(users: dict[str, User]) -> None:
    """Idempotent: safe to run again on a loaded database."""
