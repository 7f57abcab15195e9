"""The portal is the foundation: it imports no feature app, and the apps reach its pages through portal.features."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.urls import resolve, reverse

from portal import features
from portal.navigation import destinations_for, service_navigation_for
from portal.roles import ROLES
from tests.factories import UserFactory

PORTAL = settings.BASE_DIR / "portal"


def feature_apps() -> set[str]:
    """The project's own apps other than the portal: every app whose package sits at the top of the project."""
    return {config.name for config in apps.get_app_configs() if Path(config.path).parent == settings.BASE_DIR} - {
        "portal"
    }


def imported_modules(tree: ast.AST) -> set[str]:
    """Every module a file imports, wherever the import is (inside functions too). Relative imports stay in the
    portal package, so only absolute ones can reach an app."""
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def test_the_feature_apps_are_the_six_we_know():
    assert feature_apps() == {
        "practice_guide",
        "supervision",
        "training",
        "family_survey",
        "handbook",
        "committee_report",
    }


@pytest.mark.parametrize("path", sorted(PORTAL.rglob("*.py")), ids=lambda path: str(path.relative_to(PORTAL)))
def test_no_portal_module_imports_a_feature_app(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    reaching = {module for module in imported_modules(tree) if module.split(".")[0] in feature_apps()}
    assert reaching == set(), f"{path.relative_to(settings.BASE_DIR)} imports {sorted(reaching)}"


def test_the_import_check_catches_every_kind_of_import():
    source = "import training\nimport supervision.access as a\nfrom practice_guide.reader import x\n"
    source += "def f():\n    from training import demo\nfrom . import training_like\n"
    assert imported_modules(ast.parse(source)) == {"training", "supervision.access", "practice_guide.reader"}


def test_each_app_registers_its_feature():
    assert {feature.app_label for feature in features.registered()} == feature_apps()


def test_each_app_contributes_its_tiles_links_sitemaps_and_demo():
    by_app = {feature.app_label: feature for feature in features.registered()}
    assert [tile.title for tile in by_app["supervision"].tiles] == [
        "Your supervision",
        "Supervision dashboard",
        "Group reflective sessions",
    ]
    assert [tile.title for tile in by_app["training"].tiles] == [
        "Your training",
        "Your CPD record",
        "Training approvals",
        "Training uptake",
        "Run the training programme",
    ]
    assert [tile.title for tile in by_app["practice_guide"].tiles] == ["Edit the guide for families"]
    assert [tile.title for tile in by_app["handbook"].tiles] == [
        "Practice handbook",
        "Edit the practice handbook",
        "Handbook reading",
    ]
    assert [tile.title for tile in by_app["family_survey"].tiles] == [
        "Feedback cards for families",
        "What families tell us",
    ]
    assert [link.label for link in features.links()] == ["Guide for families", "Supervision", "Handbook", "Training"]
    assert set(features.sitemaps()) == {"guide-pages", "guide-parts", "guide-steps"}
    loaders = {feature.demo: feature.app_label for feature in features.registered()}
    assert [loaders[loader] for loader in features.demo_loaders()] == [
        "practice_guide",
        "supervision",
        "training",
        "family_survey",
        "handbook",
    ]


def test_each_app_mounts_its_own_pages():
    assert [(namespace, urls.prefix) for namespace, urls in features.pages()] == [
        ("practice_guide", "guide/"),
        ("supervision", "supervision/"),
        ("training", "training/"),
        ("family_survey", "guide/tell-us/"),
        ("handbook", "handbook/"),
        ("committee_report", "committee-report/"),
    ]
    # Inside the guide's address, yet reached before the guide's part addresses (portal/urls.py).
    assert reverse("family_survey:questionnaire") == "/guide/tell-us/"
    assert resolve("/guide/tell-us/").namespace == "family_survey"
    assert reverse("practice_guide:overview") == "/guide/"
    assert reverse("supervision:overview").startswith("/supervision/")
    assert reverse("training:mine").startswith("/training/")
    assert reverse("handbook:index") == "/handbook/"
    # The guide's editor pages, mounted again for the handbook's audience.
    assert reverse("handbook-editor:manage") == "/handbook/manage/"
    assert reverse("practice_guide:manage", current_app="handbook-editor") == "/handbook/manage/"
    assert reverse("practice_guide:manage") == "/guide/manage/"


def test_only_the_guide_s_family_pages_are_public():
    assert features.is_public_page(["practice_guide"], "overview")
    assert not features.is_public_page(["practice_guide"], "manage")
    assert not features.is_public_page(["practice_guide"], "manage-part")
    assert not features.is_public_page(["supervision"], "overview")
    assert not features.is_public_page(["training"], "mine")
    assert not features.is_public_page(["handbook"], "index")
    assert not features.is_public_page(["handbook"], "page")
    assert not features.is_public_page(["handbook-editor"], "manage")


@pytest.mark.parametrize(
    "path", sorted((PORTAL / "templates").rglob("*.html")), ids=lambda path: str(path.relative_to(PORTAL))
)
def test_no_portal_template_names_a_feature_app_s_page(path):
    """A link in a portal template to an app's page would break the page if the app were taken away."""
    text = path.read_text()
    assert not [app for app in feature_apps() if f"'{app}:" in text or f'"{app}:' in text]


def test_the_guide_writes_the_home_page_s_section_for_families(client, db):
    assert [section.heading for section in features.home_sections()] == ["For families"]
    page = client.get("/").content.decode()
    assert '<h2 class="govuk-heading-m">For families</h2>' in page
    assert f'href="{reverse("practice_guide:overview")}">Read our guide for families</a>' in page


def test_a_feature_cannot_give_permissions_to_a_role_that_does_not_exist(db):
    from portal.roles import sync_roles

    features.register(features.Feature(app_label="another_app", role_permissions={"Wizard": ["x.y"]}))
    try:
        with pytest.raises(ImproperlyConfigured, match="Wizard"):
            sync_roles()
    finally:
        features._registered.pop("another_app")


def test_two_apps_cannot_name_the_same_sitemap():
    guide = next(feature for feature in features.registered() if feature.app_label == "practice_guide")
    with pytest.raises(ImproperlyConfigured, match="both name sitemap"):
        features.register(features.Feature(app_label="another_app", sitemaps=guide.sitemaps))
    assert "another_app" not in {feature.app_label for feature in features.registered()}


def test_the_staff_home_keeps_its_order_for_a_superuser(db):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    assert [destination.title for destination in destinations_for(superuser)] == [
        "Your details",
        "Two-factor sign-in",
        "Your supervision",
        "Practice handbook",
        "Supervision dashboard",
        "Group reflective sessions",
        "Your training",
        "Your CPD record",
        "Training approvals",
        "Training uptake",
        "Run the training programme",
        "People",
        "Manage people",
        "Quarterly report to the safeguarding committee",
        "Audit trail",
        "Edit the guide for families",
        "Edit the practice handbook",
        "Handbook reading",
        "Feedback cards for families",
        "What families tell us",
        "System administration",
    ]


def test_the_supervision_tile_mentions_supervisees_only_to_supervisors(db, worker, supervisor):
    def supervision_tile(user):
        return next(place for place in destinations_for(user) if place.title == "Your supervision")

    assert supervision_tile(worker).description.endswith("supervision history.")
    assert supervision_tile(supervisor).description.endswith(", and the people you supervise.")


def test_signed_out_people_see_only_the_guide_in_the_header(db):
    assert [item.url for item in service_navigation_for(AnonymousUser())] == [reverse("practice_guide:overview")]


def test_no_role_is_offered_a_tile_whose_page_refuses_them(client, team):
    """The tiles use the pages' own predicates: every tile opens for the person it is shown to."""
    for role in ROLES:
        person = UserFactory(team=team, roles=[role])
        client.force_login(person)
        for place in destinations_for(person):
            assert client.get(place.url).status_code == 200, (role, place.title)


def test_the_header_marks_the_section_the_page_is_in(client, worker):
    client.force_login(worker)
    body = client.get("/handbook/").content.decode()
    assert 'href="/handbook/" aria-current="page"' in body
    assert body.count("aria-current=") == 1
    body = client.get("/training/cpd/").content.decode()
    assert 'href="/training/" aria-current="true"' in body
    assert "aria-current=" not in client.get("/staff/").content.decode()
