"""The demo data set's partnership agreements: Ørland's in force, Indre Fosen's out for hearing
with comments from the municipality, and a draft for Ålesund with much still missing.

The content leans on the Ørland partnership meeting (seed partnership-meeting-minutes-orland):
the youth team and the digital youth group, the cooperation with Fosen upper secondary school
against drop-out, and the separate agreement with the health trusts."""

import io
from datetime import date, timedelta

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from partnerskap.agreements import services
from partnerskap.agreements.models import Agreement, AttachmentKind
from partnerskap.core.models import User
from partnerskap.registry.models import Partnership

ORLAND_TITLE = "Partnerskapsavtale for NAV Ørland 2020–2027"
INDRE_FOSEN_TITLE = "Partnerskapsavtale for NAV Indre Fosen, revisjon 2026"
ALESUND_TITLE = "Partnerskapsavtale for NAV Ålesund (utkast)"

ORLAND = {
    "verdier": "raus, modig og tett på innbyggerne",
    "lokale_mal": "færre unge som faller fra i videregående skole, i samarbeid med Fosen "
    "videregående skole",
    "moter_per_ar": "2",
    "ledergruppe_kommune": "kommunedirektørens ledergruppe",
    "resultatar": "2026",
    "resultatmal": "flere unge i aktivitet gjennom ungdomsteamet og den digitale ungdomsgruppen",
    "kommunale_tjenester": "boligsosialt arbeid, gjeldsrådgivning og jobbsenteret",
    "individniva": "hver bruker lager sin egen aktivitetsplan sammen med veilederen",
    "systemniva": "brukerrepresentanten deltar i partnerskapsmøtet to ganger i året",
    "samarbeidsavtaler": "den egne samarbeidsavtalen med helseforetakene",
    "gyldig_fra": "2020-01-01",
    "gyldig_til": "2027-12-31",
}


def _docx_file(name: str, heading: str, body: str) -> SimpleUploadedFile:
    document = docx.Document()
    document.add_heading(heading, level=1)
    document.add_paragraph(body)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def _answers(agreement: Agreement, answer: str) -> dict[str, str]:
    return {
        q["id"]: answer for section in agreement.template.sections for q in section["questions"]
    }


def _attach(agreement: Agreement, actor: User, place: str) -> None:
    services.attachment_add(
        actor=actor,
        agreement=agreement,
        kind=AttachmentKind.DELEGATION,
        title=f"Delegasjonsvedtak for NAV {place}",
        file=_docx_file(
            f"delegasjonsvedtak-{place.lower().replace(' ', '-')}.docx",
            "Delegasjonsvedtak",
            f"Kommunedirektøren delegerer myndighet etter sosialtjenesteloven til NAV-leder "
            f"i NAV {place}.",
        ),
    )
    services.attachment_add(
        actor=actor,
        agreement=agreement,
        kind=AttachmentKind.OPERATING,
        title=f"Driftsavtale for NAV {place}",
        file=_docx_file(
            f"driftsavtale-{place.lower().replace(' ', '-')}.docx",
            "Driftsavtale",
            "Felles driftsutgifter fordeles etter årsverk; lederen deles likt.",
        ),
    )


def _orland(users: dict[str, User], partnership: Partnership) -> None:
    leader = users["leder.orland"]
    agreement = services.agreement_create(actor=leader, partnership=partnership, title=ORLAND_TITLE)
    services.agreement_fill(
        actor=leader,
        agreement=agreement,
        revision=agreement.revision,
        values=ORLAND,
        answers=_answers(agreement, "Ja, avklart i partnerskapsmøtet."),
    )
    _attach(agreement, leader, "Ørland")
    services.agreement_agree(actor=leader, agreement=agreement, revision=agreement.revision)
    services.agreement_sign(
        actor=users["kommunedirektor.orland"],
        agreement=agreement,
        side="municipality",
        signed_as="Kommunedirektør",
    )
    services.agreement_sign(
        actor=users["fylkesdirektor.trondelag"],
        agreement=agreement,
        side="state",
        signed_as="Fylkesdirektør",
    )
    services.agreement_put_in_force(
        actor=leader,
        agreement=agreement,
        valid_from=date(2020, 1, 1),
        valid_to=date(2027, 12, 31),
        revision=agreement.revision,
    )


