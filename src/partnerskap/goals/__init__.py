"""Goals and results (Mål og resultater, DOMAIN.md C11), and the owners' steering signals.

Public selectors other apps may call (stable names, in :mod:`partnerskap.goals.selectors`):

``goals_with_progress(partnership, year) -> list[GoalProgress]``
    Every goal of the partnership's year, in its order, with its progress computed from the
    figures as they are now; at most six queries whatever the number of goals.
``progress_of(partnership, goals) -> list[GoalProgress]``
    The same for a chosen list of goals of one partnership (a page of them).
``goals(partnership, year) -> QuerySet[Goal]``
    The year's goals in their order, without progress (a choice of goals to link, a page).
``goal_for_user(user, pk, change=False) -> Goal``
    Access: 404 outside the partnership, 403 to readers when ``change``.
``goal_years(partnership) -> list[int]``
    The years with goals, newest first.
``signals(partnership, year) -> dict[str, list[SteeringSignal]]``
    The owners' steering signals side by side, keyed "state" and "municipality".

A ``GoalProgress`` has ``goal``, ``readings`` (one ``Reading`` per indicator), ``progress``
(a Decimal in [0, 1] or None), ``percent`` (whole per cent or None), ``status`` (one of
``progress.Status``: "reached", "on_the_way", "behind", "no_data") and ``status_label``. A
``Reading`` has ``name``, ``unit``, ``baseline``, ``baseline_period``, ``target`` (a Target or
None), ``actual`` (a Decimal, ":" when only suppressed figures exist, or None), ``actual_period``,
``progress``, ``percent``, ``status``, ``status_label`` and ``values`` (every period's value).
The goals table as HTML for a document: the template ``goals/_table.html`` with ``rows`` (and
``print=True`` for plain-text status); as a PDF: ``papers.goals_pdf(partnership, year)``.
The decision on the arithmetic and the thresholds: docs/decisions/0080.
"""
