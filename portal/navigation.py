"""What the staff home offers a person: only the places that exist and that they may use."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Destination:
    title: str
    url: str
    description: str


def destinations_for(user) -> list[Destination]:
    places = [
        Destination(
            "Your details",
            reverse("account"),
            "Your name, team, line manager and working pattern, and how to change your password.",
        )
    ]
    places.append(
        Destination(
            "Your supervision",
            reverse("supervision:overview"),
            "Your next session, actions, preparation notes and supervision history"
            + (", and the people you supervise." if user.has_perm("supervision.supervise") else "."),
        )
    )
    if user.has_perm("supervision.view_dashboard"):
        places.append(
            Destination(
                "Supervision dashboard",
                reverse("supervision:dashboard"),
                "Who is due or overdue for supervision, sessions per worker, open actions and caseloads.",
            )
        )
    if user.has_perm("supervision.run_group_sessions"):
        places.append(
            Destination(
                "Group reflective sessions",
                reverse("supervision:group-sessions"),
                "Record the group sessions you run: themes, who came and anonymised learning points.",
            )
        )
    if user.has_perm("portal.view_service_people") or user.has_perm("portal.view_team_people"):
        places.append(
            Destination(
                "People",
                reverse("people"),
                "Who is in your teams, their job titles, line managers and whether they are in their ASYE.",
            )
        )
    if user.has_perm("practice_guide.manage_guide"):
        places.append(
            Destination(
                "Edit the guide for families",
                reverse("practice_guide:manage"),
                "Write, preview, publish and schedule parts of the guide; keep the glossary; read families' feedback.",
            )
        )
    if user.is_staff:
        places.append(
            Destination(
                "System administration",
                reverse("admin:index"),
                "Manage people, teams and roles. For system administrators only.",
            )
        )
    return places