def _indre_fosen(users: dict[str, User], partnership: Partnership) -> None:
    leader = users["leder.indrefosen"]
    owner = users["kommunedirektor.indrefosen"]
    agreement = services.agreement_create(
        actor=leader, partnership=partnership, title=INDRE_FOSEN_TITLE
    )
    services.agreement_fill(
        actor=leader,
        agreement=agreement,
        revision=agreement.revision,
        values={
            "adresse": "Rådhusveien 13, Rissa, med publikumsmottak også i Leksvik",
            "verdier": "nær, åpen og løsningsorientert",
            "moter_per_ar": "4",
            "lederavtale": "kommunale vilkår",
            "ledergruppe_kommune": "kommunedirektørens ledergruppe",
            "resultatar": "2027",
            "resultatmal": "flere i arbeid blant dem som besøker mottakene i Rissa og Leksvik",
            "kommunale_tjenester": "gjeldsrådgivning og boligsosialt arbeid",
            "individniva": "brukerne velger selv om de vil møte i Rissa, i Leksvik eller digitalt",
            "systemniva": "eldrerådet og rådet for personer med funksjonsnedsettelse høres",
            "samarbeidsavtaler": "rutinen for samarbeid med helsetjenesten",
            "gyldig_fra": "2027-01-01",
            "gyldig_til": "2030-12-31",
        },
        answers=_answers(agreement, "Drøftet i partnerskapsmøtet."),
    )
    _attach(agreement, leader, "Indre Fosen")
    services.hearing_start(
        actor=leader,
        agreement=agreement,
        parties=[owner, users["fylkesdirektor.trondelag"]],
        deadline=timezone.localdate() + timedelta(days=21),
        notify=False,  # demo data: nobody is mailed
        revision=agreement.revision,
    )
    comment = services.hearing_comment(
        actor=owner,
        agreement=agreement,
        section="3.8",
        text_="Kommunen har 7 av 16,3 årsverk. Vi ber om at fordelingen av driftsutgiftene "
        "beregnes på nytt hvert år etter de faktiske årsverkene.",
    )
    services.comment_answer(
        actor=leader,
        comment=comment,
        answer="partly",
        explanation="Tas inn i driftsavtalen; avtaleteksten viser til den.",
    )
    services.hearing_comment(
        actor=owner,
        agreement=agreement,
        section="2.1",
        text_="Mottaket i Leksvik bør nevnes med egne åpningstider.",
    )


def _alesund(users: dict[str, User], partnership: Partnership) -> None:
    leader = users["leder.alesund"]
    agreement = services.agreement_create(
        actor=leader, partnership=partnership, title=ALESUND_TITLE
    )
    services.agreement_fill(
        actor=leader,
        agreement=agreement,
        revision=agreement.revision,
        values={
            "verdier": "modig, open og respektfull",
            "moter_per_ar": "3",
        },
    )


@transaction.atomic
def load(users: dict[str, User]) -> None:
    """Idempotent: safe to run again on a loaded database."""
    steps = [
        ("NAV Ørland", ORLAND_TITLE, _orland),
        ("NAV Indre Fosen", INDRE_FOSEN_TITLE, _indre_fosen),
        ("NAV Ålesund", ALESUND_TITLE, _alesund),
    ]
    for name, title, make in steps:
        partnership = Partnership.objects.filter(name=name).order_by("-valid_from").first()
        if (
            partnership is None
            or Agreement.objects.filter(partnership=partnership, title=title).exists()
        ):
            continue
        make(users, partnership)
