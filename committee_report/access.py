"""Who may produce the quarterly committee report: service managers, who hold its permission."""


def can_see_report(user) -> bool:
    return user.is_authenticated and user.has_perm("committee_report.view_committee_report")
