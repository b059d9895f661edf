"""The agreements app's routes in the access walk (tests/access_rules.py says how)."""

import base64
import datetime

from django.utils import timezone

from partnerskap.agreements import services
from partnerskap.agreements.models import Agreement, AttachmentKind

from ..access_rules import ADMINS, EDIT, EVERY_SIGNED_IN, INTERNAL, READ, AppWalk, Rule
from .conftest import FILLED, PDF_BYTES, complete

# Ørland's own agreement text and hearing: no outsider may see any of it.
SECRET_VALUES = "Havbris og kystkraft i Ørland"
SECRET_COMMENT = "Kaia på Brekstad må inn i punkt 3.8"
SECRET_TITLE = "Ørlands avtale om Brekstad-kontoret"

CREATED = Rule(INTERNAL, EDIT.allowed, ok=201)
COMMENTED = Rule(INTERNAL, READ.allowed, ok=201)
SIGNERS = Rule(INTERNAL, frozenset({"municipal_owner", "county_director"}))
SIGNED = Rule(INTERNAL, SIGNERS.allowed, ok=201)

PAGES: dict[str, Rule] = {
    "agreements:agreement_list": READ,
    "agreements:agreement_create": EDIT,
    "agreements:agreement_detail": READ,
    "agreements:agreement_fill": EDIT,
    "agreements:agreement_completeness": READ,
    "agreements:attachment_add": EDIT,
    "agreements:attachment_download": READ,
    "agreements:hearing_start": EDIT,
    "agreements:hearing_comment": READ,  # every reader of Ørland is a party of its hearing
    "agreements:comment_answer": EDIT,
    "agreements:agreement_agree": EDIT,
    "agreements:agreement_sign": SIGNERS,
    "agreements:agreement_in_force": EDIT,
    "agreements:version_compare": READ,
    "agreements:agreement_pdf": READ,
    "agreements:agreement_docx": READ,
    "agreements:template_list": EVERY_SIGNED_IN,
    "agreements:template_upload": ADMINS,
}

API: dict[str, Rule] = {
    "GET /api/v1/agreement-templates": EVERY_SIGNED_IN,
    "GET /api/v1/partnerships/{partnership_id}/agreements": READ,
    "POST /api/v1/partnerships/{partnership_id}/agreements": CREATED,
    "GET /api/v1/agreements/{agreement_id}": READ,
    "PATCH /api/v1/agreements/{agreement_id}": EDIT,
    "GET /api/v1/agreements/{agreement_id}/completeness": READ,
    "POST /api/v1/agreements/{agreement_id}/attachments": CREATED,
    "POST /api/v1/agreements/{agreement_id}/hearing": CREATED,
    "POST /api/v1/agreement-hearings/{agreement_hearing_id}/comments": COMMENTED,
    "POST /api/v1/agreement-comments/{agreement_comment_id}/answer": EDIT,
    "POST /api/v1/agreements/{agreement_id}/agree": EDIT,
    "POST /api/v1/agreements/{signing_agreement_id}/signatures": SIGNED,
    "POST /api/v1/agreements/{in_force_agreement_id}/in-force": EDIT,
    "GET /api/v1/agreements/{agreement_id}/versions": READ,
    "GET /api/v1/agreements/{agreement_id}/compare": READ,
}


def _complete(world, title: str = ""):
    agreement = services.agreement_create(
        actor=world.nav_leader, partnership=world.orland, title=title
    )
    complete(agreement, world.nav_leader)
    services.agreement_fill(
        actor=world.nav_leader,
        agreement=agreement,
        revision=agreement.revision,
        values={"verdier": SECRET_VALUES},
    )
    return agreement


def _revision_of(agreement, body: dict):
    """The body with the agreement's revision as it is when the walk sends it."""
    return lambda: {**body, "revision": Agreement.objects.get(pk=agreement.pk).revision}


