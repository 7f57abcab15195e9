from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _sync_roles(sender, using="default", **kwargs):
    from django.contrib.auth.management import create_permissions

    from portal.roles import sync_roles

    # Roles refer to other apps' permissions, which Django creates in its own
    # post_migrate handler, possibly after this one: make sure they exist first.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles()


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "People and teams"

    def ready(self):
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="portal.sync_roles")

        from portal import auth_audit

        auth_audit.connect()
