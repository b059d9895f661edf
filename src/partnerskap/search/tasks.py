"""The index follows the data through tasks: a saved or deleted row enqueues one after commit."""

from django.apps import apps
from django.db.models import Q
from django_tasks import task

from . import services, sources


@task()
def refresh_for(app_label: str, model_name: str, pk: int) -> int:
    """Refresh every entry the row changed (it may be gone by now: then only what depends on it)."""
    instance = apps.get_model(app_label, model_name).objects.filter(pk=pk).first()
    if instance is None:
        return 0
    return sum(
        services.entries_refresh(model=model, which=which)
        for model, which in sources.touched(instance)
    )


@task()
def remove(app_label: str, model_name: str, pk: int) -> None:
    services.entries_remove(model=apps.get_model(app_label, model_name), pk=pk)


def refresh_now(instance) -> int:
    """The same as the task, in this process: for tests and the demo."""
    return sum(
        services.entries_refresh(model=model, which=which)
        for model, which in sources.touched(instance)
    )


__all__ = ["Q", "refresh_for", "refresh_now", "remove"]
