"""Object permissions for the registry as `rules` predicates over the person's current roles."""

import rules

from .access import access_scope


@rules.predicate
def is_administrator(user) -> bool:
    return access_scope(user).is_admin


@rules.predicate
def can_read_partnership(user, partnership) -> bool:
    return partnership is not None and access_scope(user).can_read_partnership(partnership.pk)


@rules.predicate
def can_edit_partnership(user, partnership) -> bool:
    return partnership is not None and access_scope(user).can_edit_partnership(partnership.pk)


@rules.predicate
def can_read_office(user, office) -> bool:
    return office is not None and access_scope(user).can_read_office(office.pk)


@rules.predicate
def can_edit_office(user, office) -> bool:
    return office is not None and access_scope(user).can_edit_office(office.pk)


@rules.predicate
def can_create_partnership(user) -> bool:
    return access_scope(user).can_create_partnership


rules.add_perm("registry.view_partnership", can_read_partnership)
rules.add_perm("registry.change_partnership", can_edit_partnership)
rules.add_perm("registry.add_partnership", can_create_partnership)
rules.add_perm("registry.view_office", can_read_office)
rules.add_perm("registry.change_office", can_edit_office)
rules.add_perm("registry.change_reference", is_administrator)
