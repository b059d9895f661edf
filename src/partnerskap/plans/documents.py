"""A plan's frozen version as PDF/A: a pure function from the version to bytes. The version's
content never changes, so neither does its PDF."""

from django.template.loader import render_to_string

from partnerskap.documents.pdf import render_pdf

from .models import PlanVersion
from .selectors import readable_content


def version_pdf(version: PlanVersion) -> bytes:
    context = {
        "version": version,
        "plan": version.plan,
        "partnership": version.plan.partnership,
        "approvals": list(version.approvals.select_related("approver")),
        **readable_content(version.content),
    }
    return render_pdf(render_to_string("plans/print/version.html", context))
