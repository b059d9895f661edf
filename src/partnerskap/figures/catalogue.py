# ruff: noqa: E501 - the catalogue reads best one sentence a line
"""The indicators Partnerskap ships (DOMAIN.md C5), loaded at migrate time (docs/decisions/0013).

Names and definitions are English source strings marked for translation; pages show them in the
reader's language through :func:`label` and :func:`definition`.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

from partnerskap.core.services import apply, save

from .models import Indicator, Level, Unit

DATA_WAREHOUSE = "Datavarehuset, Arbeids- og velferdsdirektoratet"
OFFICE_REPORT = "NAV-kontorets egen telling"
SSB = "Statistisk sentralbyrå (SSB)"

# (code, name, definition, unit, level, source, external code, numerator, denominator)
INDICATORS = [
    (
        "users_follow_up",
        _("Users in work-oriented follow-up"),
        _(
            "People the office follows up towards work (arbeidsrettet brukeroppfølging) on the day of extraction."
        ),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "users_follow_up_aap",
        _("Of them on work assessment allowance (AAP)"),
        _("Users in work-oriented follow-up who receive work assessment allowance."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "users_follow_up_unemployment",
        _("Of them on unemployment benefit"),
        _("Users in work-oriented follow-up who receive unemployment benefit (dagpenger)."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "users_follow_up_under_30",
        _("Of them under 30"),
        _("Users in work-oriented follow-up who are younger than 30."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "social_assistance_recipients",
        _("Recipients of social assistance"),
        _("People who received financial social assistance at some time in the period."),
        Unit.COUNT,
        Level.OFFICE,
        OFFICE_REPORT,
        "Sosialhjelpsmottakere",
        "",
        "",
    ),
    (
        "social_assistance_main_income",
        _("Of whom it was the main income"),
        _("Recipients for whom social assistance was the main source of income in the period."),
        Unit.COUNT,
        Level.OFFICE,
        OFFICE_REPORT,
        "",
        "",
        "",
    ),
    (
        "social_assistance_long_term",
        _("Long-term recipients"),
        _("Recipients who have received social assistance for six months or more."),
        Unit.COUNT,
        Level.OFFICE,
        OFFICE_REPORT,
        "",
        "",
        "",
    ),
    (
        "social_assistance_new",
        _("New recipients"),
        _("Recipients who had not received social assistance before the period."),
        Unit.COUNT,
        Level.OFFICE,
        OFFICE_REPORT,
        "",
        "",
        "",
    ),
    (
        "sick_leave",
        _("People on sick leave"),
        _("People living in the area who are on sick leave on the day of extraction."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "aap_cases",
        _("AAP cases"),
        _("Open cases about work assessment allowance."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "kvp_participants",
        _("Participants in the qualification programme"),
        _("People in the qualification programme (KVP) on the day of extraction."),
        Unit.COUNT,
        Level.OFFICE,
        OFFICE_REPORT,
        "",
        "",
        "",
    ),
    (
        "fte_state",
        _("FTEs, state"),
        _("Full-time equivalents employed on state terms."),
        Unit.FTE,
        Level.OFFICE,
        OFFICE_REPORT,
        "",
        "",
        "",
    ),
    (
        "fte_municipal",
        _("FTEs, municipal"),
        _("Full-time equivalents employed on municipal terms, the leader included."),
        Unit.FTE,
        Level.OFFICE,
        OFFICE_REPORT,
        "",
        "",
        "",
    ),
    (
        "users_followed_up",
        _("Users followed up, digitally or manually"),
        _("Users in follow-up counted in the table of digital follow-up."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "users_digital",
        _("Users followed up digitally"),
        _("Users whose follow-up runs through the digital activity plan."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "users_manual",
        _("Users followed up manually"),
        _("Users whose follow-up runs on paper or in meetings only."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "share_digital",
        _("Share of users followed up digitally"),
        _("Users followed up digitally as a share of all users followed up."),
        Unit.SHARE,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "users_digital",
        "users_followed_up",
    ),
    (
        "users_agreed_activity",
        _("Users in an agreed activity"),
        _(
            "Users in work-oriented follow-up with an agreed activity in the digital activity plan, planned or carried out."
        ),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "share_agreed_activity",
        _("Share in an agreed activity"),
        _("Users in an agreed activity as a share of users in work-oriented follow-up."),
        Unit.SHARE,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "users_agreed_activity",
        "users_follow_up",
    ),
    (
        "users_own_activity",
        _("Users who created an activity themselves"),
        _("Users in work-oriented follow-up who created an activity in the plan themselves."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "share_own_activity",
        _("Share who created an activity themselves"),
        _(
            "Users who created an activity themselves as a share of users in work-oriented follow-up."
        ),
        Unit.SHARE,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "users_own_activity",
        "users_follow_up",
    ),
    (
        "activity_current_job",
        _("Activity: a job I have now"),
        _("Users with an activity of the type “a job I have now”."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "activity_job_to_apply",
        _("Activity: a job I want to apply for"),
        _("Users with an activity of the type “a job I want to apply for”."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "activity_job_oriented",
        _("Activity: job-oriented own activity"),
        _("Users with an activity of the type “job-oriented own activity”."),
        Unit.COUNT,
        Level.OFFICE,
        DATA_WAREHOUSE,
        "",
        "",
        "",
    ),
    (
        "population",
        _("Population"),
        _("Residents on 1 January."),
        Unit.COUNT,
        Level.MUNICIPALITY,
        SSB,
        "Folkemengde",
        "",
        "",
    ),
    (
        "social_costs",
        _("Financial social assistance paid"),
        _("Financial social assistance paid out in the period, in NOK."),
        Unit.NOK,
        Level.MUNICIPALITY,
        SSB,
        "Sosialhjelpsutgifter",
        "",
        "",
    ),
]


def load() -> None:
    """Create or update the shipped indicators; idempotent (runs after every migrate), and a
    migrate that changes nothing writes nothing, so history shows only real changes."""
    existing = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for position, row in enumerate(INDICATORS):
        code, name, definition, unit, level, source, external, _num, _den = row
        fields = {
            "name": str(name),
            "definition": str(definition),
            "unit": unit,
            "level": level,
            "source": source,
            "external_code": external,
            "position": position,
        }
        indicator = existing.get(code) or Indicator(code=code)
        if indicator.pk is None or any(getattr(indicator, k) != v for k, v in fields.items()):
            existing[code] = save(apply(indicator, fields), actor=None)
    for code, *_others, numerator, denominator in INDICATORS:
        indicator = existing[code]
        wanted = (existing[numerator].pk, existing[denominator].pk) if numerator else (None, None)
        if (indicator.numerator_id, indicator.denominator_id) != wanted:
            # A plain update: the pair is derived from the shipped list, not a person's change.
            Indicator.objects.filter(pk=indicator.pk).update(
                numerator_id=wanted[0], denominator_id=wanted[1]
            )


def label(indicator: Indicator) -> str:
    return gettext(indicator.name)


def definition(indicator: Indicator) -> str:
    return gettext(indicator.definition)
