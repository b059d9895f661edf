"""An edit page names what it edits in quotes, not glued to a capitalised title (issue 14:
"Endre Status for …")."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_item_edit_page_quotes_the_item(client, world, meeting):
    item = meeting.items.order_by("position").first()
    client.force_login(world.nav_leader)
    html = client.get(reverse("meetings:item_edit", args=[item.pk])).content.decode()
    assert f"<title>Endre «{item.label}» – Partnerskap</title>" in html
