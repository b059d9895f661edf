"""`partnerskap token USERNAME NAME`: issue a personal API token and print its key once."""

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _

from partnerskap.core.management.base import PartnerskapCommand
from partnerskap.core.models import ApiToken, User


class Command(PartnerskapCommand):
    help = (
        "Issue a personal API token for USERNAME and print its key. Only a hash is stored, "
        "so the key cannot be shown again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="The person the token acts as.")
        parser.add_argument("name", help="What the token is for, e.g. 'Power BI'.")

    def handle(self, *args: object, username: str, name: str, **options: object) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(
                _("No person has the username “%(username)s”.") % {"username": username}
            )
        if not user.is_active:
            raise CommandError(
                _("“%(username)s” is deactivated and cannot use the API.") % {"username": username}
            )
        name = name.strip()
        if not name:
            raise CommandError(_("Give the token a name that says what it is for."))
        max_length = ApiToken._meta.get_field("name").max_length
        if len(name) > max_length:
            raise CommandError(
                _("The name may be at most %(count)s characters.") % {"count": max_length}
            )
        _token, key = ApiToken.issue(user=user, name=name)
        # The key alone on stdout, so that scripts can capture it; the advice goes to stderr.
        self.stdout.write(key)
        self.stderr.write(
            _(
                "Key “%(name)s” for %(username)s: send it as “Authorization: Bearer <key>”. "
                "It is shown only this once."
            )
            % {"name": name, "username": username}
        )
