"""Receivers core connects in apps.py: bookkeeping that must not show in a row's history."""

from django.utils import timezone

from .models import User


def record_last_login(sender: object, *, user: User, **kwargs: object) -> None:
    """Store the time of the login without saving the user (no history row for a login)."""
    user.last_login = timezone.now()
    User.objects.filter(pk=user.pk).update(last_login=user.last_login)
