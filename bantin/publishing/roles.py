"""The editorial roles, the two-step approval workflow, and who may do what where.

``roles_apply`` is the one function that sets them up; the data migration, the
``setup_roles`` command and the demo all call it, and calling it again changes
nothing that is already right.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

REPORTER = "Phóng viên / Cộng tác viên"
EDITOR = "Biên tập viên"
CHIEF_EDITOR = "Trưởng ban biên tập"
ADMINISTRATOR = "Quản trị hệ thống"
ROLES = (REPORTER, EDITOR, CHIEF_EDITOR, ADMINISTRATOR)

WORKFLOW_NAME = "Duyệt tin hai bước"
STEP_EDIT = "Biên tập"
STEP_APPROVE = "Phê duyệt"

# Page permissions per role (Wagtail's codenames, suffixed with "_page").
PAGE_PERMISSIONS = {
    REPORTER: ("add",),
    EDITOR: ("add", "change"),
    CHIEF_EDITOR: ("add", "change", "publish", "lock", "unlock", "bulk_delete"),
    ADMINISTRATOR: ("add", "change", "publish", "lock", "unlock", "bulk_delete"),
}
MEDIA_PERMISSIONS = ("add", "choose")
ADMINISTRATOR_PERMISSIONS = (
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "delete_user"),
    ("auth", "add_group"),
    ("auth", "change_group"),
    ("auth", "delete_group"),
    ("core", "change_portalsettings"),
    ("wagtailcore", "add_site"),
    ("wagtailcore", "change_site"),
    ("wagtailcore", "delete_site"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    ("wagtailcore", "add_workflow"),
    ("wagtailcore", "change_workflow"),
    ("wagtailcore", "add_task"),
    ("wagtailcore", "change_task"),
    ("publishing", "view_auditrecord"),
)
CHIEF_EDITOR_PERMISSIONS = (("publishing", "view_auditrecord"),)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, page, kinds):
    for kind in kinds:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", f"{kind}_page")
        )


def _grant_media(group, collection):
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for kind in MEDIA_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission(app_label, f"{kind}_{model}"),
            )


def _scoped_name(role, section):
    return role if section is None else f"{role} – {section.title}"


def _task(name, groups):
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(*groups)
    return task


def workflow_ensure(root, editor_groups, chief_groups):
    """Create "Duyệt tin hai bước" (Biên tập → Phê duyệt) if missing and assign it to ``root``.

    Pages under ``root`` without a workflow of their own then need both approvals.
    """
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    steps = (_task(STEP_EDIT, editor_groups), _task(STEP_APPROVE, chief_groups))
    for order, task in enumerate(steps):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def roles_apply(*, section=None):
    """Create the four roles with their permissions and the approval workflow; idempotent.

    Without ``section`` the roles cover the whole site (from the root page) and
    administrators also manage users, groups and settings. With a section page,
    reporter/editor/chief groups named "<role> – <section title>" are created
    whose page permissions stop at that section's subtree; its editors and
    chief editors join the workflow's steps.

    Returns the groups by role name.
    """
    root = Page.get_first_root_node()
    scope = section or root
    roles = ROLES if section is None else (REPORTER, EDITOR, CHIEF_EDITOR)
    groups = {}
    for role in roles:
        group, _ = Group.objects.get_or_create(name=_scoped_name(role, section))
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
        _grant_pages(group, scope, PAGE_PERMISSIONS[role])
        _grant_media(group, Collection.get_first_root_node())
        groups[role] = group
    if section is None:
        groups[ADMINISTRATOR].permissions.add(
            *(_permission(app, codename) for app, codename in ADMINISTRATOR_PERMISSIONS)
        )
    groups[CHIEF_EDITOR].permissions.add(
        *(_permission(app, codename) for app, codename in CHIEF_EDITOR_PERMISSIONS)
    )
    workflow_ensure(root, [groups[EDITOR]], [groups[CHIEF_EDITOR]])
    return groups
