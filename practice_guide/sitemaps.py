from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from practice_guide.journey import published_steps
from practice_guide.selectors import published_parts


class InEveryLanguage(Sitemap):
    """Each page once per language the guide is offered in (settings.LANGUAGES: English and
    GUIDE_LANGUAGES), at its own address (/pl/guide/...), each entry naming the others with hreflang."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"


class GuidePartSitemap(InEveryLanguage):
    """Published parts only: drafts and unpublished parts never appear."""

    def items(self):
        return published_parts()

    def location(self, item):
        return reverse("practice_guide:part", args=[item.slug])

    def lastmod(self, item):
        return item.published.first_published_at


class GuideStepSitemap(InEveryLanguage):
    """Published steps of "What happens and when", at their own addresses."""

    def items(self):
        return published_steps()

    def location(self, item):
        return reverse("practice_guide:step", args=[item.slug])

    def lastmod(self, item):
        return item.published.first_published_at


class GuidePagesSitemap(InEveryLanguage):
    def items(self):
        return ["practice_guide:overview", "practice_guide:journey", "practice_guide:glossary"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"guide-pages": GuidePagesSitemap, "guide-parts": GuidePartSitemap, "guide-steps": GuideStepSitemap}
