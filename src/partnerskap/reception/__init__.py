"""Reception and opening hours (C7): the pure analysis of walk-in visits and staffing."""
