"""Agreement templates: loading a checked template file, and the one Partnerskap ships."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import save

from ..models import (
    AgreementTemplate,
)
from ..template_format import SHIPPED, parse_template

# --- templates ------------------------------------------------------------------------------


@transaction.atomic
def template_load(*, actor: User | None, data: str | bytes, file_name: str) -> AgreementTemplate:
    """A new template version from a template file; nothing is saved if anything is wrong."""
    structure = parse_template(data, file_name)
    if AgreementTemplate.objects.filter(
        name=structure["name"], version=structure["version"]
    ).exists():
        raise ValidationError(
            _("%(file)s: the template %(name)s version %(version)s is already loaded.")
            % {"file": file_name, "name": structure["name"], "version": structure["version"]}
        )
    template = AgreementTemplate(
        name=structure["name"],
        version=structure["version"],
        description=structure["description"],
        structure=structure,
        source_name=file_name,
        loaded_by=actor,
    )
    return save(template, actor=actor)


def shipped_template() -> AgreementTemplate:
    """The template Partnerskap ships (the national structure in its own words)."""
    structure = parse_template(SHIPPED.read_text(encoding="utf-8"), SHIPPED.name)
    existing = AgreementTemplate.objects.filter(
        name=structure["name"], version=structure["version"]
    ).first()
    if existing:
        return existing
    return template_load(
        actor=None, data=SHIPPED.read_text(encoding="utf-8"), file_name=SHIPPED.name
    )
