"""Agenda items, their attachments and follow-ups, and each person's own follow-ups."""

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerskap.core.pagination import paginate

from .. import selectors, services
from ..forms import (
    ActionForm,
    ActionUpdateForm,
    AttachmentForm,
    ForwardForm,
    ItemAddForm,
    ItemForm,
    MoveForm,
    ReorderForm,
    WithdrawForm,
)
from ..models import ActionItem, AgendaItem
from ._common import file_response, form_view


def _posted(request: HttpRequest) -> object:
    return request.POST if request.method == "POST" else None


def _on_agenda(item: AgendaItem) -> str:
    """The meeting page, scrolled to the item."""
    return f"{reverse('meetings:meeting_detail', args=[item.meeting_id])}#item-{item.pk}"


@require_http_methods(["GET", "POST"])
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    return form_view(
        request,
        ItemAddForm(_posted(request)),
        save=lambda data: services.item_add(actor=request.user, meeting=meeting, **data),
        then=_on_agenda,
        saved=lambda item: _("%(label)s was added.") % {"label": item.label},
        title=_("New item"),
        submit=_("Add the item"),
        back=reverse("meetings:meeting_detail", args=[pk]),
        meeting=meeting,
    )


@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    form = ItemForm(_posted(request), instance=item)

    def saved_by_other() -> AgendaItem | None:
        # On a conflict, keep this person's text in the form and show what the other one saved.
        if form.has_error("__all__", "conflict"):
            return selectors.item_for_user(request.user, pk)
        return None

    return form_view(
        request,
        form,
        save=lambda data: services.item_update(
            actor=request.user, item=item, revision=data["revision"], **form.item_fields()
        ),
        then=lambda _result: _on_agenda(item),
        saved=_("%(label)s was saved.") % {"label": item.label},
        title=_("Edit “%(title)s”") % {"title": item.label},
        submit=_("Save"),
        back=_on_agenda(item),
        template="meetings/item_form.html",
        item=item,
        saved_version=SimpleLazyObject(saved_by_other),
    )


@require_POST
def item_reorder(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    form = ReorderForm(request.POST, meeting=meeting)
    return form_view(
        request,
        form,
        save=lambda _data: services.item_reorder(
            actor=request.user, meeting=meeting, item_ids=form.new_order()
        ),
        then=lambda _result: _on_agenda(form.cleaned_data["item"]),
        saved="",
        title=_("Change the order of the agenda"),
        submit=_("Try again"),
        back=reverse("meetings:meeting_detail", args=[pk]),
        meeting=meeting,
    )


@require_http_methods(["GET", "POST"])
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    back = _on_agenda(item)
    return form_view(
        request,
        MoveForm(_posted(request), targets=selectors.move_targets(item)),
        save=lambda data: services.item_move(actor=request.user, item=item, target=data["target"]),
        then=lambda _result: back,
        saved=_("%(label)s was moved. It keeps its number.") % {"label": item.label},
        title=_("Move %(label)s to another meeting") % {"label": item.label},
        submit=_("Move the item"),
        back=back,
        item=item,
    )


@require_http_methods(["GET", "POST"])
def item_forward(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    return form_view(
        request,
        ForwardForm(_posted(request), targets=selectors.forward_targets(request.user, item)),
        save=lambda data: services.item_forward(
            actor=request.user, item=item, target=data["target"]
        ),
        then=lambda _forwarded: _on_agenda(item),
        saved=lambda forwarded: (
            _("%(label)s was forwarded as %(new)s.") % {"label": item.label, "new": forwarded.label}
        ),
        title=_("Forward %(label)s to another body") % {"label": item.label},
        submit=_("Forward the item"),
        back=_on_agenda(item),
        item=item,
    )


@require_http_methods(["GET", "POST"])
def item_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    return form_view(
        request,
        WithdrawForm(_posted(request)),
        save=lambda data: services.item_withdraw(actor=request.user, item=item, **data),
        then=lambda _result: _on_agenda(item),
        saved=_("%(label)s was withdrawn. It keeps its number.") % {"label": item.label},
        title=_("Withdraw %(label)s") % {"label": item.label},
        submit=_("Withdraw the item"),
        back=_on_agenda(item),
        item=item,
    )


# --- attachments ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    posted = request.method == "POST"
    return form_view(
        request,
        AttachmentForm(_posted(request), request.FILES if posted else None),
        save=lambda data: services.attachment_add(actor=request.user, item=item, **data),
        then=lambda _result: _on_agenda(item),
        saved=_("The file was attached to %(label)s.") % {"label": item.label},
        title=_("Attach a file to %(label)s") % {"label": item.label},
        submit=_("Upload"),
        back=_on_agenda(item),
        item=item,
        multipart=True,
    )


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = selectors.attachment_for_user(request.user, pk)
    return file_response(attachment)


# --- follow-ups -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    form = ActionForm(_posted(request), people=selectors.body_people(item.meeting.body))
    return form_view(
        request,
        form,
        save=lambda _data: services.action_add(
            actor=request.user, item=item, **form.person_fields()
        ),
        then=lambda _result: _on_agenda(item),
        saved=_("The follow-up was added."),
        title=_("New follow-up from %(label)s") % {"label": item.label},
        submit=_("Add the follow-up"),
        back=_on_agenda(item),
        item=item,
    )


def action_form(action: ActionItem, data: object = None) -> ActionUpdateForm:
    """The progress form of one follow-up; the prefix keeps ids unique in a list of them."""
    initial = {"status": action.status, "progress": action.progress, "revision": action.revision}
    return ActionUpdateForm(data, initial=initial, prefix=f"action-{action.pk}")


@require_http_methods(["GET", "POST"])
def action_update(request: HttpRequest, pk: int) -> HttpResponse:
    action = selectors.action_for_user(request.user, pk, change=True)
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    back = back or _on_agenda(action.item)
    return form_view(
        request,
        action_form(action, _posted(request)),
        save=lambda data: services.action_update(actor=request.user, action=action, **data),
        then=lambda _result: back,
        saved=_("The follow-up “%(title)s” was updated.") % {"title": action.title},
        title=_("Report progress on “%(title)s”") % {"title": action.title},
        submit=_("Save"),
        back=back,
        next=back,
    )


@require_GET
def my_actions(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.my_actions(request.user))
    today = timezone.localdate()
    here = request.get_full_path()
    rows = [(action, action.due_date < today, action_form(action)) for action in page.object_list]
    return render(request, "meetings/my_actions.html", {"page": page, "rows": rows, "here": here})
