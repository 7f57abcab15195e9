from django.conf import settings
from django.core.checks import Tags, Warning, register

DRAMA_PREFIX = "020 7946 0"


@register(Tags.security, deploy=True)
def real_phone_numbers(app_configs, **kwargs):
    """Families in trouble read these numbers: production must not show the placeholders."""
    return [
        Warning(
            f"{name} is still a placeholder number that never connects.",
            hint=f"Set the {name} environment variable to the service's real number.",
            id="practice_guide.W001",
        )
        for name in ("DAYTIME_PHONE", "OUT_OF_HOURS_PHONE")
        if getattr(settings, name).startswith(DRAMA_PREFIX)
    ]
