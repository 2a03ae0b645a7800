"""Create the editorial roles and the two-step approval workflow.

Calls the same function as `setup_roles`; permissions of every installed app
are created first, since Django otherwise adds them only after all migrations.
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    from bantin.publishing.roles import roles_apply

    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    roles_apply()


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_initial"),
        ("core", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
