"""Key figures and status reports (C5): the indicator catalogue, observations per area and period
imported in versions, suppression of small numbers on the way out, and status reports for a
meeting's item."""
