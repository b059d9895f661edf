"""The providers from the environment NAIS sets, and the deploy check for a half-configured one."""

from django.core.checks import run_checks

from partnerskap.identity.config import providers_from_env

ENTRA = {
    "AZURE_APP_WELL_KNOWN_URL": "https://login.example/tenant/v2.0/.well-known/openid-configuration",
    "AZURE_APP_CLIENT_ID": "app-id",
    "AZURE_APP_CLIENT_SECRET": "secret",
}


def test_a_provider_with_all_three_variables_is_offered():
    providers, missing = providers_from_env(ENTRA)
    assert list(providers) == ["entra"] and missing == []
    entra = providers["entra"]
    assert entra.client_id == "app-id" and entra.subject_claim == "oid"
    assert entra.discovery_url == ENTRA["AZURE_APP_WELL_KNOWN_URL"]


def test_a_half_configured_provider_is_not_offered_and_named():
    providers, missing = providers_from_env(
        {"IDPORTEN_CLIENT_ID": "kommune", "AZURE_APP_CLIENT_SECRET": " "}
    )
    assert providers == {}
    assert missing == ["IDPORTEN_WELL_KNOWN_URL", "IDPORTEN_CLIENT_SECRET"]


def test_the_deploy_check_warns_of_a_half_configured_provider(settings):
    settings.OIDC_MISSING = ["IDPORTEN_CLIENT_SECRET"]
    found = [m for m in run_checks(include_deployment_checks=True) if m.id == "partnerskap.W010"]
    assert len(found) == 1 and "IDPORTEN_CLIENT_SECRET" in found[0].msg
    settings.OIDC_MISSING = []
    found = [m for m in run_checks(include_deployment_checks=True) if m.id == "partnerskap.W010"]
    assert found == []
