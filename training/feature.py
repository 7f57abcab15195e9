"""What training adds to the portal: its pages, staff-home tiles, header link, role permissions and demo data
(registered in TrainingConfig.ready(); see portal.features)."""

from portal.features import DemoLoader, Feature, NavigationLink, Pages, Tile
from portal.roles import Role
from training import access


def load_demo(people, today) -> str:
    # Imported here: only load_demo needs the demo programme, not every web request.
    from training import demo

    loaded = demo.load(today)
    if not any(loaded):
        return "Training: the demo programme is already there."
    return f"Training: {loaded.courses} courses, {loaded.dates} dates and {loaded.bookings} bookings added."


FEATURE = Feature(
    app_label="training",
    tiles=[
        Tile(
            order=60,
            title="Your training",
            url_name="training:mine",
            description="Book courses, see your bookings, evaluate what you attended and record other learning.",
        ),
        Tile(
            order=70,
            title="Your CPD record",
            url_name="training:cpd",
            description="Your learning hours and reflections by year, to print or download for your registration "
            "renewal.",
        ),
        Tile(
            order=80,
            title="Training approvals",
            url_name="training:approvals",
            description="Approve or decline course requests and external learning for the people you manage.",
            visible_to=access.can_approve,
        ),
        Tile(
            order=90,
            title="Training uptake",
            url_name="training:uptake",
            description="The training matrix, coverage against targets, gaps, spend, attendance and evaluations.",
            visible_to=access.can_see_uptake,
        ),
        Tile(
            order=100,
            title="Run the training programme",
            url_name="training:manage",
            description="Programmes, courses and dates; registers, bookings and waiting lists; spend and targets.",
            visible_to=access.can_manage,
        ),
    ],
    links=[NavigationLink(order=30, label="Training", url_name="training:mine")],
    demo=DemoLoader(order=30, load=load_demo),
    urls=Pages(prefix="training/", module="training.urls"),
    role_permissions={
        Role.SUPERVISOR: ["training.view_team_training"],
        Role.SERVICE_MANAGER: ["training.view_all_training"],
        Role.TRAINING_COORDINATOR: ["training.manage_training", "training.view_all_training"],
    },
)
