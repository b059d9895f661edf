"""The steering group of the Nordland project 2017–2019, retold from the seed minutes
(../shared/seeds/nordland-steering-group-and-agreement-template.txt): the dates, places, pilots,
figures and decisions are the seed's, the wording is ours, and the people are the demo's."""

from datetime import date, time

from partnerskap.meetings.models import ItemKind, MemberRole

from .build import DemoAction, DemoItem, DemoMeeting

NAME = "Styringsgruppa for prosjektet NAV i Nordland i en ny tid"
SLUG = "nordland-styringsgruppe-ny-tid"
COUNTY_NUMBER = "18"
SULISKONGEN = "NAV Nordland, møterom Suliskongen"
DESCRIPTION = (
    "Styringsgruppa for partnerskapsprosjektet «NAV i Nordland i en ny tid» (2017–2019). "
    "Prosjektet skulle kartlegge kontorstrukturen i fylket og prøve ut tre modeller for "
    "samarbeid mellom NAV-kontor: sammenslåing i Ofoten, vertskommune i Indre Salten og "
    "administrativt samarbeid i Sør-Salten (Meløy, Rødøy og Gildeskål). Fylkesmannen, KS, "
    "rådmannsutvalget og de ansatte var representert i gruppa."
)
CHAIR = "fylkesdirektor.nordland"
MINUTE_TAKER = "prosjektleder.nordland"
MEMBERS_FROM = date(2017, 9, 8)
MEMBERS = [
    (CHAIR, MemberRole.CHAIR, "NAV Nordland, prosjekteier"),
    (MINUTE_TAKER, MemberRole.MINUTE_TAKER, "NAV Nordland, prosjektleder og sekretær"),
    ("leder.indresalten", MemberRole.MEMBER, "NAV-lederne i innlandskommunene, pilot Indre Salten"),
    ("leder.meloy", MemberRole.MEMBER, "NAV-lederne i kystkommunene, pilot Sør-Salten"),
    ("leder.ofoten", MemberRole.MEMBER, "Pilot Ofoten"),
]

# The seed's other members are named there; here they appear by the role they had.
FM = "Representant for Fylkesmannen i Nordland"
KS = "Representant for KS"
RU = "Representant for rådmannsutvalget"
HTV = "Hovedtillitsvalgt i NAV Nordland"

LUNCH = (("12:00", 30),)
PILOTS = "prosjektleder.nordland"

