"""Agreements in the JSON API: the same access functions, selectors and services as the pages."""

from ninja import Router

router = Router()
