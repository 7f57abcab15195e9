from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # The site's cache lives in the database (settings.CACHES); createcachetable is idempotent.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("practice_guide", "0001_guide")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
