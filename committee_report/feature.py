"""What the quarterly committee report adds to the portal: its pages, a staff-home tile for service
managers, and their permission (registered in CommitteeReportConfig.ready(); see portal.features)."""

from committee_report import access
from portal.features import Feature, Pages, Tile
from portal.roles import Role

FEATURE = Feature(
    app_label="committee_report",
    tiles=[
        Tile(
            order=128,
            title="Quarterly report to the safeguarding committee",
            url_name="committee_report:report",
            description="Supervision, caseloads, training and families' feedback for a quarter, beside the "
            "quarter before: one printable page and its CSV.",
            visible_to=access.can_see_report,
        )
    ],
    urls=Pages(prefix="committee-report/", module="committee_report.urls"),
    role_permissions={Role.SERVICE_MANAGER: ["committee_report.view_committee_report"]},
)
