"""What the staff home offers a person: only the places that exist and that they may use."""

from dataclasses import dataclass

from django.urls import reverse

from training import access as training_access


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
        ),
        Destination(
            "Two-factor sign-in",
            reverse("mfa_index"),
            "Set up an authenticator app, passkeys and recovery codes for signing in.",
        ),
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
    places.append(
        Destination(
            "Your training",
            reverse("training:mine"),
            "Book courses, see your bookings, evaluate what you attended and record other learning.",
        )
    )
    places.append(
        Destination(
            "Your CPD record",
            reverse("training:cpd"),
            "Your learning hours and reflections by year, to print or download for your registration renewal.",
        )
    )
    if user.has_perm("training.view_team_training") or user.has_perm("training.manage_training"):
        places.append(
            Destination(
                "Training approvals",
                reverse("training:approvals"),
                "Approve or decline course requests and external learning for the people you manage.",
            )
        )
    if training_access.can_see_uptake(user):
        places.append(
            Destination(
                "Training uptake",
                reverse("training:uptake"),
                "The training matrix, coverage against targets, gaps, spend, attendance and evaluations.",
            )
        )
    if user.has_perm("training.manage_training"):
        places.append(
            Destination(
                "Run the training programme",
                reverse("training:manage"),
                "Programmes, courses and dates; registers, bookings and waiting lists; spend and targets.",
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
    if user.has_perm("portal.manage_people"):
        places.append(
            Destination(
                "Manage people",
                reverse("people:list"),
                "Add new starters and send their invitations; change teams, line managers and roles; record leavers.",
            )
        )
    if user.has_perm("portal.view_portal_audit"):
        places.append(
            Destination(
                "Audit trail",
                reverse("people:audit"),
                "Sign-ins, two-factor sign-in, and changes to people and roles across the portal.",
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