def build(world) -> AppWalk:
    # The admin reads everything but has no role in Ørland, so cannot be a hearing party;
    # comment_answer/hearing_comment let people who may change the partnership in anyway.
    readers = [
        world.nav_leader,
        world.municipal_owner,
        world.county_director,
        world.minute_taker,
        world.member,
    ]
    later = timezone.localdate() + datetime.timedelta(days=30)
    # A: a complete draft (fill, attach, hearing, agree).
    draft = _complete(world, SECRET_TITLE)
    attachment = draft.attachments.get(kind=AttachmentKind.DELEGATION)
    # B: in hearing with a comment from the municipality.
    in_hearing = _complete(world)
    hearing = services.hearing_start(
        actor=world.nav_leader,
        agreement=in_hearing,
        parties=readers,
        deadline=later,
        revision=in_hearing.revision,
    )
    comment = services.hearing_comment(
        actor=world.municipal_owner, agreement=in_hearing, section="3.8", text_=SECRET_COMMENT
    )
    # C: agreed, waiting for signatures.
    agreed = _complete(world)
    services.agreement_agree(actor=world.nav_leader, agreement=agreed, revision=agreed.revision)
    # D: signed by both owners, waiting to be put in force.
    signed = _complete(world)
    services.agreement_agree(actor=world.nav_leader, agreement=signed, revision=signed.revision)
    services.agreement_sign(
        actor=world.municipal_owner, agreement=signed, side="municipality", signed_as="Ordfører"
    )
    services.agreement_sign(
        actor=world.county_director, agreement=signed, side="state", signed_as="Fylkesdirektør"
    )
    pages = {
        name: draft
        for name in (
            "agreements:agreement_detail",
            "agreements:agreement_fill",
            "agreements:agreement_completeness",
            "agreements:attachment_add",
            "agreements:hearing_start",
            "agreements:agreement_agree",
            "agreements:version_compare",
            "agreements:agreement_pdf",
            "agreements:agreement_docx",
        )
    }
    pages.update(
        {
            "agreements:agreement_list": world.orland,
            "agreements:agreement_create": world.orland,
            "agreements:attachment_download": attachment,
            "agreements:hearing_comment": in_hearing,
            "agreements:comment_answer": comment,
            "agreements:agreement_sign": agreed,
            "agreements:agreement_in_force": signed,
        }
    )
    return AppWalk(
        params={
            "agreement_id": draft.pk,
            "agreement_hearing_id": hearing.pk,
            "agreement_comment_id": comment.pk,
            "signing_agreement_id": agreed.pk,
            "in_force_agreement_id": signed.pk,
        },
        bodies={
            "POST /api/v1/partnerships/{partnership_id}/agreements": {"title": "Ny avtale"},
            "PATCH /api/v1/agreements/{agreement_id}": _revision_of(
                draft, {"values": {"moter_per_ar": "3"}}
            ),
            "POST /api/v1/agreements/{agreement_id}/attachments": {
                "kind": "other",
                "title": "Kart over lokalene",
                "file_name": "kart.pdf",
                "content_base64": base64.b64encode(PDF_BYTES).decode(),
            },
            "POST /api/v1/agreements/{agreement_id}/hearing": _revision_of(
                draft, {"party_ids": [world.municipal_owner.pk], "deadline": later.isoformat()}
            ),
            "POST /api/v1/agreement-hearings/{agreement_hearing_id}/comments": {
                "section": "2.0",
                "text": "Formålet bør nevne ungdom.",
            },
            "POST /api/v1/agreement-comments/{agreement_comment_id}/answer": {"answer": "accepted"},
            "POST /api/v1/agreements/{agreement_id}/agree": _revision_of(draft, {}),
            "POST /api/v1/agreements/{signing_agreement_id}/signatures": {"signed_as": "Eier"},
            "POST /api/v1/agreements/{in_force_agreement_id}/in-force": _revision_of(
                signed, {"valid_from": FILLED["gyldig_fra"]}
            ),
        },
        markers=[SECRET_VALUES, SECRET_COMMENT, SECRET_TITLE],
        pages=pages,
    )
