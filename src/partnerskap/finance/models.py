"""The finance app's data."""
