"""People without a login: external members, guests, speakers, an organisation owning a follow-up.

Everyone Partnerskap names is a `User` row (docs/decisions/0020-people-without-a-login.md): a
person from outside the registry is recorded with a name and organisation and no usable password,
so every place that points at a person (body members, attendance, follow-up owners, speakers) points
at the same kind of row, and giving them a login later keeps everything they were part of.
"""

import uuid

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import User
from .services import locked, save


@transaction.atomic
def person_create(
    *,
    actor: User | None,
    first_name: str,
    last_name: str = "",
    organisation: str = "",
    job_title: str = "",
    email: str = "",
) -> User:
    """Record a person (or a group such as "the network's board") who has no login yet.

    An e-mail address already used by someone is refused, naming them, so the same person is
    not recorded twice."""
    first_name, last_name = first_name.strip(), last_name.strip()
    email = email.strip().lower()
    if not first_name and not last_name:
        raise ValidationError({"first_name": _("Give the person's name.")})
    if email:
        existing = User.objects.filter(email__iexact=email).first()
        if existing is not None:
            raise ValidationError(
                {
                    "email": _("%(person)s already has this e-mail address.")
                    % {"person": existing.display_name}
                }
            )
    person = User(
        username=f"ekstern-{uuid.uuid4().hex[:12]}",
        first_name=first_name,
        last_name=last_name,
        organisation=organisation.strip(),
        job_title=job_title.strip(),
        email=email,
    )
    person.set_unusable_password()
    return save(person, actor=actor)


def person_from_name(
    *, actor: User | None, name: str, organisation: str = "", job_title: str = "", email: str = ""
) -> User:
    """A person recorded from one name field ("Kari Nordmann", or "Nettverkets styre"): the last
    word is the surname when there are several."""
    first, _space, last = name.strip().rpartition(" ")
    if not first:
        first, last = last, ""
    return person_create(
        actor=actor,
        first_name=first,
        last_name=last,
        organisation=organisation,
        job_title=job_title,
        email=email,
    )


@transaction.atomic
def person_give_login(*, actor: User | None, person: User, username: str, password: str) -> User:
    """Let a person recorded without a login sign in: a user name and a first password. The row
    stays the same, so every membership, attendance and follow-up stays theirs."""
    username = username.strip()
    if person.has_usable_password():
        raise ValidationError(
            _("%(person)s can already sign in.") % {"person": person.display_name}
        )
    if not username:
        raise ValidationError({"username": _("Give a user name.")})
    if User.objects.filter(username__iexact=username).exclude(pk=person.pk).exists():
        raise ValidationError(
            {"username": _("The user name %(name)s is taken.") % {"name": username}}
        )
    validate_password(password, person)
    person.username = username
    person.set_password(password)
    return save(person, actor=actor)


@transaction.atomic
def person_preferences_update(
    *, actor: User, person: User, notifications: str, language: str
) -> User:
    """A person's own settings: how they hear of what waits for them, and the language of their
    e-mail. Only the person may change them."""
    if actor.pk != person.pk:
        raise ValidationError(_("Only the person may change their own settings."))
    fresh = locked(User, person.pk)
    fresh.notifications = notifications
    fresh.language = language
    return save(fresh, actor=actor)
