"""Every write to bodies, meetings, agenda items, follow-ups and minutes.

Each function is one use case: keyword-only arguments with the actor, one transaction, validation
with Norwegian messages, history recorded by simple-history with the actor, side effects (e-mail)
after commit. The modules split the use cases by what they change; import from here.
"""

from ._base import (
    ConflictError,
)
from .agenda import (
    action_add,
    action_update,
    attachment_add,
    item_add,
    item_forward,
    item_move,
    item_reorder,
    item_update,
    item_withdraw,
)
from .answers import attendance_answer
from .bodies import (
    StandardItem,
    body_create,
    body_member_add,
    member_send_notice,
    noticed_meetings_without,
)
from .feeds import calendar_feed_create, calendar_feed_revoke
from .meetings import (
    CALENDAR_FIELDS,
    attendance_record,
    meeting_cancel,
    meeting_mark_held,
    meeting_record_afterwards,
    meeting_schedule,
    meeting_send_notice,
    meeting_update,
    previous_meeting,
    undecided_items,
)
from .minutes import (
    minutes_approve,
    minutes_comment,
    minutes_correct,
    minutes_publish,
    minutes_send_for_comments,
    minutes_settle_deemed,
    minutes_update,
)
from .plan import (
    annual_plan_create,
    fridays,
)

__all__ = [
    "CALENDAR_FIELDS",
    "ConflictError",
    "StandardItem",
    "action_add",
    "action_update",
    "annual_plan_create",
    "attachment_add",
    "attendance_answer",
    "attendance_record",
    "body_create",
    "body_member_add",
    "calendar_feed_create",
    "calendar_feed_revoke",
    "fridays",
    "item_add",
    "item_forward",
    "item_move",
    "item_reorder",
    "item_update",
    "item_withdraw",
    "meeting_cancel",
    "meeting_mark_held",
    "meeting_record_afterwards",
    "meeting_schedule",
    "meeting_send_notice",
    "meeting_update",
    "member_send_notice",
    "minutes_approve",
    "minutes_comment",
    "minutes_correct",
    "minutes_publish",
    "minutes_send_for_comments",
    "minutes_settle_deemed",
    "minutes_update",
    "noticed_meetings_without",
    "previous_meeting",
    "undecided_items",
]
