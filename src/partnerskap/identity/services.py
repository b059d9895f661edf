"""Recording a provider's login and connecting it to a registry person, through the kernel."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import save

from .config import Provider
from .models import ExternalIdentity


def _text(claims: dict, *names: str, limit: int = 200) -> str:
    for name in names:
        value = claims.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()[:limit]
    return ""


@transaction.atomic
def record_login(provider: Provider, claims: dict) -> ExternalIdentity:
    """The identity of a validated login, created on its first login; what the provider tells of
    the person (name, e-mail, NAV ident) is kept up to date for the administrator. Nothing here
    gives access: only a person connected by an administrator logs in."""
    subject = str(claims[provider.subject_claim])
    identity = (
        ExternalIdentity.objects.select_for_update()
        .filter(issuer=claims["iss"], subject=subject)
        .first()
    )
    created = identity is None
    if identity is None:
        identity = ExternalIdentity(issuer=claims["iss"], subject=subject)
    email = _text(claims, "email", "preferred_username", limit=254)
    told = {
        "provider": provider.key,
        "name": _text(claims, "name"),
        "email": email if "@" in email else "",
        "nav_ident": _text(claims, "NAVident", limit=20),
    }
    now = timezone.now()
    if not created and all(getattr(identity, f) == v for f, v in told.items()):
        # Only the time of the login: no change anyone made, so no history row (as core's
        # record_last_login for a password login).
        ExternalIdentity.objects.filter(pk=identity.pk).update(last_login_at=now)
        identity.last_login_at = now
        return identity
    for field, value in told.items():
        setattr(identity, field, value)
    identity.last_login_at = now
    return save(identity, actor=identity.person)


@transaction.atomic
def identity_connect(*, actor: User, identity: ExternalIdentity, person: User) -> ExternalIdentity:
    """From now on this login is `person`. A login already connected stays as it is."""
    identity = ExternalIdentity.objects.select_for_update().get(pk=identity.pk)
    if identity.person_id is not None:
        raise ValidationError(
            _("This login is already connected to %(person)s.")
            % {"person": identity.person.display_name}
        )
    if not person.is_active:
        raise ValidationError(
            {"person": _("%(person)s is deactivated.") % {"person": person.display_name}}
        )
    identity.person = person
    identity.connected_at = timezone.now()
    return save(identity, actor=actor)


@transaction.atomic
def identity_disconnect(*, actor: User, identity: ExternalIdentity) -> ExternalIdentity:
    """The login no longer signs in as anyone: at its next login it waits for an administrator
    again (a login connected to the wrong person, or a person who left)."""
    identity = ExternalIdentity.objects.select_for_update().get(pk=identity.pk)
    identity.person = None
    identity.connected_at = None
    return save(identity, actor=actor)
