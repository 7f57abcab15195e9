"""What supervision adds to the portal: its pages, staff-home tiles, header link, role permissions and demo data
(registered in SupervisionConfig.ready(); see portal.features)."""

from portal.features import DemoLoader, Feature, NavigationLink, Pages, Tile
from portal.roles import Role
from supervision import access


def _your_supervision(user) -> str:
    """Supervisors also reach the people they supervise from their overview."""
    return "Your next session, actions, preparation notes and supervision history" + (
        ", and the people you supervise." if access.can_supervise(user) else "."
    )


def load_demo(people, today) -> str:
    # Imported here: only load_demo needs the demo history, not every web request.
    from supervision import demo

    loaded = demo.load(today)
    if not any(loaded):
        return "Supervision: the demo history is already there."
    return (
        f"Supervision: {loaded.agreements} agreements, {loaded.sessions} sessions and "
        f"{loaded.group_sessions} group sessions added."
    )


FEATURE = Feature(
    app_label="supervision",
    tiles=[
        Tile(order=30, title="Your supervision", url_name="supervision:overview", description=_your_supervision),
        Tile(
            order=40,
            title="Supervision dashboard",
            url_name="supervision:dashboard",
            description="Who is due or overdue for supervision, sessions per worker, open actions and caseloads.",
            visible_to=access.can_see_dashboard,
        ),
        Tile(
            order=50,
            title="Group reflective sessions",
            url_name="supervision:group-sessions",
            description="Record the group sessions you run: themes, who came and anonymised learning points.",
            visible_to=access.can_run_group_sessions,
        ),
    ],
    links=[NavigationLink(order=20, label="Supervision", url_name="supervision:overview")],
    demo=DemoLoader(order=20, load=load_demo),
    urls=Pages(prefix="supervision/", module="supervision.urls"),
    # Social workers reach their own records by scope (supervision.access), not by a permission.
    role_permissions={
        Role.SUPERVISOR: ["supervision.supervise", "supervision.view_dashboard"],
        Role.SERVICE_MANAGER: [
            "supervision.supervise",
            "supervision.view_dashboard",
            "supervision.view_service_records",
            "supervision.view_audit",
        ],
        Role.FACILITATOR: ["supervision.run_group_sessions"],
    },
)
