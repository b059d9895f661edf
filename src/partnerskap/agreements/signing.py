"""Signing: a `Signer` protocol so an e-signing service can replace the in-app signature
later (docs/decisions/0009). The in-app signer records who, when and as what."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from django.utils import timezone

from partnerskap.core.models import User

from .models import Agreement


@dataclass(frozen=True)
class SigningResult:
    signed_at: datetime
    method: str
    reference: str = ""


class Signer(Protocol):
    """Something that has a person sign an agreement and says when and how it happened."""

    method: str

    def sign(self, agreement: Agreement, person: User, signed_as: str) -> SigningResult: ...


class InAppSigner:
    """The person confirms in Partnerskap while signed in; the record is the signature."""

    method = "in_app"

    def sign(self, agreement: Agreement, person: User, signed_as: str) -> SigningResult:
        return SigningResult(signed_at=timezone.now(), method=self.method)
