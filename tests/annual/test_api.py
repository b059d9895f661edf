"""The annual API with a session client that sends CSRF tokens as a browser would."""

from partnerskap.annual.models import CouncilReportVersion

from ..clients import BrowserClient


def test_the_api_reads_edits_and_sends_the_report(world, orland_year):
    client = BrowserClient()
    client.force_login(world.nav_leader)
    url = f"/api/v1/partnerships/{world.orland.pk}/council-reports/{orland_year}"
    read = client.get(url).json()
    assert read["revision"] == 0
    assert [s["key"] for s in read["sections"]][:3] == ["introduction", "agreement", "bodies"]
    saved = client.put(
        url,
        {"revision": 0, "texts": {"introduction": "Et godt år."}},
        content_type="application/json",
    )
    assert saved.status_code == 200, saved.content
    assert saved.json()["sections"][0]["text"] == "Et godt år."
    stale = client.put(url, {"revision": 0, "texts": {}}, content_type="application/json")
    assert stale.status_code == 409
    bad = client.put(
        url, {"revision": 1, "texts": {"nothing": "x"}}, content_type="application/json"
    )
    assert bad.status_code == 422
    sent = client.post(url + "/send", {}, content_type="application/json")
    assert sent.status_code == 201
    assert sent.json()["number"] == CouncilReportVersion.objects.get().number == 1
    wheel = client.get(f"/api/v1/partnerships/{world.orland.pk}/wheel/{orland_year}").json()
    assert [e["kind"] for e in wheel].count("meeting") == 2


def test_outsiders_get_404(world, orland_year):
    client = BrowserClient()
    client.force_login(world.other_leader)
    url = f"/api/v1/partnerships/{world.orland.pk}/council-reports/{orland_year}"
    assert client.get(url).status_code == 404
    assert client.post(url + "/send", {}, content_type="application/json").status_code == 404
