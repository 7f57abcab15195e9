from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = "Reflective supervision"

    def ready(self):
        from portal.features import register
        from portal.people.leavers import register_handover
        from supervision.feature import FEATURE
        from supervision.leavers import SupervisionHandover

        # A leaver's supervision work is handed over with everything else (portal.people.leavers).
        register_handover(SupervisionHandover())
        # Its pages, staff-home tiles, header link, role permissions and demo history (portal.features).
        register(FEATURE)
