"""The figures as PDF/A: pure functions from the same context the pages use to bytes."""

from django.template.loader import render_to_string

from partnerskap.documents.pdf import render_pdf

from .content import report_content
from .models import StatusReport


def overview_pdf(context: dict) -> bytes:
    return render_pdf(render_to_string("figures/print/overview.html", context))


def county_pdf(context: dict) -> bytes:
    return render_pdf(render_to_string("figures/print/county.html", context))


def report_pdf(report: StatusReport) -> bytes:
    """The status report as it stands now; frozen into the notice when that is sent."""
    context = {
        "report": report,
        "partnership": report.partnership,
        "sections": report_content(report, report.partnership.office),
    }
    return render_pdf(render_to_string("figures/print/report.html", context))
