"""Reads of work identity logins."""

from django.db.models import QuerySet

from partnerskap.core.models import User

from .models import ExternalIdentity


def pending_identities() -> QuerySet[ExternalIdentity]:
    """Logins no administrator has connected to a person yet, the latest first."""
    return ExternalIdentity.objects.filter(person__isnull=True).order_by("-last_login_at", "-pk")


def connected_identities() -> QuerySet[ExternalIdentity]:
    """Logins connected to a person, the latest connected first, with the person."""
    return (
        ExternalIdentity.objects.filter(person__isnull=False)
        .select_related("person")
        .order_by("-connected_at", "-pk")
    )


def suggested_person(identity: ExternalIdentity) -> User | None:
    """The active person with the login's e-mail address, offered first (never connected by it
    alone: the administrator decides)."""
    if not identity.email:
        return None
    return User.objects.filter(is_active=True, email__iexact=identity.email).first()
