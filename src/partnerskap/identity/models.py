"""Who logged in through which provider: the issuer's stable subject, and the person it is."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel


class ExternalIdentity(TimeStampedModel):
    """A login at an identity provider. Without a person it waits for an administrator, who
    connects it to one; from then on that login is that person (never by e-mail alone)."""

    provider = models.CharField(_("provider"), max_length=40)
    issuer = models.CharField(_("issuer"), max_length=300)
    subject = models.CharField(_("subject"), max_length=200)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="external_identities",
        verbose_name=_("person"),
    )
    # What the provider told at the last login, for the administrator who connects it.
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    nav_ident = models.CharField(_("NAV ident"), max_length=20, blank=True)
    last_login_at = models.DateTimeField(_("last login"), null=True, blank=True)
    connected_at = models.DateTimeField(_("connected"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work identity login")
        verbose_name_plural = _("work identity logins")
        ordering = ["-last_login_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="identity_issuer_subject")
        ]

    def __str__(self) -> str:
        return self.name or self.email or self.code

    @property
    def code(self) -> str:
        """A short code the person reads from the "no access yet" page to their administrator."""
        return self.uuid.hex[:8].upper()
