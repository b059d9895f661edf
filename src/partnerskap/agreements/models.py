"""The agreements app's data."""
