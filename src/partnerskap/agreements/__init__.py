"""C3: agreement templates, agreements, checklists, hearings, versions."""
