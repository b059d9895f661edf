"""The login page; with DEBUG on it lists the hints the project wires in (the demo logins)."""

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView

from .forms import AkselFormMixin


class LoginForm(AkselFormMixin, AuthenticationForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget = forms.PasswordInput(
            attrs={
                "autocomplete": "current-password",
                "class": "aksel-text-field__input aksel-body-short",
            }
        )


class PartnerskapLoginView(LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True
    # Extra context for the login page in development, given by the project's URL wiring, so that
    # core need not know the demo app (core imports no app).
    hints: Callable[[], dict] | None = None

    def get_context_data(self, **kwargs: object) -> dict:
        context = super().get_context_data(**kwargs)
        if settings.DEBUG and self.hints is not None:
            context.update(self.hints())
        return context
