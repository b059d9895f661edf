"""Tests for the pure cost-sharing computation (C4)."""
