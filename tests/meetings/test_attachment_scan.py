"""An attachment the malware scanner refuses is not stored, and the person is told why."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from partnerskap.meetings import services
from partnerskap.meetings.models import Attachment

from ..core.test_storage import EICAR, clamd  # noqa: F401 - the fake scanner fixture


def test_an_infected_attachment_is_refused_and_nothing_is_kept(
    world,
    meeting,
    clamd,  # noqa: F811 - the fixture imported above
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path
    item = meeting.items.first()
    upload = ContentFile(b"%PDF-1.4\n" + EICAR, name="budsjett.pdf")
    with pytest.raises(ValidationError, match=r"budsjett\.pdf.*Eicar-Test-Signature"):
        services.attachment_add(actor=world.nav_leader, item=item, file=upload)
    assert not Attachment.objects.filter(item=item).exists()
    assert not any(tmp_path.rglob("*.pdf"))

    clean = ContentFile(b"%PDF-1.4\nReferat", name="referat.pdf")
    services.attachment_add(actor=world.nav_leader, item=item, file=clean)
    assert Attachment.objects.filter(item=item).count() == 1
    assert clamd.received[-1] == b"%PDF-1.4\nReferat"
