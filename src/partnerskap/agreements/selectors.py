"""Reads shared by the agreement pages, API and documents, each with a fixed number of queries."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from partnerskap.core.models import User
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Owner, Partnership

from . import text
from .models import (
    Agreement,
    AgreementAttachment,
    AgreementTemplate,
    AgreementVersion,
    Hearing,
    HearingComment,
    Signature,
)


def template_list() -> QuerySet[AgreementTemplate]:
    return AgreementTemplate.objects.order_by("name", "-created_at").defer("structure")


def agreement_list(partnership: Partnership) -> QuerySet[Agreement]:
    return (
        Agreement.objects.filter(partnership=partnership)
        .select_related("template")
        .defer("template__structure")
        .annotate(
            version_count=Count("versions", distinct=True),
            signature_count=Count("signatures", distinct=True),
        )
        .order_by("-created_at", "-pk")
    )


def hearing_people(agreement: Agreement) -> QuerySet[User]:
    """Who may be named as a hearing party: people with a current role in the partnership, or
    in its county (the state owner). The page offers them and the service refuses others."""
    from django.db.models import Q

    from partnerskap.registry.models import Role

    county_ids = Owner.objects.filter(partnership_id=agreement.partnership_id).values_list(
        "county_id", flat=True
    )
    people = Role.objects.current().filter(
        Q(partnership_id=agreement.partnership_id) | Q(county_id__in=county_ids)
    )
    return User.objects.filter(pk__in=people.values("person_id"), is_active=True).order_by(
        "first_name", "last_name", "pk"
    )


def agreement_for_user(user: User, pk: int, *, change: bool = False) -> Agreement:
    """The one access function for agreements: 404 if the partnership is not readable,
    403 if the person may not change it."""
    agreement = (
        Agreement.objects.select_related("partnership", "partnership__office", "template")
        .filter(pk=pk)
        .first()
    )
    scope = access_scope(user)
    if agreement is None or not scope.can_read_partnership(agreement.partnership_id):
        raise Http404
    if change and not scope.can_edit_partnership(agreement.partnership_id):
        raise PermissionDenied
    return agreement


def comment_for_user(user: User, pk: int, *, change: bool = False) -> HearingComment:
    comment = (
        HearingComment.objects.select_related("hearing__agreement", "author").filter(pk=pk).first()
    )
    scope = access_scope(user)
    if comment is None or not scope.can_read_partnership(comment.hearing.agreement.partnership_id):
        raise Http404
    if change and not scope.can_edit_partnership(comment.hearing.agreement.partnership_id):
        raise PermissionDenied
    return comment


def attachment_for_user(user: User, pk: int) -> AgreementAttachment:
    attachment = AgreementAttachment.objects.select_related("agreement").filter(pk=pk).first()
    if attachment is None or not access_scope(user).can_read_partnership(
        attachment.agreement.partnership_id
    ):
        raise Http404
    return attachment


def agreement_detail(agreement: Agreement) -> Agreement:
    """The agreement with everything its page shows, prefetched (a fixed number of queries)."""
    return (
        Agreement.objects.select_related("partnership", "partnership__office", "template")
        .prefetch_related(
            Prefetch("attachments", queryset=AgreementAttachment.objects.order_by("kind", "pk")),
            Prefetch(
                "signatures",
                queryset=Signature.objects.select_related("signer", "version").order_by(
                    "signed_at"
                ),
            ),
            Prefetch("versions", queryset=AgreementVersion.objects.order_by("number")),
            Prefetch(
                "hearings",
                queryset=Hearing.objects.select_related("version")
                .prefetch_related(
                    "parties",
                    Prefetch(
                        "comments",
                        queryset=HearingComment.objects.select_related(
                            "author", "answered_by"
                        ).order_by("section", "pk"),
                    ),
                )
                .order_by("-created_at", "-pk"),
            ),
            Prefetch(
                "partnership__owners",
                queryset=Owner.objects.select_related("county", "municipality"),
            ),
        )
        .get(pk=agreement.pk)
    )


@dataclass
class Completeness:
    missing: list[text.Missing]

    @property
    def blanks(self) -> list[text.Missing]:
        return [m for m in self.missing if m.kind == "blank"]

    @property
    def questions(self) -> list[text.Missing]:
        return [m for m in self.missing if m.kind == "question"]

    @property
    def attachments(self) -> list[text.Missing]:
        return [m for m in self.missing if m.kind == "attachment"]

    @property
    def comments(self) -> list[text.Missing]:
        return [m for m in self.missing if m.kind == "comment"]


def completeness(detailed: Agreement) -> Completeness:
    """What is missing, from an agreement read by `agreement_detail` (no further queries)."""
    kinds = {a.kind for a in detailed.attachments.all()}
    unanswered = sum(1 for h in detailed.hearings.all() for c in h.comments.all() if not c.answer)
    return Completeness(text.missing(detailed, kinds, unanswered))


def in_force(partnership: Partnership) -> Agreement | None:
    return Agreement.objects.filter(partnership=partnership, status="in_force").first()


def compare_versions(agreement: Agreement, a: int | None, b: int | None) -> dict:
    """Two versions (by number) section by section; by default the last two, and the current
    text when there is no newer version."""
    from . import compare

    versions = list(agreement.versions.order_by("number"))
    by_number = {v.number: v for v in versions}
    new = by_number.get(b) if b is not None else (versions[-1] if versions else None)
    if a is not None:
        old = by_number.get(a)
    else:
        earlier = [v for v in versions if new is None or v.number < new.number]
        old = earlier[-1] if earlier else None
    diffs = compare.compare(
        old.content if old else [], new.content if new else text.snapshot(agreement)
    )
    return {"versions": versions, "old": old, "new": new, "diffs": diffs}
