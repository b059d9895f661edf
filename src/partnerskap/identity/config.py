"""The identity providers, from the environment variables NAIS sets (or the same names by hand).

Settings call `providers_from_env` before the apps load, so this module imports no model."""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Provider:
    """One OpenID provider the login page offers."""

    key: str  # in the URL: /innlogging/via/<key>/
    label: str  # on the button: "Logg inn med …"
    discovery_url: str  # the issuer's /.well-known/openid-configuration
    client_id: str
    client_secret: str
    # The claim that names the person for good at this issuer: Entra ID's object id (its `sub`
    # differs per app), ID-porten's `sub` (stable per client, and not the national identity
    # number, which Partnerskap never stores).
    subject_claim: str
    scopes: str = "openid profile email"
    extra_params: Mapping[str, str] = field(default_factory=dict)
    # When not empty, the token's `acr` must be one of these (ID-porten's assurance levels).
    acr_values: frozenset[str] = frozenset()


# key: (label, env prefix, subject claim, scopes, extra authorisation parameters, accepted acr)
KNOWN = {
    "entra": (
        "NAV (Entra ID)",
        "AZURE_APP",
        "oid",
        "openid profile email",
        {},
        frozenset(),
    ),
    "idporten": (
        "ID-porten",
        "IDPORTEN",
        "sub",
        "openid profile",
        {"acr_values": "idporten-loa-substantial"},
        frozenset({"idporten-loa-substantial", "idporten-loa-high"}),
    ),
}
PARTS = ("WELL_KNOWN_URL", "CLIENT_ID", "CLIENT_SECRET")


def providers_from_env(environ: Mapping[str, str]) -> tuple[dict[str, Provider], list[str]]:
    """The providers whose three variables are all set, and the names of variables missing from a
    provider that has some but not all (the deploy check warns of those)."""
    providers: dict[str, Provider] = {}
    missing: list[str] = []
    for key, (label, prefix, subject, scopes, extra, acr) in KNOWN.items():
        values = {part: environ.get(f"{prefix}_{part}", "").strip() for part in PARTS}
        given = [part for part, value in values.items() if value]
        if given and len(given) < len(PARTS):
            missing += [f"{prefix}_{part}" for part in PARTS if part not in given]
        if len(given) == len(PARTS):
            providers[key] = Provider(
                key=key,
                label=label,
                discovery_url=values["WELL_KNOWN_URL"],
                client_id=values["CLIENT_ID"],
                client_secret=values["CLIENT_SECRET"],
                subject_claim=subject,
                scopes=scopes,
                extra_params=extra,
                acr_values=acr,
            )
    return providers, missing
