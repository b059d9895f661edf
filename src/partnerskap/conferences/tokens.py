"""Personal links for people without a login (docs/decisions/0045).

A participant reaches their own registration — to see it, cancel it, accept an offered place or
answer the evaluation — through a link with a token signed by the server's SECRET_KEY. Nothing
is stored: the token is the registration's UUID with a signature, so it cannot be guessed from
another one, and a lost e-mail can be sent again with the same link.
"""

import uuid

from django.core import signing

from .models import Invitation, Registration

_REGISTRATION = signing.Signer(salt="partnerskap.conferences.registration")
_INVITATION = signing.Signer(salt="partnerskap.conferences.invitation")


def registration_token(registration: Registration) -> str:
    return _REGISTRATION.sign(registration.uuid.hex)


def invitation_token(invitation: Invitation) -> str:
    return _INVITATION.sign(invitation.uuid.hex)


def _unsign(signer: signing.Signer, token: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(hex=signer.unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def registration_uuid(token: str) -> uuid.UUID | None:
    """The registration a token was made for, or None for a forged or mangled token."""
    return _unsign(_REGISTRATION, token)


def invitation_uuid(token: str) -> uuid.UUID | None:
    return _unsign(_INVITATION, token)
