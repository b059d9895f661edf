"""The project's status report as PDF/A: a pure function from the report to bytes."""

from django.template.loader import render_to_string

from partnerskap.documents.pdf import render_pdf

from .models import ProjectStatusReport
from .selectors import report_content


def report_pdf(report: ProjectStatusReport) -> bytes:
    """The status as it stands now; frozen into the notice when that is sent."""
    return render_pdf(render_to_string("projects/print/report.html", report_content(report)))
