"""Partnerskap: the place where a NAV partnership lives."""
