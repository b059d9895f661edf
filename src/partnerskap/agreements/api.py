"""Agreements in the JSON API: the same access functions, selectors and services as the pages.

Lifecycle routes name their agreement by what it must be ready for (`signing_agreement_id`,
`in_force_agreement_id`); the path is the same shape, the names only document the step."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from partnerskap.core.api import PageNumberPagination, UploadIn
from partnerskap.core.models import User
from partnerskap.registry.access import access_scope
from partnerskap.registry.selectors import partnership_for_user

from . import selectors, services, text
from .models import Agreement, AgreementTemplate, AttachmentKind, Hearing

router = Router()


# --- schemas --------------------------------------------------------------------------------


class TemplateOut(Schema):
    id: int
    name: str
    version: str
    description: str
    source_name: str


class AgreementOut(Schema):
    id: int
    partnership_id: int
    title: str
    status: str
    template_id: int
    valid_from: date | None
    valid_to: date | None
    revision: int


class MissingOut(Schema):
    kind: str
    key: str
    label: str
    section: str


class SectionOut(Schema):
    number: str
    title: str
    paragraphs: list[str]
    struck: list[str]


class AttachmentOut(Schema):
    id: int
    kind: str
    title: str
    content_type: str
    size: int


class CommentOut(Schema):
    id: int
    section: str
    author_id: int
    text: str
    answer: str
    answer_text: str
    answered_at: datetime | None


class HearingOut(Schema):
    id: int
    version: int
    deadline: date
    party_ids: list[int]
    comments: list[CommentOut]


class SignatureOut(Schema):
    side: str
    signer_id: int
    signed_as: str
    signed_at: datetime
    method: str
    version: int


class AgreementDetailOut(AgreementOut):
    alternative: str
    values: dict[str, str]
    struck: list[str]
    answers: dict[str, str]
    evaluation_interval_months: int
    sections: list[SectionOut]
    missing: list[MissingOut]
    attachments: list[AttachmentOut]
    hearings: list[HearingOut]
    signatures: list[SignatureOut]


class VersionOut(Schema):
    number: int
    reason: str
    created_at: datetime
    content: list[dict]


class DiffOut(Schema):
    number: str
    title: str
    old: str
    new: str
    changed: bool


class ConflictOut(Schema):
    detail: str


class AgreementIn(Schema):
    template_id: int | None = None
    title: str = ""


class FillIn(Schema):
    revision: int | None = None
    title: str | None = None
    alternative: str | None = None
    values: dict[str, str] | None = None
    struck: list[str] | None = None
    answers: dict[str, str] | None = None
    evaluation_interval_months: int | None = None


class AttachmentIn(UploadIn):
    kind: AttachmentKind
    title: str = ""


class HearingIn(Schema):
    revision: int | None = None
    party_ids: list[int]
    deadline: date


class CommentIn(Schema):
    section: str
    text: str


class AnswerIn(Schema):
    answer: str
    explanation: str = ""


class RevisionIn(Schema):
    revision: int | None = None


class SignIn(Schema):
    side: str | None = None
    signed_as: str


class InForceIn(Schema):
    revision: int | None = None
    valid_from: date | None = None
    valid_to: date | None = None


def _detail(agreement: Agreement) -> dict:
    """The whole agreement as data, from one `agreement_detail` read."""
    detailed = selectors.agreement_detail(agreement)
    return {
        "id": detailed.pk,
        "partnership_id": detailed.partnership_id,
        "title": detailed.title,
        "status": detailed.status,
        "template_id": detailed.template_id,
        "valid_from": detailed.valid_from,
        "valid_to": detailed.valid_to,
        "revision": detailed.revision,
        "alternative": detailed.alternative,
        "values": {k: str(v) for k, v in detailed.values.items()},
        "struck": detailed.struck,
        "answers": detailed.answers,
        "evaluation_interval_months": detailed.evaluation_interval_months,
        "sections": [
            {
                "number": s.number,
                "title": s.title,
                "paragraphs": s.paragraphs,
                "struck": [c.text for c in s.clauses if c.struck],
            }
            for s in text.sections(detailed)
        ],
        "missing": [m.__dict__ for m in selectors.completeness(detailed).missing],
        "attachments": list(detailed.attachments.all()),
        "hearings": [
            {
                "id": h.pk,
                "version": h.version.number,
                "deadline": h.deadline,
                "party_ids": [p.pk for p in h.parties.all()],
                "comments": list(h.comments.all()),
            }
            for h in detailed.hearings.all()
        ],
        "signatures": [
            {
                "side": s.side,
                "signer_id": s.signer_id,
                "signed_as": s.signed_as,
                "signed_at": s.signed_at,
                "method": s.method,
                "version": s.version.number,
            }
            for s in detailed.signatures.all()
        ],
    }


CHANGED = {200: AgreementDetailOut, 409: ConflictOut}


# --- templates and lists --------------------------------------------------------------------


@router.get("/agreement-templates", response=list[TemplateOut], summary="Agreement templates")
def template_list(request: HttpRequest) -> QuerySet[AgreementTemplate]:
    services.shipped_template()
    return selectors.template_list()


@router.get(
    "/partnerships/{partnership_id}/agreements",
    response=list[AgreementOut],
    summary="A partnership's agreements, newest first",
)
@paginate(PageNumberPagination)
def agreement_list(request: HttpRequest, partnership_id: int) -> QuerySet[Agreement]:
    return selectors.agreement_list(partnership_for_user(request.user, partnership_id))


@router.post(
    "/partnerships/{partnership_id}/agreements",
    response={201: AgreementDetailOut},
    summary="Create an agreement from a template, prefilled from the registry",
)
def agreement_create(request: HttpRequest, partnership_id: int, payload: AgreementIn) -> Status:
    partnership = partnership_for_user(request.user, partnership_id, change=True)
    template = None
    if payload.template_id is not None:
        template = AgreementTemplate.objects.filter(pk=payload.template_id).first()
        if template is None:
            raise ValidationError({"template_id": _("No such template.")})
    agreement = services.agreement_create(
        actor=request.user, partnership=partnership, template=template, title=payload.title
    )
    return Status(201, _detail(agreement))


# --- one agreement --------------------------------------------------------------------------


@router.get("/agreements/{agreement_id}", response=AgreementDetailOut, summary="One agreement")
def agreement_detail(request: HttpRequest, agreement_id: int) -> dict:
    return _detail(selectors.agreement_for_user(request.user, agreement_id))


@router.patch(
    "/agreements/{agreement_id}",
    response=CHANGED,
    summary="Fill in blanks, choose the alternative, strike clauses, answer questions",
)
def agreement_fill(request: HttpRequest, agreement_id: int, payload: FillIn) -> dict:
    agreement = selectors.agreement_for_user(request.user, agreement_id, change=True)
    services.agreement_fill(actor=request.user, agreement=agreement, **payload.dict())
    return _detail(agreement)


@router.get(
    "/agreements/{agreement_id}/completeness",
    response=list[MissingOut],
    summary="What is missing before the owners can agree",
)
def agreement_completeness(request: HttpRequest, agreement_id: int) -> list[dict]:
    agreement = selectors.agreement_detail(selectors.agreement_for_user(request.user, agreement_id))
    return [m.__dict__ for m in selectors.completeness(agreement).missing]


@router.post(
    "/agreements/{agreement_id}/attachments",
    response={201: AttachmentOut},
    summary="Attach the delegation decision, the operating agreement or another document",
)
def attachment_add(request: HttpRequest, agreement_id: int, payload: AttachmentIn) -> Status:
    agreement = selectors.agreement_for_user(request.user, agreement_id, change=True)
    attachment = services.attachment_add(
        actor=request.user,
        agreement=agreement,
        kind=payload.kind,
        title=payload.title,
        file=SimpleUploadedFile(payload.file_name, payload.content()),
    )
    return Status(201, attachment)


@router.post(
    "/agreements/{agreement_id}/hearing",
    response={201: AgreementDetailOut, 409: ConflictOut},
    summary="Send the draft for hearing to named people, with a deadline",
)
def hearing_start(request: HttpRequest, agreement_id: int, payload: HearingIn) -> Status:
    agreement = selectors.agreement_for_user(request.user, agreement_id, change=True)
    people = list(User.objects.filter(pk__in=payload.party_ids, is_active=True))
    if len(people) != len(set(payload.party_ids)):
        raise ValidationError({"party_ids": _("Some of the people do not exist.")})
    services.hearing_start(
        actor=request.user,
        agreement=agreement,
        parties=people,
        deadline=payload.deadline,
        revision=payload.revision,
        site_url=services.site_url(request),
    )
    return Status(201, _detail(agreement))


@router.post(
    "/agreement-hearings/{agreement_hearing_id}/comments",
    response={201: CommentOut},
    summary="Comment on one section of a draft in hearing",
)
def hearing_comment(request: HttpRequest, agreement_hearing_id: int, payload: CommentIn) -> Status:
    hearing = (
        Hearing.objects.select_related("agreement__template")
        .filter(pk=agreement_hearing_id)
        .first()
    )
    if hearing is None or not access_scope(request.user).can_read_partnership(
        hearing.agreement.partnership_id
    ):
        raise Http404
    agreement = hearing.agreement
    if services.current_hearing(agreement) != hearing:
        raise ValidationError(_("This hearing is over; comment on the newest one."))
    comment = services.hearing_comment(
        actor=request.user, agreement=agreement, section=payload.section, text_=payload.text
    )
    return Status(201, comment)


@router.post(
    "/agreement-comments/{agreement_comment_id}/answer",
    response=CommentOut,
    summary="Answer a hearing comment: accepted, partly or not",
)
def comment_answer(request: HttpRequest, agreement_comment_id: int, payload: AnswerIn) -> object:
    comment = selectors.comment_for_user(request.user, agreement_comment_id, change=True)
    return services.comment_answer(
        actor=request.user,
        comment=comment,
        answer=payload.answer,
        explanation=payload.explanation,
    )


@router.post(
    "/agreements/{agreement_id}/agree",
    response=CHANGED,
    summary="Mark as agreed (refused while anything required is missing)",
)
def agreement_agree(request: HttpRequest, agreement_id: int, payload: RevisionIn) -> dict:
    agreement = selectors.agreement_for_user(request.user, agreement_id, change=True)
    services.agreement_agree(actor=request.user, agreement=agreement, revision=payload.revision)
    return _detail(agreement)


@router.post(
    "/agreements/{signing_agreement_id}/signatures",
    response={201: SignatureOut},
    summary="Sign the agreed text for the owner you represent",
)
def agreement_sign(request: HttpRequest, signing_agreement_id: int, payload: SignIn) -> Status:
    agreement = selectors.agreement_for_user(request.user, signing_agreement_id)
    sides = services.signing_sides(request.user, agreement)
    if not sides:
        raise PermissionDenied
    side = payload.side
    if side is None:
        signed = set(agreement.signatures.values_list("side", flat=True))
        open_sides = [s for s in sides if s not in signed]
        side = open_sides[0] if open_sides else sides[0]
    signature = services.agreement_sign(
        actor=request.user, agreement=agreement, side=side, signed_as=payload.signed_as
    )
    return Status(
        201,
        {
            "side": signature.side,
            "signer_id": signature.signer_id,
            "signed_as": signature.signed_as,
            "signed_at": signature.signed_at,
            "method": signature.method,
            "version": signature.version.number,
        },
    )


@router.post(
    "/agreements/{in_force_agreement_id}/in-force",
    response=CHANGED,
    summary="Put a signed agreement in force; the one in force before it is replaced",
)
def agreement_in_force(
    request: HttpRequest, in_force_agreement_id: int, payload: InForceIn
) -> dict:
    agreement = selectors.agreement_for_user(request.user, in_force_agreement_id, change=True)
    services.agreement_put_in_force(
        actor=request.user,
        agreement=agreement,
        valid_from=payload.valid_from,
        valid_to=payload.valid_to,
        revision=payload.revision,
    )
    return _detail(agreement)


@router.get(
    "/agreements/{agreement_id}/versions",
    response=list[VersionOut],
    summary="The frozen versions, oldest first",
)
def version_list(request: HttpRequest, agreement_id: int) -> QuerySet:
    agreement = selectors.agreement_for_user(request.user, agreement_id)
    return agreement.versions.order_by("number")


@router.get(
    "/agreements/{agreement_id}/compare",
    response=list[DiffOut],
    summary="Two versions section by section, changed words in <del> and <ins>",
)
def version_compare(
    request: HttpRequest, agreement_id: int, a: int | None = None, b: int | None = None
) -> list[dict]:
    agreement = selectors.agreement_for_user(request.user, agreement_id)
    diffs = selectors.compare_versions(agreement, a, b)["diffs"]
    return [{**d.__dict__, "old": str(d.old), "new": str(d.new)} for d in diffs]
