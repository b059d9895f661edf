"""The walker's world (objects of every app) and its quiet refusals, for the API-wide tests."""

from ..test_access_walker import _quiet_refusals as _quiet_refusals
from ..test_access_walker import walk as walk
