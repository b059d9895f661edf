import pytest

from .tools import require


def test_a_missing_tool_fails_the_test_instead_of_skipping_it():
    with pytest.raises(pytest.fail.Exception, match="make browser-deps"):
        require("no-such-tool-partnerskap")
