"""Reads for the meeting pages, the API and the documents, each a fixed number of queries.

`base` holds the access functions, lists and page reads, `content` the minutes as plain data,
`public` what the public pages may show; import from here.
"""

from .base import *  # noqa: F403
from .content import *  # noqa: F403
from .public import *  # noqa: F403
