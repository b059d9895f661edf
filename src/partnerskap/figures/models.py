"""The figures app's data."""
