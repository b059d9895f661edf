"""The reception app in the JSON API: same access functions, selectors and services as the pages."""

from ninja import Router

router = Router()
