"""The invented people of the demo data set: one for every role, and one who belongs nowhere."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

DEMO_PASSWORD = "demo-partnerskap"  # noqa: S105 - printed on purpose: demo only


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    job_title: str
    organisation: str
    description: object


PEOPLE = [
    DemoPerson(
        "admin", "Anne", "Admin", "Systemforvalter", "NAV", _("administrator for everything")
    ),
    DemoPerson(
        "leder.orland", "Ingrid", "Sæther", "NAV-leder", "NAV Ørland", _("NAV leader of NAV Ørland")
    ),
    DemoPerson(
        "kommunedirektor.orland",
        "Per",
        "Aune",
        "Kommunedirektør",
        "Ørland kommune",
        _("municipal owner of NAV Ørland"),
    ),
    DemoPerson(
        "referent.orland", "Jonas", "Berg", "Rådgiver", "NAV Ørland", _("minute-taker in Ørland")
    ),
    DemoPerson(
        "brukerrep.orland",
        "Aud",
        "Hammer",
        "Brukerrepresentant",
        "Brukerutvalget",
        _("user representative in Ørland"),
    ),
    DemoPerson(
        "tillitsvalgt.orland",
        "Tor",
        "Eide",
        "Hovedtillitsvalgt",
        "NAV Ørland",
        _("union representative in Ørland"),
    ),
    DemoPerson(
        "fylkesdirektor.trondelag",
        "Siri",
        "Lund",
        "Fylkesdirektør",
        "NAV Trøndelag",
        _("state owner for all of Trøndelag"),
    ),
    DemoPerson(
        "leder.indrefosen",
        "Marte",
        "Rian",
        "NAV-leder",
        "NAV Indre Fosen",
        _("NAV leader of NAV Indre Fosen"),
    ),
    DemoPerson(
        "kommunedirektor.indrefosen",
        "Hans",
        "Kvam",
        "Kommunedirektør",
        "Indre Fosen kommune",
        _("municipal owner of NAV Indre Fosen"),
    ),
    DemoPerson(
        "leder.alesund", "Eirik", "Vik", "NAV-leder", "NAV Ålesund", _("NAV leader of NAV Ålesund")
    ),
    DemoPerson(
        "radmann.alesund",
        "Solveig",
        "Brunstad",
        "Rådmann",
        "Ålesund kommune",
        _("municipal owner of NAV Ålesund"),
    ),
    DemoPerson(
        "fylkesdirektor.moreogromsdal",
        "Arne",
        "Myklebust",
        "Fylkesdirektør",
        "NAV Møre og Romsdal",
        _("state owner for all of Møre og Romsdal"),
    ),
    DemoPerson(
        "fylkesdirektor.nordland",
        "Liv",
        "Hansen",
        "Fylkesdirektør",
        "NAV Nordland",
        _("state owner for all of Nordland"),
    ),
    DemoPerson(
        "prosjektleder.nordland",
        "Knut",
        "Pettersen",
        "Prosjektleder",
        "NAV Nordland",
        _("project leader of the Nordland pilots"),
    ),
    DemoPerson(
        "leder.ofoten", "Nina", "Strand", "NAV-leder", "NAV Ofoten", _("NAV leader of NAV Ofoten")
    ),
    DemoPerson(
        "leder.indresalten",
        "Ola",
        "Bakken",
        "NAV-leder",
        "NAV Indre Salten",
        _("NAV leader of NAV Indre Salten"),
    ),
    DemoPerson(
        "leder.meloy",
        "Randi",
        "Moe",
        "NAV-leder",
        "NAV Meløy",
        _("NAV leader of NAV Meløy, Rødøy and Gildeskål"),
    ),
    DemoPerson(
        "utenfor", "Lars", "Utne", "Konsulent", "Annen kommune", _("belongs to no partnership")
    ),
]


def demo_logins() -> list[dict]:
    """The demo people that exist in this database, for the login page when DEBUG is on."""
    from partnerskap.core.models import User

    existing = set(
        User.objects.filter(username__in=[p.username for p in PEOPLE]).values_list(
            "username", flat=True
        )
    )
    return [
        {"username": p.username, "description": p.description}
        for p in PEOPLE
        if p.username in existing
    ]


def demo_login_hints() -> dict:
    """The login page's context in development: who to log in as, and with which password."""
    return {"demo_users": demo_logins(), "demo_password": DEMO_PASSWORD}
