from django import forms
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin
from partnerskap.core.models import User


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        extra = ", ".join(filter(None, [obj.organisation, obj.email]))
        return f"{obj.display_name} ({extra})" if extra else obj.display_name


class ConnectForm(AkselFormMixin, forms.Form):
    person = PersonChoiceField(
        label=_("Person in Partnerskap"),
        queryset=User.objects.filter(is_active=True).order_by("first_name", "last_name"),
        error_messages={
            "required": _("Choose the person this login belongs to."),
            "invalid_choice": _("The person chosen is not in Partnerskap any more."),
        },
    )
