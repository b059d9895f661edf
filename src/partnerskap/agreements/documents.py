"""The agreement as PDF (archival PDF/A) and DOCX: the kept clauses with their blanks filled in,
both owners' signature block and the attachments listed. Both are pure functions of an agreement
read by `selectors.agreement_detail`."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from partnerskap.documents import docx
from partnerskap.documents.pdf import render_pdf

from . import text
from .models import Agreement, AgreementStatus, SignatureSide


@dataclass
class SignatureLine:
    party: str
    name: str
    signed_as: str
    signed_at: str


def _party(agreement: Agreement, source: str) -> str:
    """A party's name: the blank the template prefills from `source` (whatever its id), else
    the registry's value for the partnership."""
    for blank in agreement.template.structure["blanks"]:
        if blank.get("prefill") == source and agreement.values.get(blank["id"]):
            return agreement.values[blank["id"]]
    from .services import prefill

    return prefill(agreement.partnership).get(source, "")


def signature_lines(agreement: Agreement) -> list[SignatureLine]:
    """One line per owner: who signed, as what and when, or an empty line to sign on."""
    signed = {s.side: s for s in agreement.signatures.all()}
    municipality = _party(agreement, "municipality") or _("The municipality")
    county = _party(agreement, "county") or _("The state")
    parties = {SignatureSide.MUNICIPALITY: municipality, SignatureSide.STATE: county}
    lines = []
    for side in SignatureSide:
        signature = signed.get(side)
        if signature is None:
            lines.append(SignatureLine(str(parties[side]), "", "", ""))
            continue
        when = timezone.localtime(signature.signed_at).strftime("%d.%m.%Y %H:%M")
        lines.append(
            SignatureLine(
                str(parties[side]),
                signature.signer.get_full_name() or signature.signer.username,
                signature.signed_as,
                when,
            )
        )
    return lines


def _kept(agreement: Agreement) -> list[tuple[str, list[str]]]:
    return [(s.heading, s.paragraphs) for s in text.sections(agreement)]


def _context(agreement: Agreement) -> dict:
    return {
        "agreement": agreement,
        "sections": _kept(agreement),
        "signatures": signature_lines(agreement),
        "attachments": list(agreement.attachments.all()),
        "draft": agreement.status in (AgreementStatus.DRAFT, AgreementStatus.HEARING),
    }


def agreement_pdf(agreement: Agreement, *, archival: bool = True) -> bytes:
    html = render_to_string("agreements/print/agreement.html", _context(agreement))
    return render_pdf(html, archival=archival)


def agreement_docx(agreement: Agreement) -> bytes:
    context = _context(agreement)
    document = docx.new_document(title=agreement.title)
    docx.heading(document, agreement.title, level=0)
    docx.paragraph(
        document,
        _("Made from the template %(template)s. Status: %(status)s.")
        % {"template": agreement.template, "status": agreement.get_status_display()},
        italic=True,
    )
    if context["draft"]:
        docx.paragraph(
            document, _("Draft: the owners have not agreed on this text yet."), bold=True
        )
    for heading, paragraphs in context["sections"]:
        docx.heading(document, heading, level=1)
        for paragraph in paragraphs:
            docx.paragraph(document, paragraph)
    docx.heading(document, _("Signatures"), level=1)
    docx.table(
        document,
        [_("Party"), _("Name"), _("Signed as"), _("Signed")],
        [(s.party, s.name, s.signed_as, s.signed_at) for s in context["signatures"]],
    )
    docx.heading(document, _("Attachments"), level=1)
    for attachment in context["attachments"]:
        docx.paragraph(
            document, f"{attachment.get_kind_display()}: {attachment.title}", style="List Bullet"
        )
    if not context["attachments"]:
        docx.paragraph(document, _("No attachments."))
    return docx.to_bytes(document)


def file_name(agreement: Agreement, extension: str) -> str:
    """partnerskapsavtale-nav-orland-3.pdf: what it is, whose, and which."""
    return f"partnerskapsavtale-{slugify(agreement.partnership.name)}-{agreement.pk}.{extension}"
