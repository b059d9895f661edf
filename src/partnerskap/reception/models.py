"""The reception app's data."""
