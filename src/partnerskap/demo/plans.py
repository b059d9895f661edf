"""Ørland's and Indre Fosen's business plans for the current year and Ørland's evaluation of user
participation last year: Ørland's plan approved by both owners, Indre Fosen's awaiting the
municipality (issue 20), each linked to its partnership's goals of the year if the demo has them."""

from datetime import date

from django.utils import timezone, translation

from partnerskap.core.models import User
from partnerskap.goals.models import Goal
from partnerskap.plans import services
from partnerskap.plans.models import Plan, PlanKind
from partnerskap.registry.models import Partnership

TEXTS = [
    "Flere i arbeid og aktivitet, færre på stønad: 40 flere ungdommer under 30 år ut i arbeid "
    "eller utdanning, og flere i arbeidsrettet oppfølging.",
    "Tett samarbeid med skolene og oppfølgingstjenesten om unge som faller ut; felles "
    "markedsarbeid med kommunens næringsavdeling.",
    "Brukerutvalget møtes fire ganger i året og uttaler seg om planen før den godkjennes.",
]


def _draft(users: dict[str, User], partnership: Partnership, leader: str, year: int) -> Plan:
    actor = users[leader]
    plan = services.plan_create(
        actor=actor, partnership=partnership, kind=PlanKind.BUSINESS, year=year
    )
    for section, text in zip(plan.sections.all(), TEXTS, strict=True):
        plan.refresh_from_db()
        services.section_update(
            actor=actor, section=section, heading=section.heading, text=text, revision=plan.revision
        )
    goals = list(Goal.objects.filter(partnership=partnership, year=year))
    if goals:
        plan.refresh_from_db()
        services.plan_set_goals(actor=actor, plan=plan, goals=goals, revision=plan.revision)
    plan.refresh_from_db()
    services.measure_add(
        actor=actor,
        plan=plan,
        title="Ungdomsteam med to veiledere fra kommunen og én fra staten",
        deadline=date(year, 3, 1),
        owner=actor,
        revision=plan.revision,
    )
    plan.refresh_from_db()
    services.plan_submit(actor=actor, plan=plan, revision=plan.revision)
    return plan


def _approve(plan: Plan, person: User, side: str, approved_as: str) -> None:
    plan.refresh_from_db()
    services.plan_approve(
        actor=person, plan=plan, side=side, approved_as=approved_as, revision=plan.revision
    )


def load(users: dict[str, User]) -> None:
    year = timezone.localdate().year
    orland = Partnership.objects.get(name="NAV Ørland")
    indre = Partnership.objects.get(name="NAV Indre Fosen")
    if Plan.objects.filter(partnership__in=[orland, indre], year=year).exists():
        return
    director = users["fylkesdirektor.trondelag"]
    with translation.override("nb"):
        plan = _draft(users, orland, "leder.orland", year)
        _approve(plan, users["kommunedirektor.orland"], "municipality", "Kommunedirektør")
        _approve(plan, director, "state", "Fylkesdirektør")
        plan = _draft(users, indre, "leder.indrefosen", year)
        _approve(plan, director, "state", "Fylkesdirektør")
        services.evaluation_record(
            actor=users["leder.orland"],
            partnership=orland,
            year=year - 1,
            held_on=date(year - 1, 11, 14),
            participants="Brukerutvalget (fire representanter), NAV-leder, kommunalsjef",
            findings="Brukerutvalget ble tatt med i arbeidet med mottaket, men fikk sakspapirene "
            "sent. Ungdom er ikke representert.",
            follow_up="Sakspapirer sendes to uker før møtet; én plass i utvalget går til en "
            "representant for ungdom.",
        )
