"""Login, password change and reset by e-mail, all in Aksel's look; with DEBUG on the login page
lists the hints the project's URL wiring gives it (the demo people, when the demo data is loaded).
Failed logins are throttled per account and per address by django-axes (docs/decisions/0064)."""

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .forms import AkselFormMixin

INPUT_CLASS = "aksel-text-field__input aksel-body-short"


def _password_inputs(form: forms.Form, autocomplete: dict[str, str]) -> None:
    """Password widgets keep Aksel's class and tell password managers what each field is."""
    for name, value in autocomplete.items():
        form.fields[name].widget = forms.PasswordInput(
            attrs={"autocomplete": value, "class": INPUT_CLASS}
        )


class LoginForm(AkselFormMixin, AuthenticationForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        _password_inputs(self, {"password": "current-password"})


class AkselPasswordChangeForm(AkselFormMixin, PasswordChangeForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        _password_inputs(
            self,
            {
                "old_password": "current-password",
                "new_password1": "new-password",
                "new_password2": "new-password",
            },
        )


class AkselPasswordResetForm(AkselFormMixin, PasswordResetForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class AkselSetPasswordForm(AkselFormMixin, SetPasswordForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        _password_inputs(self, {"new_password1": "new-password", "new_password2": "new-password"})


class PartnerskapLoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True
    # Extra context for the login page in development, given by the project's URL wiring, so that
    # core need not know the demo app (core imports no app).
    hints: Callable[[], dict] | None = None
    # The buttons for the identity providers (a list of label and url, given the page to go on
    # to), also from the URL wiring.
    providers: Callable[[str], list[dict[str, str]]] | None = None

    def get_context_data(self, **kwargs: object) -> dict:
        context = super().get_context_data(**kwargs)
        if self.providers is not None:
            context["providers"] = self.providers(self.get_redirect_url())
        if settings.DEBUG and self.hints is not None:
            context.update(self.hints())
        return context


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = AkselPasswordChangeForm
    template_name = "registration/password_form.html"
    success_url = reverse_lazy("home")
    title = gettext_lazy("Change your password")
    extra_context = {"submit": gettext_lazy("Change the password")}

    def form_valid(self, form: forms.Form) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your password was changed."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = AkselPasswordResetForm
    template_name = "registration/password_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")
    title = gettext_lazy("Forgotten password")
    extra_context = {
        "submit": gettext_lazy("Send me a link"),
        "lead": gettext_lazy(
            "Give the e-mail address Partnerskap has for you, and we send you a link to choose "
            "a new password."
        ),
    }


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_message.html"
    title = gettext_lazy("Check your e-mail")
    extra_context = {
        "text": gettext_lazy(
            "If the address belongs to a person in Partnerskap, a link to choose a new password "
            "is on its way. The link can be used once."
        )
    }


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = AkselSetPasswordForm
    template_name = "registration/password_form.html"
    success_url = reverse_lazy("password_reset_complete")
    title = gettext_lazy("Choose a new password")
    extra_context = {"submit": gettext_lazy("Save the new password")}


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_message.html"
    title = gettext_lazy("Your password was changed")
    extra_context = {"text": gettext_lazy("You can now log in with your new password.")}


def client_ip(request: HttpRequest) -> str | None:
    """The address login throttling counts against. Behind `PROXY_COUNT` trusted reverse proxies
    it is the one the nearest of them saw (in X-Forwarded-For); without proxies, REMOTE_ADDR, so
    that a client cannot pick its own address by sending the header."""
    count = settings.PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The page django-axes shows instead of trying the password: 429, in Norwegian."""
    context = {"lockout_minutes": settings.LOGIN_COOLOFF_MINUTES}
    return render(request, "registration/locked_out.html", context, status=429)
