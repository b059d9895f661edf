"""Search finds Norwegian words in their other forms, obeys the pages' access rules, reads the
text of attached PDF and DOCX files, and follows changes through the signals (decision 0046)."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.test import Client

from partnerskap.core.models import ApiToken
from partnerskap.documents.pdf import render_pdf
from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import AgendaItem, ItemKind
from partnerskap.search import services, text
from partnerskap.search.models import EntryKind, SearchEntry
from partnerskap.search.selectors import Filters, search

from .conftest import SECRET_DECISION


def titles(user, query, **filters) -> list[str]:
    return [h.title for h in search(user, query, Filters(**filters)).hits]


def item_titles(user, query, **filters) -> list[str]:
    return [h.title for h in search(user, query, Filters(**filters)).hits if h.kind == "item"]


# --- Norwegian words ------------------------------------------------------------------------


def test_the_stemmer_joins_bokmal_and_nynorsk_inflections():
    assert text.stem("partnerskapsmøtene") == text.stem("partnerskapsmøte")
    assert text.stem("kommunane") == text.stem("kommunene") == text.stem("kommune")
    assert text.stem("tjenesteområdene") == text.stem("tjenesteområde")


def test_an_inflected_compound_finds_its_other_forms(indexed, world):
    # "partnerskapsmøte" stands in the texts only as "partnerskapsmøtene" and "partnerskapsmøtet"
    found = item_titles(world.nav_leader, "partnerskapsmøte")
    assert set(found) == {"Sak 1/24 Felles plan for partnerskapsmøtene", _budget_title(indexed)}
    assert set(item_titles(world.nav_leader, "partnerskapsmøtene")) == set(found)


def test_a_plural_finds_the_singular_and_nynorsk_finds_bokmal(indexed, world):
    assert item_titles(world.nav_leader, "tjenesteområde") == [_budget_title(indexed)]
    assert item_titles(world.nav_leader, "budsjetter") == [_budget_title(indexed)]
    # The text says "kommunane" (nynorsk) and "Kommunene" (bokmål): both are found either way.
    both = {"Sak 1/24 Felles plan for partnerskapsmøtene", _budget_title(indexed)}
    assert set(item_titles(world.nav_leader, "kommunene")) == both
    assert set(item_titles(world.nav_leader, "kommunane")) == both


def test_the_start_of_a_compound_finds_it(indexed, world):
    assert item_titles(world.nav_leader, "mottaks") == [
        "Sak 1/24 Felles plan for partnerskapsmøtene"
    ]
    assert _budget_title(indexed) in item_titles(world.nav_leader, "tjeneste")


def test_all_words_must_match(indexed, world):
    assert item_titles(world.nav_leader, "budsjett kommunane") == [_budget_title(indexed)]
    assert item_titles(world.nav_leader, "budsjett årshjulet") == []


def test_the_passage_marks_the_matching_words(indexed, world):
    hit = next(
        h for h in search(world.nav_leader, "budsjettet", Filters()).hits if h.kind == "item"
    )
    assert "<mark>Budsjettene</mark> for NAV-kontorene" in hit.passage
    assert hit.url.endswith(f"#item-{indexed.items.get(kind=ItemKind.DECISION).pk}")


def test_text_is_escaped_around_the_marks():
    match = text.matcher("plan")
    assert (
        str(text.passage("<b>Plan</b> & mer", match))
        == "&lt;b&gt;<mark>Plan</mark>&lt;/b&gt; &amp; mer"
    )


# --- access -----------------------------------------------------------------------------------


def test_an_exempt_items_text_is_found_only_by_those_who_may_read_it(indexed, world):
    query = "nedbemanningen Brekstad"
    assert titles(world.county_director, query) == ["Sak 2/24 Personalsak ved kontoret"]
    assert titles(world.admin, query) == ["Sak 2/24 Personalsak ved kontoret"]
    for persona in (world.outsider, world.other_leader, world.nav_leader, world.member):
        assert titles(persona, query) == [], persona.username  # no Ørland role reads the forum


def test_published_public_items_are_found_by_everyone_signed_in(indexed, world):
    for persona in (world.outsider, world.other_leader):
        assert item_titles(persona, "årshjulet") == ["Sak 1/24 Felles plan for partnerskapsmøtene"]


def test_internal_items_are_found_only_inside_the_partnership(indexed, world):
    assert item_titles(world.member, "tjenesteområdene") == [_budget_title(indexed)]
    assert item_titles(world.county_director, "tjenesteområdene") == [_budget_title(indexed)]
    assert item_titles(world.outsider, "tjenesteområdene") == []
    assert item_titles(world.other_leader, "tjenesteområdene") == []
    assert titles(world.other_leader, "Ørland") == []


# --- documents ------------------------------------------------------------------------------


def _attach(meeting, actor, name, data, title):
    item = meeting.items.get(kind=ItemKind.DECISION)
    return meeting_services.attachment_add(
        actor=actor, item=item, file=SimpleUploadedFile(name, data), title=title
    )


def test_the_text_of_an_attached_pdf_and_docx_is_found(indexed, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = render_pdf("<h1>Risikovurdering</h1><p>Sykefraværet i mottaket økte i fjor.</p>")
    _attach(indexed, world.nav_leader, "risiko.pdf", pdf, "Vedlegg A")
    document = docx.Document()
    document.add_paragraph("Opplæringsplanen for veilederne legges fram i juni.")
    data = io.BytesIO()
    document.save(data)
    _attach(indexed, world.nav_leader, "plan.docx", data.getvalue(), "Vedlegg B")
    services.index_rebuild()
    assert titles(world.nav_leader, "sykefravær", kind=EntryKind.DOCUMENT) == ["Vedlegg A"]
    assert titles(world.nav_leader, "opplæringsplan", kind=EntryKind.DOCUMENT) == ["Vedlegg B"]
    assert titles(world.outsider, "sykefravær") == []


def test_a_file_that_cannot_be_read_is_found_by_its_title():
    assert text.file_text(b"%PDF-1.4 not really", text.PDF, "x.pdf") == ""
    assert text.file_text(b"plain", "text/plain", "x.txt") == ""


# --- the index follows the data -----------------------------------------------------------


def test_a_saved_change_reaches_the_index_after_commit(
    indexed, world, django_capture_on_commit_callbacks
):
    item = indexed.items.get(kind=ItemKind.DECISION)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.item_update(
            actor=world.nav_leader,
            item=item,
            revision=item.revision,
            background="Tolketjenesten i Fosen skal evalueres.",
        )
    assert item_titles(world.nav_leader, "tolketjenesten") == [_budget_title(indexed)]
    assert item_titles(world.nav_leader, "kommunane") == [
        "Sak 1/24 Felles plan for partnerskapsmøtene"
    ]


def test_a_deleted_row_leaves_the_index(indexed, world, django_capture_on_commit_callbacks):
    partnership_entries = SearchEntry.objects.filter(
        kind=EntryKind.BODY, body__slug="orland-partnerskapsmote"
    )
    assert partnership_entries.count() == 1
    member = indexed.body.members.first()
    with django_capture_on_commit_callbacks(execute=True):
        member.delete()
    assert not SearchEntry.objects.filter(kind=EntryKind.PERSON, source_id=member.pk).exists()


def test_rebuild_counts_every_source(indexed):
    counts = services.index_rebuild()
    assert counts["meetings.AgendaItem"] == AgendaItem.objects.count()
    assert SearchEntry.objects.count() == sum(counts.values())


# --- filters, pages and the API -----------------------------------------------------------


def test_filters_narrow_by_kind_year_body_and_partnership(indexed, world, forum):
    assert {h.kind for h in search(world.admin, "partnerskapsmøte", Filters()).hits} >= {
        "item",
        "meeting",
        "body",
    }
    assert set(titles(world.admin, "partnerskapsmøte", kind="item", year=2024)) == {
        "Sak 1/24 Felles plan for partnerskapsmøtene"
    }
    assert titles(world.admin, "partnerskapsmøte", kind="item", body=forum.pk) == [
        "Sak 1/24 Felles plan for partnerskapsmøtene"
    ]
    assert titles(world.admin, "partnerskapsmøte", kind="item", partnership=world.orland.pk) == [
        _budget_title(indexed)
    ]


def test_results_come_grouped_by_kind_with_counts(indexed, world):
    results = search(world.nav_leader, "partnerskapsmøte", Filters())
    kinds = [kind for kind, _hits in results.groups]
    assert kinds == sorted(kinds, key=list(EntryKind.values).index)
    counts = {kind: n for kind, _label, n in results.kind_counts}
    assert counts["item"] == 2 and counts["meeting"] == 1 and counts["body"] == 1
    assert results.total == sum(counts.values())


def test_the_search_page(indexed, world, client):
    client.force_login(world.nav_leader)
    response = client.get("/sok/", {"q": "tjenesteområder"})
    assert response.status_code == 200
    html = response.content.decode()
    assert _budget_title(indexed) in html
    assert "<mark>tjenesteområdene</mark>" in html
    assert 'id="group-item"' in html
    assert client.get("/sok/", {"q": "x", "year": "tja"}).status_code == 400
    assert client.post("/sok/", {"q": "x"}).status_code == 405
    empty = client.get("/sok/").content.decode()
    assert "results-heading" not in empty


def test_the_header_has_a_search_box(world, client):
    client.force_login(world.member)
    assert 'action="/sok/"' in client.get("/").content.decode()


def test_the_api_gives_the_same_results(indexed, world):
    client = Client(enforce_csrf_checks=True)
    _token, key = ApiToken.issue(user=world.nav_leader, name="test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    data = client.get("/api/v1/search", {"q": "partnerskapsmøte", "kind": "item"}, **auth).json()
    assert data["count"] == 2
    assert {i["title"] for i in data["items"]} == {
        "Sak 1/24 Felles plan for partnerskapsmøtene",
        _budget_title(indexed),
    }
    urls = {i["title"]: i["url"] for i in data["items"]}
    assert urls[_budget_title(indexed)].startswith("http://testserver/moter/")
    # The forum's public item, which Ørland's leader reads on the public pages only.
    assert urls["Sak 1/24 Felles plan for partnerskapsmøtene"].startswith(
        "http://testserver/offentlig/trondelag-samarbeidsforum/"
    )
    outsider_key = ApiToken.issue(user=world.outsider, name="test")[1]
    data = client.get(
        "/api/v1/search", {"q": "nedbemanningen"}, HTTP_AUTHORIZATION=f"Bearer {outsider_key}"
    ).json()
    assert data["count"] == 0 and SECRET_DECISION not in str(data)
    assert client.get("/api/v1/search", {"q": "x", "kind": "nope"}, **auth).status_code == 422
    assert client.get("/api/v1/search", {"q": "x"}).status_code == 401


@pytest.mark.parametrize("extra_meetings", [0, 6])
def test_the_page_costs_the_same_queries_whatever_the_data(
    indexed, world, client, django_assert_num_queries, extra_meetings
):
    for n in range(extra_meetings):
        meeting_services.item_add(
            actor=world.nav_leader,
            meeting=indexed,
            title=f"Partnerskapsmøte nummer {n}",
            kind=ItemKind.DISCUSSION,
        )
    services.index_rebuild()
    client.force_login(world.county_director)
    client.get("/sok/", {"q": "partnerskapsmøte"})  # the session and the scope warm up
    with django_assert_num_queries(QUERIES):
        response = client.get("/sok/", {"q": "partnerskapsmøte"})
    assert response.status_code == 200


QUERIES = 11


def _budget_title(meeting) -> str:
    return str(meeting.items.get(kind=ItemKind.DECISION)).replace("  ", " ")


def test_an_unchanged_file_is_not_read_again(indexed, world, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    pdf = render_pdf("<p>Sykefraværet i mottaket økte i fjor.</p>")
    attachment = _attach(indexed, world.nav_leader, "risiko.pdf", pdf, "Vedlegg A")
    services.entries_refresh(model=type(attachment), which=Q(pk=attachment.pk))
    reads = []
    real = text.file_text
    monkeypatch.setattr(text, "file_text", lambda *a, **k: reads.append(a) or real(*a, **k))
    services.entries_refresh(model=type(attachment), which=Q(pk=attachment.pk))
    assert reads == []
    assert titles(world.nav_leader, "sykefravær", kind=EntryKind.DOCUMENT) == ["Vedlegg A"]


def test_a_public_hit_links_to_the_public_page_for_those_outside(indexed, world, forum):
    meeting = forum.meetings.get()
    outside = search(world.outsider, "årshjulet", Filters()).hits
    inside = search(world.county_director, "årshjulet", Filters()).hits
    item = next(h for h in outside if h.kind == "item")
    assert item.url.startswith(f"/offentlig/{forum.slug}/{meeting.pk}/#item-")
    assert next(h for h in inside if h.kind == "item").url.startswith(f"/moter/{meeting.pk}/")
