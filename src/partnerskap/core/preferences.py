"""The person's own settings page: reminders by e-mail (immediately, a daily digest, or none) and
the language of their e-mail (docs/decisions/0067)."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from .forms import AkselFormMixin
from .models import Language, Notifications
from .pages import form_view, posted
from .people import person_preferences_update


class PreferencesForm(AkselFormMixin, forms.Form):
    notifications = forms.ChoiceField(
        label=gettext_lazy("Reminders by e-mail"),
        choices=Notifications.choices,
        help_text=gettext_lazy(
            "What waits for you: minutes out for comments, hearings, signatures, your follow-ups "
            "and meetings. A daily digest lists each new thing once, in one e-mail a day."
        ),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of e-mails"), choices=Language.choices
    )


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    person = request.user
    initial = {"notifications": person.notifications, "language": person.language}
    form = PreferencesForm(posted(request), initial=initial)
    return form_view(
        request,
        form,
        template="core/preferences.html",
        save=lambda data: person_preferences_update(actor=person, person=person, **data),
        then=lambda _person: reverse("preferences"),
        saved=_("Your settings are saved."),
        title=_("Settings"),
        submit=_("Save settings"),
        back=reverse("home"),
    )
