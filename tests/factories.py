"""Test objects. Every person gets the password `password-for-tests`."""

import factory
from django.contrib.auth.models import Group

from portal.models import Service, Team, User

PASSWORD = "password-for-tests"


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ("name",)

    name = "Children's Social Care and Early Help"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    service = factory.SubFactory(ServiceFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    job_title = "Social Worker"
    team = factory.SubFactory(TeamFactory)
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """UserFactory(roles=[Role.SUPERVISOR, ...]) puts the person in those groups."""
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
