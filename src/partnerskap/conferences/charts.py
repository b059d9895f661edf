"""The evaluation's charts: one bar chart per question with answers to count, with its data table
(documents/_chart.html), the same SVG on the page and in the PDF."""

import altair as alt
from django.utils.translation import gettext as _

from partnerskap.documents.charts import chart_svg

from .models import QuestionKind
from .selectors import QuestionSummary


def question_chart(summary: QuestionSummary) -> dict | None:
    """A horizontal bar per possible answer; None for free text or a question nobody answered."""
    if summary.question.kind == QuestionKind.TEXT or not summary.answered:
        return None
    labels = [label for label, _count in summary.counts]
    rows = [{"answer": label, "count": count} for label, count in summary.counts]
    answers_title = _("Answers")
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            y=alt.Y("answer:N", title=None, sort=labels),
            x=alt.X("count:Q", title=answers_title, axis=alt.Axis(tickMinStep=1)),
        )
        .properties(width=420, height=max(22 * len(rows), 60))
    )
    caption = _("Answers to “%(question)s”") % {"question": summary.question.text}
    return {
        "svg": chart_svg(chart, description=caption),
        "caption": caption,
        "headers": [_("Answer"), answers_title],
        "rows": [[label, count] for label, count in summary.counts],
    }
