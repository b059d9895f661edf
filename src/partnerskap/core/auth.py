"""Login with the demo people listed when the demo data is loaded and DEBUG is on."""

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

    def get_context_data(self, **kwargs: object) -> dict:
        context = super().get_context_data(**kwargs)
        if settings.DEBUG:
            from partnerskap.demo.people import DEMO_PASSWORD, demo_logins

            context["demo_users"] = demo_logins()
            context["demo_password"] = DEMO_PASSWORD
        return context
