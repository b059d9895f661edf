"""Search in the API: the same selector and access rules as the page, one page at a time."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from partnerskap.core.api import MAX_PAGE

from . import selectors
from .models import EntryKind

router = Router()


class SearchQueryIn(Schema):
    q: str = ""
    partnership: int | None = None
    body: int | None = None
    year: int | None = None
    kind: EntryKind | None = None
    page: int = Field(1, ge=1, le=MAX_PAGE)


class SearchHitOut(Schema):
    kind: str
    title: str
    url: str
    year: int | None
    public: bool
    passage: str  # HTML: the matching words in <mark>, everything else escaped
    partnership_id: int | None
    body_id: int | None


class SearchKindCountOut(Schema):
    kind: str
    label: str
    count: int


class SearchResultsOut(Schema):
    query: str
    count: int
    page: int
    pages: int
    kinds: list[SearchKindCountOut]
    items: list[SearchHitOut]


@router.get("/search", response=SearchResultsOut)
def search(request: HttpRequest, params: Query[SearchQueryIn]) -> dict:
    filters = selectors.Filters(
        params.partnership, params.body, params.year, params.kind.value if params.kind else None
    )
    results = selectors.search(request.user, params.q, filters, page=params.page)
    page = results.page
    return {
        "query": results.query,
        "count": results.total,
        "page": page.number if page else 1,
        "pages": page.paginator.num_pages if page else 0,
        "kinds": [{"kind": k, "label": label, "count": n} for k, label, n in results.kind_counts],
        "items": [
            {**hit.__dict__, "url": request.build_absolute_uri(hit.url)} for hit in results.hits
        ],
    }
