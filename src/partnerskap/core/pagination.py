"""One way to paginate every list page: two queries whatever the size of the list."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


def paginate(request: HttpRequest, qs: QuerySet, per_page: int | None = None) -> Page:
    paginator = Paginator(qs, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("side"))
