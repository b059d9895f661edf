"""The search page: one form read from the address, one selector, render."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import selectors
from .forms import SearchForm


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    partnerships, bodies = selectors.filter_choices(request.user)
    form = SearchForm(request.GET, partnerships=partnerships, bodies=bodies)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        filters = selectors.Filters(
            data["partnership"], data["body"], data["year"], data["kind"] or None
        )
        results = selectors.search(request.user, data["q"], filters, page=request.GET.get("side"))
    status = 400 if form.errors else 200
    return render(request, "search/search.html", {"form": form, "results": results}, status=status)
