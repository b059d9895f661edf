"""Bookkeeping writes no history: a migrate that changes nothing and a login (issue 10, done 8)."""

from django.core.management import call_command
from django.test import Client

from partnerskap.core.models import User
from partnerskap.figures import catalogue
from partnerskap.figures.models import Indicator
from tests.factories import UserFactory


def test_a_login_writes_no_history_row_of_the_user(db):
    user = UserFactory(username="kari")  # password "pw-test-123"
    rows = User.history.filter(id=user.pk).count()
    client = Client()
    response = client.post("/logg-inn/", {"username": "kari", "password": "pw-test-123"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.last_login is not None  # the time is still kept
    assert User.history.filter(id=user.pk).count() == rows


def test_a_migrate_that_changes_nothing_writes_no_history(db):
    rows = Indicator.history.count()
    assert Indicator.objects.count() == len(catalogue.INDICATORS)
    call_command("migrate", verbosity=0)
    catalogue.load()
    assert Indicator.history.count() == rows


def test_the_catalogue_load_repairs_a_changed_indicator_with_one_row(db):
    code = catalogue.INDICATORS[0][0]
    Indicator.objects.filter(code=code).update(name="Changed by hand", position=99)
    rows = Indicator.history.count()
    catalogue.load()
    indicator = Indicator.objects.get(code=code)
    assert indicator.name == str(catalogue.INDICATORS[0][1])
    assert indicator.position == 0
    assert Indicator.history.count() == rows + 1


def test_the_catalogue_load_restores_a_share_pair(db):
    with_pair = next(row for row in catalogue.INDICATORS if row[7])
    Indicator.objects.filter(code=with_pair[0]).update(numerator=None, denominator=None)
    catalogue.load()
    indicator = Indicator.objects.select_related("numerator", "denominator").get(code=with_pair[0])
    assert (indicator.numerator.code, indicator.denominator.code) == (with_pair[7], with_pair[8])
