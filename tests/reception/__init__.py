"""Tests for the reception analysis core (C7)."""
