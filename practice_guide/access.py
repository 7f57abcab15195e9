"""Who may change the guide for families.

The guide differs from the other apps: what it says is public, so reading needs no rule at all
(anyone, signed in or not, reads the published parts and the glossary). Only editing is restricted,
and all or nothing: a guide editor reaches every part, every revision, the glossary and readers'
feedback; nobody else reaches any of them. So there is one predicate here, and no per-record scoping
beyond ``GuidePart.objects.for_editor`` and ``GlossaryTerm.objects.for_editor`` (practice_guide/models.py),
which use it.
"""


def can_edit_guide(user) -> bool:
    """Writing, publishing and scheduling the guide, the glossary and feedback: guide editors."""
    return user.has_perm("practice_guide.manage_guide")
