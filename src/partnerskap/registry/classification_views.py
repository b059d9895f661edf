"""The page that imports Statistics Norway's classification: upload (or the shipped file),
see what would change, confirm. Administrators only."""

import base64
import binascii

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from partnerskap.core.forms import add_service_errors

from . import classification, selectors


class ClassificationForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Statistics Norway's classification (CSV or XLSX)"),
        required=False,
        help_text=gettext_lazy(
            "Leave it empty to use the classification shipped with Partnerskap. The file needs "
            "the columns code, name and validFrom, as in SSB's export."
        ),
    )


def _read(request: HttpRequest, form: ClassificationForm) -> tuple[str, bytes] | None:
    if "content" in request.POST:
        try:
            return request.POST.get("name", "")[:200], base64.b64decode(
                request.POST["content"], validate=True
            )
        except binascii.Error:
            form.add_error(None, _("The preview could not be read back. Upload the file again."))
            return None
    upload = form.cleaned_data["file"] if form.is_valid() else None
    if upload is None:
        return classification.shipped() if form.is_valid() else None
    classification.check_upload(upload.name, upload.size)
    return upload.name, upload.read()


@require_http_methods(["GET", "POST"])
def classification_import(request: HttpRequest) -> HttpResponse:
    selectors.require_reference_change(request.user)
    if request.method != "POST":
        form = ClassificationForm()
        return render(request, "registry/classification_import.html", {"form": form})
    form = ClassificationForm(request.POST, request.FILES)
    context: dict[str, object] = {"form": form}
    try:
        read = _read(request, form)
        if read is not None and request.POST.get("confirm"):
            done = classification.classification_import(
                actor=request.user, name=read[0], data=read[1]
            )
            messages.success(request, classification.summary(done))
            return redirect("registry:municipality_list")
        if read is not None:
            context["plan"] = classification.plan(*read)
            context["name"] = read[0]
            context["content"] = base64.b64encode(read[1]).decode()
    except ValidationError as exc:
        add_service_errors(form, exc)
    status = 400 if form.errors else 200
    return render(request, "registry/classification_import.html", context, status=status)
