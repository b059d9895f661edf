"""The analysis and a scenario as a PDF/A: a pure function from the scenario's outcome to bytes."""

from django.template.loader import render_to_string
from django.utils import timezone

from partnerskap.documents.pdf import render_pdf

from . import presentation
from .charts import hour_chart, weekday_chart
from .selectors import LocationAnalysis, ScenarioOutcome, quiet_hours


def locations_context(analyses: list[LocationAnalysis]) -> list[dict]:
    """Each location's figures with their inputs, its charts and its quietest hours."""
    locations = []
    for item in analyses:
        if item.analysis is None:
            locations.append({"location": item.location, "analysis": None, "mixed": item.mixed})
            continue
        locations.append(
            {
                "location": item.location,
                "analysis": item.analysis,
                "rows": presentation.analysis_rows(item.analysis),
                "hour_chart": hour_chart(item.analysis, item.location.name),
                "weekday_chart": weekday_chart(item.analysis, item.location.name),
                "basis": presentation.BASIS[item.analysis.basis],
                "basis_first": item.basis_first,
                "basis_last": item.basis_last,
                "basis_days": item.basis_days,
                "quiet": [
                    (
                        presentation.show("cuts", ((slot.weekday, slot.opens, slot.closes),)),
                        slot.visits,
                        presentation.number(slot.per_open_day),
                    )
                    for slot in quiet_hours(item.analysis)
                ],
            }
        )
    return locations


def side_by_side(locations: list[dict]) -> dict | None:
    """The analysed locations' figures in one table, a column per location, to compare them at a
    glance before each location's figures with their inputs; None for fewer than two."""
    analysed = [item for item in locations if item["analysis"] is not None]
    if len(analysed) < 2:
        return None
    columns = [item["location"] for item in analysed]
    by_key = [{row.key: row for row in item["rows"]} for item in analysed]
    rows = [
        (by_key[0][key].label, [figures[key].value for figures in by_key])
        for key in (row.key for row in analysed[0]["rows"])
    ]
    return {"columns": columns, "rows": rows}


def outcome_context(outcome: ScenarioOutcome) -> dict:
    """What the scenario page and its PDF show: today per location, then each change."""
    locations = locations_context(outcome.analyses)
    changes = [
        {
            "change": row.change,
            "result": row.result,
            "figures": presentation.scenario_rows(row.result),
            "year": presentation.year_rows(row.result),
            "assumptions": presentation.assumption_rows(row.result),
            "cuts": [
                {
                    "hours": presentation.show("cuts", ((cut.weekday, cut.opens, cut.closes),)),
                    "saved": presentation.number(cut.staff_hours_saved),
                    "seen": cut.visits_in_period,
                    "per_year": presentation.number(cut.visits_per_year),
                }
                for cut in row.result.cuts
            ],
        }
        for row in outcome.rows
    ]
    plan = outcome.plan
    return {
        "scenario": outcome.scenario,
        "locations": locations,
        "changes": changes,
        "plan": plan
        and {
            "staff": presentation.number(plan.staff_hours_saved),
            "travel": presentation.number(plan.travel_hours_saved),
            "total": presentation.number(plan.total_hours_saved),
            "visits": presentation.number(plan.visits_affected),
        },
    }


def scenario_pdf(outcome: ScenarioOutcome, *, archival: bool = True) -> bytes:
    context = outcome_context(outcome) | {"printed": timezone.localdate()}
    html = render_to_string("reception/print/scenario.html", context)
    return render_pdf(html, archival=archival)


def pdf_name(outcome: ScenarioOutcome) -> str:
    from django.utils.text import slugify

    return f"mottak-{slugify(outcome.scenario.name) or outcome.scenario.pk}.pdf"