MEETINGS = (
    DemoMeeting(
        day=date(2017, 9, 8),
        start=time(11),
        end=time(15),
        location=SULISKONGEN,
        title="Konstituerende møte",
        breaks=(("12:00", 60),),
        guests=(FM, KS, RU, HTV),
        follow_up_notes="Første møte i styringsgruppa; ingen oppfølgingspunkter fra før.",
        introduction=(
            "Møtet startet som et kort samarbeidsforum med gjensidig orientering fra NAV, "
            "Fylkesmannen og kommunesiden. Etter lunsj ble styringsgruppa formelt konstituert."
        ),
        items=(
            DemoItem(
                "Orientering fra NAV, Fylkesmannen og kommunene",
                ItemKind.INFORMATION,
                "NAV Nordland er pilot for digital søknad om refusjon av sykepenger, og digital "
                "aktivitetsplan kommer i desember. Lovendringen om arbeidsavklaringspenger fra "
                "nyttår krever større fagmiljøer. Ledigheten har falt med mer enn en firedel "
                "siden 2015. Fylkesmannen orienterte om satsingen på boliger for velferd, og "
                "KS om digitalisering og veiledningen for sammenslåing av NAV-kontor.",
                presenter=CHAIR,
                minutes=40,
            ),
            DemoItem(
                "Konstituering av styringsgruppa",
                ItemKind.DECISION,
                "Gruppa får med seg NAV Nordland, Fylkesmannen, KS, rådmannsutvalget, de "
                "ansattes hovedtillitsvalgte og to NAV-ledere, én fra kysten og én fra "
                "innlandet. Prosjektlederen er sekretær for gruppa.",
                decision=(
                    "Styringsgruppa er konstituert. Fylkesdirektøren leder gruppa og er "
                    "prosjekteier sammen med rådmannsutvalgets representant."
                ),
                presenter=CHAIR,
                minutes=20,
            ),
            DemoItem(
                "Mandat og organisering",
                ItemKind.DECISION,
                "Prosjektet har to oppdrag: å kartlegge situasjonen i alle tjenesteområdene i "
                "fylket, og å hjelpe to til tre piloter i gang. En prosjektgruppe overtar det "
                "de to tidligere arbeidsgruppene hadde ansvar for, og støtter pilotene.",
                decision=(
                    "Mandatet og forslaget til organisering legges til grunn. Justert mandat, "
                    "organisering og en milepælsplan legges fram i neste møte."
                ),
                presenter=MINUTE_TAKER,
                minutes=30,
                actions=(
                    DemoAction(
                        "Legge fram justert mandat, organisering og milepælsplan",
                        MINUTE_TAKER,
                        due=date(2017, 11, 10),
                        done_on=date(2017, 11, 10),
                        progress="Lagt fram i møtet 10. november.",
                    ),
                ),
            ),
            DemoItem(
                "Valg av piloter",
                ItemKind.DECISION,
                "Tre piloter ble foreslått: Ofoten, der Narvik, Tysfjord og Ballangen slås "
                "sammen (Evenes avklares senere); Indre Salten, der Fauske, Sørfold, Saltdal, "
                "Hamarøy og Beiarn vurderer en vertskommunemodell; og Meløy, Rødøy og "
                "Gildeskål, som på eget initiativ samarbeider administrativt.",
                decision=(
                    "Arbeidet med de tre pilotene videreføres, med sikte på modeller som kan "
                    "brukes andre steder i Nordland."
                ),
                presenter=CHAIR,
                minutes=40,
                actions=(
                    DemoAction(
                        "Spørre de øvrige tjenesteområdene om interesse, sammen med KS",
                        CHAIR,
                        due=date(2018, 1, 18),
                        done_on=date(2018, 1, 18),
                        progress="Svarene inngår i kartleggingen av kontorstrukturen.",
                    ),
                ),
            ),
            DemoItem(
                "Eventuelt",
                ItemKind.INFORMATION,
                "Fylkesmannen stiller med en representant i prosjektgruppa. Vi finner en dag i "
                "juni der arbeids- og velferdsdirektøren og KS-lederen inviteres.",
                minutes=10,
            ),
        ),
    ),
    DemoMeeting(
        day=date(2017, 11, 10),
        start=time(11),
        end=time(14),
        location=SULISKONGEN,
        breaks=LUNCH,
        guests=(FM, HTV),
        follow_up_notes="Justert mandat og milepælsplan er lagt fram, se neste sak.",
        items=(
            DemoItem(
                "Status i prosjektet",
                ItemKind.INFORMATION,
                "Prosjektgruppa utreder en mer dynamisk partnerskapsmodell, som kan legges fram "
                "på konferansen i juni. Alle NAV-kontor fikk 25. oktober en forespørsel om å "
                "kartlegge situasjonen i sitt tjenesteområde. Konsekvensene av de tre "
                "pilotmodellene utredes sammen med Fylkesmannen. Pilot Sør-Salten har sagt ja "
                "til å være referansegruppe.",
                presenter=MINUTE_TAKER,
                minutes=20,
            ),
            DemoItem(
                "Status i pilotene",
                ItemKind.INFORMATION,
                "Alle tre pilotene har lokale prosjektgrupper og lager egne prosjektplaner. De "
                "ansatte tas med fra starten, med prosessdager i vinter. I Ofoten må det samiske "
                "perspektivet få særskilt vekt når Tysfjord deles. Indre Salten avklares etter "
                "partnerskapsmøtet 5. desember; en arbeidsgruppe forbereder en felles politisk "
                "sak i de fem kommunene. Sør-Salten arbeider videre med sin prosjektplan.",
                presenter=PILOTS,
                minutes=30,
            ),
            DemoItem(
                "Budsjett",
                ItemKind.INFORMATION,
                "Forbruket per 31. oktober er 352 346 kroner. Ved årsskiftet ventes et "
                "mindreforbruk på om lag 82 650 kroner.",
                presenter=MINUTE_TAKER,
                minutes=10,
            ),
            DemoItem(
                "Kommunikasjonsstrategi med ansattepresentasjon",
                ItemKind.DECISION,
                "Prosjektlederen gikk gjennom et revidert utkast. Pilotene står for det meste av "
                "kommunikasjonen lokalt; nyheter legges på intranettet etter hvert som "
                "milepælene nås.",
                decision=(
                    "Strategien godkjennes. Språket i noen av lysarkene forenkles før den sendes "
                    "til pilotene."
                ),
                presenter=MINUTE_TAKER,
                minutes=20,
            ),
            DemoItem(
                "Konferanse for NAV-ledere og rådmenn i juni 2018",
                ItemKind.DECISION,
                "Gruppa er enig i at en konferanse om partnerskap og brukermedvirkning tidlig i "
                "juni vil være nyttig. Forslag til innhold: erfaringene fra pilotene, en "
                "verksted-økt om partnerskapsmodellen og innlegg om medvirkning i omstilling.",
                decision=(
                    "Det holdes en todagers konferanse fra lunsj til lunsj tidlig i juni 2018. "
                    "NAV, Fylkesmannen og KS setter straks ned en arbeidsgruppe for program og "
                    "praktiske forhold."
                ),
                presenter=CHAIR,
                minutes=30,
            ),
            DemoItem(
                "Møteplan",
                ItemKind.INFORMATION,
                "Neste ordinære møte 9. mars er for langt fram i prosjektperioden. Vi setter "
                "derfor opp et ekstra møte 18. januar kl. 11–14.",
                minutes=5,
            ),
        ),
    ),
    DemoMeeting(
        day=date(2018, 1, 18),
        start=time(11),
        end=time(14),
        location="NAV Nordland, møterom Helgelandsbukken",
        breaks=LUNCH,
        absent=("leder.indresalten",),
        guests=(FM, KS, HTV),
        approval_notes="Ingen merknader til referatet fra 10. november.",
        follow_up_notes=(
            "Tilbakemeldingene fra de øvrige tjenesteområdene er samlet inn og tas med i "
            "kartleggingen av kontorstrukturen."
        ),
        items=(
            DemoItem(
                "Status i pilotene",
                ItemKind.INFORMATION,
                "Ofoten vurderer å søke Fylkesmannen om skjønnsmidler til en lokal "
                "prosjektressurs for det kommunale tjenestetilbudet i det nye kontoret; fristen "
                "er 1. februar. Blir det vertskommune i Indre Salten, trengs trolig en lokal "
                "ressurs der også. Geografien i Sør-Salten taler for at piloten får nytt "
                "IKT-utstyr først. Hver pilot får en tydeligere egenart etter hvert.",
                presenter=PILOTS,
                minutes=30,
                actions=(
                    DemoAction(
                        "Søke skjønnsmidler til lokal prosjektressurs i Ofoten",
                        "leder.ofoten",
                        due=date(2018, 2, 1),
                        done_on=date(2018, 1, 31),
                        progress="Søknaden ble sendt 31. januar.",
                    ),
                ),
            ),
            DemoItem(
                "Utvikling av partnerskapsmodellen",
                ItemKind.DISCUSSION,
                "Samarbeidsavtalene bør gjøre kontorenes retning mot arbeid tydeligere. Gruppa "
                "drøftet om NAV-lederen hvert år skal orientere kommunestyret, og hvordan "
                "kommunene kan se nytten av det.",
                minutes=20,
            ),
            DemoItem(
                "Budsjett",
                ItemKind.INFORMATION,
                "Tatt til orientering uten merknader.",
                presenter=MINUTE_TAKER,
                minutes=5,
            ),
            DemoItem(
                "Partnerskapskonferansen 2018",
                ItemKind.DECISION,
                "Pilotene utfordres til å ha med rådmennene i innleggene sine. Et innlegg på dag "
                "to byttes med nytt fra kommuneproposisjonen, som holder på rådmennenes "
                "interesse.",
                decision=(
                    "Programmet justeres som foreslått, og det endelige programmet sendes ut "
                    "innen midten av februar."
                ),
                presenter=MINUTE_TAKER,
                minutes=20,
            ),
            DemoItem(
                "Konsekvensutredning for de tre pilotmodellene",
                ItemKind.INFORMATION,
                "Fylkesmannen bidrar i utredningen. Mulighetene og begrensningene i de formelle "
                "rammene for samarbeidet i Sør-Salten skal komme tydelig fram.",
                minutes=15,
            ),
            DemoItem(
                "Kommunikasjonsplan, partnerskapsside og kronikk",
                ItemKind.DISCUSSION,
                "Hovedbudskapet beholdes. Kronikken bør bli kortere, fri for faguttrykk og gjerne "
                "rettet mot arbeidsgivere, og publiseres snart.",
                minutes=15,
            ),
            DemoItem(
                "Samarbeidsforum 2018",
                ItemKind.DECISION,
                "Forslag til møtedatoer for 2018 ble lagt fram.",
                decision=(
                    "Møtet 9. mars holdes som felles møte for styringsgruppa og samarbeidsforum. "
                    "De øvrige datoene for året avtales der."
                ),
                minutes=10,
            ),
        ),
    ),
    DemoMeeting(
        day=date(2018, 3, 9),
        start=time(11),
        end=time(14),
        location=SULISKONGEN,
        breaks=LUNCH,
        guests=(FM, KS, HTV),
        approval_notes="Ingen merknader.",
        follow_up_notes=(
            "Søknaden om skjønnsmidler til en lokal prosjektressurs i Ofoten gikk før fristen."
        ),
        items=(
            DemoItem(
                "Status i pilotene",
                ItemKind.INFORMATION,
                "Både Ofoten og Indre Salten må ta det samiske perspektivet på alvor: ikke bare "
                "språk, men forståelse av kultur og identitet. Det planlegges møter med samiske "
                "miljøer og de berørte NAV-lederne. Indre Salten vil prioritere møter i hver "
                "kommune i vår framfor å ha en politisk sak klar til juni. Ofoten og Sør-Salten "
                "er i rute.",
                presenter=PILOTS,
                minutes=30,
            ),
            DemoItem(
                "Utvikling av partnerskapsmodellen",
                ItemKind.DISCUSSION,
                "De kommunale tjenestene i NAV-kontorene varierer mye, og det gjør det vanskelig "
                "å hente ut gevinster og prioritere arbeid og aktivitet. Styringssignalene fra "
                "stat og kommune til NAV-lederen må samordnes. Erfaringene fra pilotene tas med "
                "i prosjektets kunnskapsgrunnlag.",
                minutes=25,
            ),
            DemoItem(
                "Partnerskapskonferansen 13.–14. juni 2018",
                ItemKind.DECISION,
                "Programmet ble gjennomgått. Evalueringen etter konferansen får fem spørsmål, "
                "blant annet om helhetsinntrykket og om temaene var nyttige lokalt.",
                decision=(
                    "Programmet godkjennes. Markedsføringen starter 12. mars gjennom NAV, KS og "
                    "Fylkesmannen."
                ),
                presenter=MINUTE_TAKER,
                minutes=20,
            ),
            DemoItem(
                "Kartlegging av kontorstrukturen",
                ItemKind.INFORMATION,
                "Materialet fra kontorene er kommet inn og bearbeides, sammen med andre kilder "
                "og i lys av regionaliseringsprosjektet.",
                minutes=10,
            ),
            DemoItem(
                "Kommunikasjon",
                ItemKind.DECISION,
                "Referatene skal være lett tilgjengelige for alle som følger prosjektet.",
                decision=(
                    "Kronikken er godkjent og kan sendes ut. Alle referater fra prosjektgruppa og "
                    "styringsgruppa publiseres på prosjektets partnerskapsside."
                ),
                minutes=10,
                actions=(
                    DemoAction(
                        "Publisere referatene på partnerskapssiden",
                        MINUTE_TAKER,
                        due=date(2018, 5, 4),
                        done_on=date(2018, 5, 30),
                        progress="Alle referater ligger ute; nye legges ut fortløpende.",
                    ),
                ),
            ),
            DemoItem(
                "Årshjul for samarbeidsforum",
                ItemKind.INFORMATION,
                "Årshjulet for samarbeidsforum ble lagt fram med forslag til datoer for 2018.",
                minutes=10,
            ),
        ),
    ),
    DemoMeeting(
        day=date(2018, 5, 4),
        start=time(10),
        end=time(14),
        location=SULISKONGEN,
        breaks=LUNCH,
        guests=(FM, KS, HTV),
        approval_notes=(
            "Godkjent. Fra forrige møte følges det opp at referatene skal publiseres på "
            "partnerskapssiden."
        ),
        follow_up_notes="Publisering av referatene pågår.",
        items=(
            DemoItem(
                "Status i pilotene",
                ItemKind.INFORMATION,
                "Ofoten: Evenes kommunestyre vedtok 25. april å ta opp igjen dialogen om "
                "vertskommunesamarbeid med Narvik, og Gratangen har fått prosjektplanutkastet. "
                "Partnerskapsmøte i Ofoten 16. mai. Indre Salten: det er holdt møter i alle fem "
                "kommunene; prosjektplanen kommer i juni og blir politisk sak i høst. Begge "
                "pilotene trenger lokale prosjektressurser. Sør-Salten: prosjektplanen er "
                "godkjent, og kommunene skal skaffe like fagsystemer i løpet av året.",
                presenter=PILOTS,
                minutes=40,
                actions=(
                    DemoAction(
                        "Avklare de juridiske rammene for organisering av NAV-tjenester med "
                        "Fylkesmannen",
                        CHAIR,
                        due=date(2018, 9, 14),
                        done_on=date(2018, 9, 14),
                        progress="Møte holdt; rammene er beskrevet i delrapport 1.",
                    ),
                    DemoAction(
                        "Møte prosjektgruppa i Sør-Salten om rammene for videre arbeid",
                        "leder.meloy",
                        due=date(2018, 6, 29),
                        done_on=date(2018, 6, 20),
                    ),
                ),
            ),
            DemoItem(
                "Utvikling av partnerskapsmodellen",
                ItemKind.DISCUSSION,
                "Samarbeidsavtalen ses som et langsiktig styringsdokument med lokalt tilpasset "
                "innhold. Et revidert utkast til én kommunes avtale følger referatet og kan bli "
                "mal for de andre avtalene i fylket.",
                minutes=15,
            ),
            DemoItem(
                "Partnerskapskonferansen 13.–14. juni 2018",
                ItemKind.INFORMATION,
                "85 påmeldte per i dag. Fristen er forlenget til 29. mai. Brukerutvalget får en "
                "rolle på dag to. Ledige plasser kan tilbys universitetet og fylkeskommunen.",
                presenter=MINUTE_TAKER,
                minutes=20,
            ),
            DemoItem(
                "Delrapport 1",
                ItemKind.DECISION,
                "Rapporten skal oppsummere prosjektets første tolv måneder og sette milepæler og "
                "prioriteringer fram til juni 2019. Det ble foreslått å undersøke om "
                "partnerskapet kan følges av forskere med et blikk utenfra.",
                decision=(
                    "Prosjektgruppa lager et utkast som sendes begge gruppene, og som behandles "
                    "i første møte til høsten."
                ),
                minutes=20,
            ),
            DemoItem(
                "Kommunikasjonsaktiviteter",
                ItemKind.INFORMATION,
                "En kronikk om partnerskapet er sendt mediehusene, og en kronikk om pilot Ofoten "
                "er klar. Prosjektet er presentert for kundesenteret og for to tjenesteområder.",
                minutes=10,
            ),
            DemoItem(
                "Eventuelt",
                ItemKind.INFORMATION,
                "Kontakt er etablert med det nasjonale etableringsstøtteprosjektet, med "
                "oppstartssamling 28. mai. Vi må vurdere hvilke prosjektverktøy som tjener "
                "partnerskapet.",
                minutes=10,
            ),
        ),
    ),
    DemoMeeting(
        day=date(2018, 9, 14),
        start=time(11),
        end=time(14, 30),
        location=SULISKONGEN,
        breaks=LUNCH,
        absent=("leder.indresalten",),
        guests=(RU, HTV),
        follow_up_notes=(
            "Referatene er publisert, og rammene for det videre arbeidet i Sør-Salten er "
            "avklart, både lokalt og med Fylkesmannen."
        ),
        items=(
            DemoItem(
                "Møteplan høsten 2018",
                ItemKind.INFORMATION,
                "Neste møte, sammen med samarbeidsforum, er 29. november kl. 11–14.30.",
                minutes=5,
            ),
            DemoItem(
                "Budsjett",
                ItemKind.INFORMATION,
                "Forbruket per 31. august er 350 166 kroner. Budsjettet for 2018 var 300 000 "
                "kroner, fordi prosjektet skulle slutte 1. juni, men det er forlenget med ett "
                "år. Fylkesmannen har innvilget 600 000 kroner som kommunenes andel for 2018, "
                "formelt til Hemnes kommune som søkte. NAV Nordland fakturerer Hemnes, og "
                "budsjettet justeres.",
                presenter=MINUTE_TAKER,
                minutes=15,
                actions=(
                    DemoAction(
                        "Fakturere Hemnes kommune for kommunenes andel",
                        CHAIR,
                        due=date(2018, 12, 12),
                        done_on=date(2018, 11, 15),
                    ),
                ),
            ),
            DemoItem(
                "Status i pilotene",
                ItemKind.INFORMATION,
                "Ofoten er i rute: Narvik, Ballangen og en del av Tysfjord blir én kommune 1. "
                "januar 2020, og Evenes og Gratangen har vedtatt vertskommunesamarbeid med "
                "Narvik. Prosessdagen for de ansatte 12. september fikk gode tilbakemeldinger. "
                "Indre Salten la fram prosjektplanen 31. august og anbefaler Fauske som "
                "vertskommune med avdelingskontor i Saltdal og Hamarøy; kommunestyrene behandler "
                "saken i vinter. I Sør-Salten mener Fylkesmannen og etableringsstøtteprosjektet "
                "at modellen ikke ivaretar myndighetsutøvelse og taushetsplikt godt nok, så NAV "
                "Nordland tar initiativ til et partnerskapsmøte om en annen organisering.",
                presenter=PILOTS,
                minutes=40,
            ),
            DemoItem(
                "Partnerskapskonferansen 2018 og konferansen 2019",
                ItemKind.DECISION,
                "Evalueringen av junikonferansen var god, men kommunene, særlig på Helgeland, "
                "deltok for lite. Prosjektgruppa foreslår NAV, kommunen og ungdom som tema for "
                "2019. Det er hentet inn tilbud fra to hoteller i Bodø.",
                decision=(
                    "Konferansen 2019 holdes 10.–11. april i Bodø med tema NAV, kommunen og "
                    "ungdom. En programskisse legges fram i neste møte."
                ),
                presenter=MINUTE_TAKER,
                minutes=20,
            ),
            DemoItem(
                "Delrapport 1",
                ItemKind.DECISION,
                "Gruppa ba om at det samiske perspektivet får mer plass, og at begrensningene i "
                "Sør-Salten-modellen kommer tydeligere fram.",
                decision=(
                    "Delrapport 1 ferdigstilles med innspillene fra møtet. Strukturen for "
                    "tjenesteområdene utredes i delrapport 2. Det lages et sammendrag og en "
                    "pressemelding."
                ),
                presenter=MINUTE_TAKER,
                minutes=25,
            ),
            DemoItem(
                "NAV som samfunnsaktør",
                ItemKind.DISCUSSION,
                "Prosjektgruppa reviderer samarbeidsavtalene, med én kommunes avtale som "
                "eksempel, og vil lage støttemateriell til NAV-lederne for partnerskapsmøter og "
                "årlige orienteringer i kommunestyret. Gruppa minnet om at virksomhetsplanen er "
                "grunnlaget for partnerskapsmøtene, og at avtalene ikke må bli for detaljerte.",
                minutes=20,
            ),
            DemoItem(
                "Kommunikasjonsaktiviteter",
                ItemKind.INFORMATION,
                "Kommunikasjonsstrategien og aktivitetsplanen følges. Prosjektet omtales i "
                "nyhetsbrevet, og det orienteres i flere fora i høst.",
                minutes=10,
            ),
            DemoItem(
                "Eventuelt",
                ItemKind.INFORMATION,
                "Vi vurderer å ta i bruk Teams, som også kan brukes av eksterne deltakere. "
                "Direktoratets konferanse om helhetlige tjenester holdes i Oslo 31. oktober–1. "
                "november.",
                minutes=10,
            ),
        ),
    ),
    DemoMeeting(
        day=date(2018, 11, 29),
        start=time(11),
        end=time(14, 30),
        location=SULISKONGEN,
        breaks=LUNCH,
        absent=("leder.ofoten",),
        guests=(RU, FM, HTV),
        approval_notes="Referatet fra 14. september er godkjent uten merknader.",
        follow_up_notes="Hemnes kommune er fakturert for kommunenes andel.",
        comment_deadline=date(2018, 12, 5),
        items=(
            DemoItem(
                "Samarbeidsforum: nettverk for økonomisk rådgivning",
                ItemKind.DECISION,
                "Saken om kvalifiseringsprogrammet utsettes. Fylkesmannen orienterte om et "
                "nasjonalt kompetansesenter for økonomisk rådgivning i Trøndelag, og foreslår "
                "heller et eget nettverk i Nordland for de tyngste sakene, bygd på fagmiljøene "
                "som finnes i fylket. Datoer for samarbeidsforum i 2019: 1. mars, 24. mai, 6. "
                "september og 15. november, kl. 11–14.30.",
                decision=(
                    "Styringsgruppa stiller seg positiv til et eget nettverk i Nordland. Et kort "
                    "notat om forslaget sendes KS og legges fram for rådmannsutvalget 7. "
                    "desember."
                ),
                minutes=30,
                actions=(
                    DemoAction(
                        "Notat om et nettverk for økonomisk rådgivning i Nordland",
                        MINUTE_TAKER,
                        due=date(2018, 12, 7),
                        done_on=date(2018, 12, 6),
                    ),
                ),
            ),
            DemoItem(
                "Status i pilotene",
                ItemKind.INFORMATION,
                "Alle tre pilotene er i rute. Før nyttår er alle tjenesteområdene orientert, "
                "unntatt ett. Lofoten og Alstahaug peker seg ut for videre arbeid, fordi NAV "
                "Nordland ser vertskommune som et aktuelt alternativ der.",
                presenter=PILOTS,
                minutes=25,
            ),
            DemoItem(
                "Budsjett",
                ItemKind.INFORMATION,
                "Per 15. november er det et samlet merforbruk på om lag 400 000 kroner. Når "
                "midlene fra Fylkesmannen er ført tilbake fra Hemnes kommune, blir det om lag "
                "200 000 kroner i friske midler til 2019.",
                presenter=MINUTE_TAKER,
                minutes=10,
            ),
            DemoItem(
                "Strategi for partnerskapsutvikling",
                ItemKind.DECISION,
                "Prosjektgruppas skisse skal gi likeverd, langsiktighet, forutsigbarhet og "
                "ansvarlighet i partnerskapene. Konferansene er hovedarenaen; drift og "
                "utvikling rapporteres til styringsgruppa. Et kort notat til rådmennene bør "
                "forklare hvorfor NAV er viktig for kommunen.",
                decision=(
                    "Skissen får tilslutning og utvikles videre i prosjektgruppa. Den legges fram "
                    "for NAV-lederne 6. desember og rådmannsutvalget 7. desember."
                ),
                presenter=MINUTE_TAKER,
                minutes=30,
            ),
            DemoItem(
                "Partnerskapskonferansen 2019",
                ItemKind.DECISION,
                "Forslaget til program fikk støtte. En forsker inviteres til å holde innlegg, og "
                "statsråden forespørres. Det arbeides med digital påmelding og evaluering.",
                decision=(
                    "Programutkastet godkjennes. Et revidert program legges fram for gruppa senere."
                ),
                presenter=MINUTE_TAKER,
                minutes=20,
            ),
            DemoItem(
                "Kommunikasjon i prosjektet og NAV som samfunnsaktør",
                ItemKind.INFORMATION,
                "Ikke gjennomgått på grunn av tiden. Prosjektgruppa vurderer en standard "
                "samarbeidsavtale med rullerende handlingsplaner. Kommunikasjonsstrategien "
                "oppdateres 18. desember.",
                minutes=10,
            ),
            DemoItem(
                "Eventuelt",
                ItemKind.INFORMATION,
                "Etableringsstøtteprosjektet mener Nordland utmerker seg i partnerskapsutvikling. "
                "Ansatterepresentanten går over i ny jobb, så de ansatte må velge en ny. "
                "Prosjektgruppa ønsker en representant fra Fylkesmannen.",
                minutes=15,
                actions=(
                    DemoAction(
                        "Undersøke hva endringene i kommuneloven betyr for samarbeid mellom "
                        "kommuner",
                        MINUTE_TAKER,
                        due=date(2019, 3, 1),
                    ),
                ),
            ),
        ),
    ),
    DemoMeeting(
        day=date(2019, 3, 1),
        start=time(11),
        end=time(14),
        location=SULISKONGEN,
        breaks=LUNCH,
        guests=(HTV,),
        approval_notes=(
            "Referatet fra 29. november ble ansett som godkjent da fristen for merknader gikk ut "
            "5. desember uten innsigelser."
        ),
        follow_up_notes=(
            "Notatet om et nettverk for økonomisk rådgivning er sendt. Spørsmålet om "
            "kommuneloven står fortsatt åpent."
        ),
        comment_deadline=date(2019, 3, 13),
        items=(
            DemoItem(
                "Samarbeidsforum",
                ItemKind.INFORMATION,
                "Ingen fra Fylkesmannen kunne møte, så sakene om kvalifiseringsprogrammet og "
                "nettverket for økonomisk rådgivning ble ikke behandlet.",
                minutes=5,
            ),
            DemoItem(
                "Status i pilotene",
                ItemKind.INFORMATION,
                "Ofoten starter et lederutviklingsprogram og har dialog om det samiske "
                "perspektivet når Tysfjord deles. I Indre Salten går utkastet til "
                "samarbeidsavtale til kommunestyrene, og en lokal prosjektleder skal utnevnes; "
                "piloten takket nei til å bli senter for økonomisk rådgivning på grunn av "
                "arbeidspresset. Sør-Salten venter på svar fra direktoratet om å bli "
                "forsøkskommuner for et felles ungdomsteam, og anskaffelsen av fagsystemer er "
                "utsatt til det er klart hva som passer med digital søknad om sosialhjelp.",
                presenter=PILOTS,
                minutes=35,
            ),
            DemoItem(
                "Budsjett",
                ItemKind.INFORMATION,
                "Oversikten per 31. januar viser forbruk som ventet. Prosjektet fikk 1,2 "
                "millioner kroner i 2018, og om lag 190 000 kroner overføres til 2019. En mer "
                "detaljert oversikt kommer når tildelingen for 2019 er klar.",
                presenter=MINUTE_TAKER,
                minutes=10,
            ),
            DemoItem(
                "Strategi for partnerskapsutvikling og utkast til partnerskapsavtale",
                ItemKind.DECISION,
                "Strateginotatet ble presentert for NAV-lederne og rådmannsutvalget i desember "
                "og fikk ett innspill. Prosjektgruppa har også kommentert det nasjonale utkastet "
                "til partnerskapsavtale med veileder, som den mener egner seg godt som mal i "
                "Nordland. Utkastet bruker «partnerskapsavtale» i stedet for "
                "«samarbeidsavtale».",
                decision=(
                    "Styringsgruppa slutter seg til prosjektgruppas innspill til den nye "
                    "partnerskapsavtalen. Strateginotatet tas inn i sluttrapporten."
                ),
                review_date=date(2019, 9, 10),
                presenter=MINUTE_TAKER,
                minutes=25,
            ),
            DemoItem(
                "Partnerskapskonferansen 2019",
                ItemKind.DECISION,
                "Programmet er sendt NAV-lederne og lagt på intranettet, og KS sender det til "
                "alle rådmenn i Nordland. Arrangøren har satt av 80 hotellrom. Prosjektgruppa "
                "har den praktiske kontakten med hotellet.",
                decision=(
                    "Budsjettet for konferansen godkjennes. Prosjektgruppa og styringsgruppa "
                    "holder et felles evalueringsmøte rett etter lunsj på dag to."
                ),
                presenter=MINUTE_TAKER,
                minutes=20,
            ),
            DemoItem(
                "Kommunikasjon i prosjektet og NAV som samfunnsaktør",
                ItemKind.INFORMATION,
                "Budskapsnotatet ble oppdatert i desember og følger referatet. Prosjektet ble "
                "sist presentert for fylkets ledergruppe 31. januar.",
                minutes=10,
            ),
            DemoItem(
                "Eventuelt",
                ItemKind.INFORMATION,
                "Delrapport 2 kommer etter prosjektperioden, med pilotene, strategien for "
                "partnerskapsutvikling og et veikart. Det er tett dialog med "
                "regionaliseringsprosjektet, som leverer sitt forslag 15. mars. Confluence "
                "fases ut som delingsarena.",
                minutes=15,
                actions=(
                    DemoAction(
                        "Delrapport 2: pilotene, strategi for partnerskapsutvikling og veikart",
                        MINUTE_TAKER,
                        due=date(2019, 9, 10),
                        progress="Kapitlene om pilotene er skrevet; veikartet gjenstår.",
                    ),
                ),
            ),
        ),
    ),
)
