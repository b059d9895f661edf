"""Pure computation for key figures and budget follow-up: shares, suppression, budgets (C5, C6)."""
