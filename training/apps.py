from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Training programme"

    def ready(self):
        from portal.features import register
        from portal.people.leavers import register_handover
        from training.feature import FEATURE
        from training.leavers import TrainingHandover

        # A leaver's training work is handed over with everything else (portal.people.leavers).
        register_handover(TrainingHandover())
        # Its pages, staff-home tiles, header link, role permissions and demo programme (portal.features).
        register(FEATURE)
