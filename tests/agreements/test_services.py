"""Agreement services: prefill, filling in, completeness, hearing, signing, one in force."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from partnerskap.agreements import services, text
from partnerskap.agreements.models import Agreement, AgreementStatus, VersionReason
from partnerskap.meetings.services import ConflictError

from .conftest import FILLED, complete, in_force, signed


def test_create_prefills_from_the_registry(world, agreement):
    assert agreement.values["kontor"] == "NAV Ørland"
    assert agreement.values["kommune"] == "Ørland"
    assert agreement.values["fylke"] == "NAV Trøndelag"
    assert "09:00–15:00" in agreement.values["apningstider"]
    assert agreement.template.version == "3.0"
    assert agreement.status == AgreementStatus.DRAFT


def test_opening_hours_read_as_part_of_a_sentence(world, agreement):
    """The clause reads "Kontoret har åpent mandag 09:00–15:00; …": weekdays in lower case."""
    assert agreement.values["apningstider"].startswith("mandag 09:00–15:00")


def test_completeness_shrinks_as_blanks_are_filled(world, agreement):
    before = services.missing(agreement)
    assert {m.kind for m in before} == {"blank", "question", "attachment"}
    services.agreement_fill(
        actor=world.nav_leader, agreement=agreement, revision=0, values={"verdier": "raus"}
    )
    after = services.missing(agreement)
    assert len(after) == len(before) - 1
    assert "verdier" not in {m.key for m in after}


def test_striking_an_optional_clause_removes_its_blank_from_what_is_missing(world, agreement):
    keys = {m.key for m in services.missing(agreement)}
    assert "ledergruppe_kommune" in keys
    services.agreement_fill(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision, struck=["3.2-2"]
    )
    agreement.refresh_from_db()
    assert "ledergruppe_kommune" not in {m.key for m in services.missing(agreement)}
    paragraphs = next(s for s in text.sections(agreement) if s.number == "3.2").paragraphs
    assert not any("ledergruppe" in p for p in paragraphs)


def test_only_optional_clauses_can_be_struck(world, agreement):
    with pytest.raises(ValidationError, match=r"3.8-1"):
        services.agreement_fill(
            actor=world.nav_leader,
            agreement=agreement,
            revision=agreement.revision,
            struck=["3.8-1"],
        )


@pytest.mark.parametrize(
    ("blank", "value", "words"),
    [
        ("moter_per_ar", "fire", "tall"),
        ("gyldig_fra", "32.13.2027", "dato"),
        ("kommune", "Ålesund", "kommunene"),
    ],
)
def test_typed_blanks_refuse_bad_values(world, agreement, blank, value, words):
    with pytest.raises(ValidationError) as caught:
        services.agreement_fill(
            actor=world.nav_leader,
            agreement=agreement,
            revision=agreement.revision,
            values={blank: value},
        )
    assert blank in caught.value.message_dict
    assert words in caught.value.message_dict[blank][0]


def test_dates_are_read_in_norwegian_form(world, agreement):
    services.agreement_fill(
        actor=world.nav_leader,
        agreement=agreement,
        revision=agreement.revision,
        values={"gyldig_fra": "1.2.2027"},
    )
    agreement.refresh_from_db()
    assert agreement.values["gyldig_fra"] == "2027-02-01"


def test_stale_revision_is_a_conflict(world, agreement):
    services.agreement_fill(
        actor=world.nav_leader, agreement=agreement, revision=0, values={"verdier": "a"}
    )
    with pytest.raises(ConflictError):
        services.agreement_fill(
            actor=world.municipal_owner, agreement=agreement, revision=0, values={"verdier": "b"}
        )
    agreement.refresh_from_db()
    assert agreement.values["verdier"] == "a"


def test_readers_may_not_change(world, agreement):
    with pytest.raises(PermissionDenied):
        services.agreement_fill(
            actor=world.member,
            agreement=agreement,
            revision=agreement.revision,
            values={"verdier": "x"},
        )


def test_agreed_refused_while_something_is_missing(world, agreement):
    with pytest.raises(ValidationError, match="mangler"):
        services.agreement_agree(
            actor=world.nav_leader, agreement=agreement, revision=agreement.revision
        )
    complete(agreement, world.nav_leader)
    assert services.missing(agreement) == []
    services.agreement_agree(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision
    )
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.AGREED
    assert agreement.versions.get().reason == VersionReason.AGREED


def test_attachment_is_sniffed_not_trusted_by_name(world, agreement):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("vedtak.pdf", b"just text")
    with pytest.raises(ValidationError, match=r"vedtak.pdf"):
        services.attachment_add(
            actor=world.nav_leader, agreement=agreement, kind="delegation", title="", file=fake
        )


def test_hearing_comment_answer_and_unanswered_blocks_agreed(world, agreement):
    complete(agreement, world.nav_leader)
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    hearing = services.hearing_start(
        actor=world.nav_leader,
        agreement=agreement,
        parties=[world.municipal_owner],
        deadline=deadline,
        revision=agreement.revision,
    )
    assert hearing.version.reason == VersionReason.HEARING
    agreement.refresh_from_db()
    comment = services.hearing_comment(
        actor=world.municipal_owner, agreement=agreement, section="3.8", text_="Del likt."
    )
    with pytest.raises(PermissionDenied):
        services.hearing_comment(
            actor=world.member, agreement=agreement, section="3.8", text_="Meg også"
        )
    with pytest.raises(ValidationError, match="besvart"):
        services.agreement_agree(
            actor=world.nav_leader, agreement=agreement, revision=agreement.revision
        )
    with pytest.raises(ValidationError):
        services.comment_answer(actor=world.nav_leader, comment=comment, answer="partly")
    services.comment_answer(
        actor=world.nav_leader, comment=comment, answer="partly", explanation="Årsverk gjelder."
    )
    services.agreement_agree(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision
    )
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.AGREED


def test_both_owners_sign_and_only_owners_may(world, agreement):
    complete(agreement, world.nav_leader)
    services.agreement_agree(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision
    )
    with pytest.raises(PermissionDenied):
        services.agreement_sign(
            actor=world.nav_leader, agreement=agreement, side="state", signed_as="Leder"
        )
    services.agreement_sign(
        actor=world.municipal_owner, agreement=agreement, side="municipality", signed_as="Ordfører"
    )
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.AGREED
    with pytest.raises(ValidationError):
        services.agreement_sign(
            actor=world.municipal_owner, agreement=agreement, side="municipality", signed_as="X"
        )
    services.agreement_sign(
        actor=world.county_director, agreement=agreement, side="state", signed_as="Fylkesdirektør"
    )
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    assert {s.signed_as for s in agreement.signatures.all()} == {"Ordfører", "Fylkesdirektør"}
    assert agreement.versions.filter(reason=VersionReason.SIGNING).exists()


def test_new_agreement_in_force_replaces_the_old_in_one_transaction(world):
    first = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    in_force(first, world, datetime.date(2024, 1, 1))
    second = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    in_force(second, world, datetime.date(2026, 1, 1))
    first.refresh_from_db()
    assert first.status == AgreementStatus.REPLACED
    assert first.replaced_by == second
    assert first.valid_to == datetime.date(2026, 1, 1)
    assert Agreement.objects.filter(status=AgreementStatus.IN_FORCE).get() == second


def test_only_signed_agreements_go_in_force(world, agreement):
    with pytest.raises(ValidationError):
        services.agreement_put_in_force(
            actor=world.nav_leader,
            agreement=agreement,
            valid_from=datetime.date(2027, 1, 1),
            revision=agreement.revision,
        )


def test_database_refuses_two_in_force_by_update_and_create(world):
    first = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    in_force(first, world)
    second = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.filter(pk=second.pk).update(status=AgreementStatus.IN_FORCE)
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(
            partnership=world.orland,
            template=first.template,
            title="Raw",
            status=AgreementStatus.IN_FORCE,
        )
    # Another partnership may have its own agreement in force.
    other = services.agreement_create(actor=world.admin, partnership=world.other)
    Agreement.objects.filter(pk=other.pk).update(status=AgreementStatus.IN_FORCE)


def test_signed_text_has_no_unfilled_markers(world, agreement):
    signed(agreement, world)
    content = agreement.versions.get(reason=VersionReason.SIGNING).content
    joined = " ".join(p for s in content for p in s["paragraphs"])
    assert text.UNFILLED not in joined
    assert FILLED["resultatmal"] in joined


def test_hearing_tells_the_parties(world, agreement, django_capture_on_commit_callbacks):
    from django.core import mail

    world.municipal_owner.email = "kommunedirektor@orland.invalid"
    world.municipal_owner.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.hearing_start(
            actor=world.nav_leader,
            agreement=agreement,
            parties=[world.municipal_owner],
            deadline=timezone.localdate() + datetime.timedelta(days=7),
            revision=agreement.revision,
        )
    (message,) = mail.outbox
    assert message.to == ["kommunedirektor@orland.invalid"]
    assert agreement.title in message.subject


def test_host_alternative_changes_the_parties_clause(world, agreement):
    single = next(s for s in text.sections(agreement) if s.number == "1.0").paragraphs
    assert not any("vertskommune" in p for p in single)
    services.agreement_fill(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision, alternative="host"
    )
    host = next(s for s in text.sections(agreement) if s.number == "1.0").paragraphs
    assert any("vertskommune for" in p for p in host)
    assert len(host) == len(single)


def test_comments_after_the_deadline_are_refused(world, agreement):
    from partnerskap.agreements.models import Hearing

    hearing = services.hearing_start(
        actor=world.nav_leader,
        agreement=agreement,
        parties=[world.municipal_owner],
        deadline=timezone.localdate() + datetime.timedelta(days=1),
        revision=agreement.revision,
    )
    Hearing.objects.filter(pk=hearing.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="fristen er ute"):
        services.hearing_comment(
            actor=world.municipal_owner, agreement=agreement, section="3.8", text_="For sent"
        )
