"""What the guide for families adds to the portal: its pages (all public but the editors'), the home page's
section for families, the editors' staff-home tile and role, the header link (for everyone, signed in or
not), the sitemap of its public pages and its demo content
(registered in PracticeGuideConfig.ready(); see portal.features)."""

from django.utils.translation import gettext_lazy

from portal.features import DemoLoader, Feature, HomeSection, NavigationLink, Pages, Tile, anyone
from portal.roles import Role
from practice_guide import access
from practice_guide.sitemaps import SITEMAPS

# The demo guide's parts are written by this demo person (portal/management/commands/load_demo.py).
DEMO_EDITOR = "editor@example.org"


def is_public(url_name: str) -> bool:
    """Everything but the editors' pages (all named manage...) is for families."""
    return not url_name.startswith("manage")


def load_demo(people, today) -> str:
    # Imported here: only load_demo needs the demo prose, not every web request.
    from practice_guide import demo_content

    added = demo_content.load(editor=people[DEMO_EDITOR])
    return f"Guide for families: {added} parts published, {len(demo_content.PARTS) - added} already there."


FEATURE = Feature(
    app_label="practice_guide",
    tiles=[
        Tile(
            order=140,
            title="Edit the guide for families",
            url_name="practice_guide:manage",
            description="Write, preview, publish and schedule parts of the guide; keep the glossary; read "
            "families' feedback.",
            visible_to=access.can_edit_guide,
        )
    ],
    # Translated: the header shows it on the guide's pages in every language.
    links=[
        NavigationLink(
            order=10, label=gettext_lazy("Guide for families"), url_name="practice_guide:overview", visible_to=anyone
        )
    ],
    home_sections=[
        HomeSection(
            order=10,
            heading="For families",
            text="We work with families by building a good, steady relationship between you and your social "
            "worker. Our guide explains what that means for you, what to expect from us, and what to do if things "
            "are not right.",
            link_text="Read our guide for families",
            url_name="practice_guide:overview",
        )
    ],
    sitemaps=SITEMAPS,
    demo=DemoLoader(order=10, load=load_demo),
    urls=Pages(prefix="guide/", module="practice_guide.urls", is_public=is_public, translated=True),
    role_permissions={Role.GUIDE_EDITOR: ["practice_guide.manage_guide"]},
)
