"""The county forum with published minutes (and an exempt item) that search tests use too."""

from ..search.conftest import forum  # noqa: F401 - fixture
