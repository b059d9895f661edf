from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "partnerskap.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401 - registers the deploy checks
        from .signals import record_last_login

        # Django saves the whole user on login, which made every login a history row of the
        # user; the time of the last login is not a change anyone made to the person. Ours takes
        # Django's dispatch_uid: core is ready before django.contrib.auth, whose own connect is
        # then ignored (and were auth ready first, the disconnect removes it).
        user_logged_in.disconnect(dispatch_uid="update_last_login")
        user_logged_in.connect(record_last_login, dispatch_uid="update_last_login")
