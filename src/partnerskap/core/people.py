"""People without a login: external members, guests, speakers, an organisation owning a follow-up.

Everyone Partnerskap names is a `User` row (docs/decisions/0020-people-without-a-login.md): a
person from outside the registry is recorded with a name and organisation and no usable password,
so every place that points at a person (body members, attendance, follow-up owners, speakers) points
at the same kind of row, and giving them a login later keeps everything they were part of.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import User
from .services import save


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
