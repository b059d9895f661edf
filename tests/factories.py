"""factory_boy factories for the registry and people."""

from datetime import date

import factory

from partnerskap.core.models import User
from partnerskap.registry.models import (
    County,
    Municipality,
    Office,
    Owner,
    OwnerKind,
    Partnership,
    PartnershipModel,
    Role,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Sequence(lambda n: f"Fornavn{n}")
    last_name = "Etternavn"
    password = factory.django.Password("pw-test-123")


class CountyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = County

    number = factory.Sequence(lambda n: f"{(n % 89) + 10:02d}")
    name = factory.Sequence(lambda n: f"NAV Fylke {n}")
    valid_from = date(2018, 1, 1)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    number = factory.Sequence(lambda n: f"{1000 + n:04d}")
    name = factory.Sequence(lambda n: f"Kommune {n}")
    county = factory.SubFactory(CountyFactory)
    valid_from = date(2018, 1, 1)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    unit_number = factory.Sequence(lambda n: f"{2000 + n:04d}")
    name = factory.Sequence(lambda n: f"NAV Kontor {n}")
    county = factory.SubFactory(CountyFactory)
    valid_from = date(2018, 1, 1)


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"NAV Partnerskap {n}")
    office = factory.SubFactory(OfficeFactory)
    model = PartnershipModel.SINGLE
    valid_from = date(2018, 1, 1)


def partnership_with_owners(
    county: County, municipality: Municipality, **kwargs: object
) -> Partnership:
    partnership = PartnershipFactory(office__county=county, **kwargs)
    Owner.objects.create(partnership=partnership, kind=OwnerKind.STATE, county=county)
    Owner.objects.create(
        partnership=partnership, kind=OwnerKind.MUNICIPALITY, municipality=municipality
    )
    return partnership


def give_role(
    person: User, kind: str, *, partnership: Partnership | None = None, county: County | None = None
) -> Role:
    return Role.objects.create(
        person=person,
        kind=kind,
        partnership=partnership,
        county=county,
        valid_from=date(2018, 1, 1),
    )
