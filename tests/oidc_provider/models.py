from django.conf import settings
from django.db import models


class Person(models.Model):
    """What the provider says about one of its people beyond Django's user."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idp_person")
    full_name = models.CharField(max_length=200)
    # None leaves the claim out, as Microsoft Entra ID does.
    email_verified = models.BooleanField(null=True)

    def __str__(self):
        return self.full_name
