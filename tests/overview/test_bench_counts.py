"""Done point 2 on the bench data (bench/generate.py): the county overview costs the same number
of queries with 8 partnerships as with 250, for an administrator (everything) and a county
director (one county). The front page of the county director is measured the same way."""

import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from partnerskap.core.models import RoleKind, User
from partnerskap.registry.models import Partnership, Role

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from generate import Scale, generate  # noqa: E402 - bench/ is not a package

# Session and user (2), the person's roles and the partnerships they reach (2, none for an
# administrator), the partnerships with every column as a subquery (1), their agreements (1).
EXPECTED = {"bench.admin": 4, "director": 6}


def _count(user: User, path: str) -> int:
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("size", [8, 250])
def test_the_overview_costs_the_same_for_8_and_250_partnerships(db, size):
    generate(Scale(partnerships=size, municipalities=size + 4, other_meetings=size * 4))
    assert Partnership.objects.count() == size
    admin = User.objects.get(username="bench.admin")
    director = Role.objects.filter(kind=RoleKind.STATE_OWNER, county__isnull=False).first().person
    rows = Client()
    rows.force_login(admin)
    assert len(rows.get("/oversikt/?side=1").context["page"].paginator.object_list) == size
    assert _count(admin, "/oversikt/") == EXPECTED["bench.admin"]
    assert _count(director, "/oversikt/") == EXPECTED["director"]
