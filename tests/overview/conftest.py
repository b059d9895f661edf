from ..meetings.conftest import body, meeting  # noqa: F401 - fixtures shared with meetings
