"""What the practice handbook adds to the portal: its pages (all for signed-in staff), the staff-home tiles,
the header link, the Practice lead's permissions and the demo handbook (registered in
HandbookConfig.ready(); see portal.features). It has no sitemap: nothing in it is public."""

from handbook import access
from portal.features import DemoLoader, Feature, NavigationLink, Pages, Tile
from portal.roles import Role
from practice_guide.access import can_edit_handbook


def load_demo(people, today) -> str:
    # Imported here: only load_demo needs the demo prose.
    from handbook import demo

    return demo.load(people, today)


FEATURE = Feature(
    app_label="handbook",
    tiles=[
        Tile(
            order=35,
            title="Practice handbook",
            url_name="handbook:index",
            description="Our model of practice, a page for each tool we use and when to use it, and how we learn "
            "together. Confirm the pages you are asked to read.",
            visible_to=access.can_read_handbook,
        ),
        Tile(
            order=141,
            title="Edit the practice handbook",
            url_name="handbook-editor:manage",
            description="Write, preview, publish and schedule handbook pages; choose required reading.",
            visible_to=can_edit_handbook,
        ),
        Tile(
            order=142,
            title="Handbook reading",
            url_name="handbook:reading-report",
            description="Who has read and confirmed the handbook pages they are asked to read, team by team.",
            visible_to=access.can_see_reading_report,
        ),
    ],
    links=[NavigationLink(order=25, label="Handbook", url_name="handbook:index", visible_to=access.can_read_handbook)],
    demo=DemoLoader(order=50, load=load_demo),
    urls=Pages(prefix="handbook/", module="handbook.urls"),
    role_permissions={
        Role.PRACTICE_LEAD: [
            "practice_guide.manage_handbook",
            "handbook.set_required_reading",
            "handbook.view_reading_report",
        ],
        Role.GUIDE_EDITOR: ["practice_guide.manage_handbook"],
    },
)
