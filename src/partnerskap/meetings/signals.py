"""Signals other apps listen to, sent from inside the meetings services' transactions."""

import django.dispatch

# Sent at the end of meeting_send_notice, inside its transaction, with actor= and meeting=:
# a receiver's failure undoes the notice (the figures app freezes status reports here).
notice_sent = django.dispatch.Signal()
