from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from portal import csp, features, second_factor_views, signin_urls, views

handler400 = "portal.views.bad_request"
handler500 = "portal.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("staff/", views.staff_home, name="staff-home"),
    path("account/", views.account, name="account"),
    path("people/", views.people, name="people"),
    path("people/manage/", include("portal.people.urls")),
    path("people/manage/<int:pk>/second-factor/", second_factor_views.reset_second_factor, name="reset-second-factor"),
    path("healthz", views.healthz, name="healthz"),
    path("csp-report/", csp.report, name="csp-report"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("cookies/", views.cookies, name="cookies"),
    # Each feature app's pages (portal.features), registered from its AppConfig.ready(), which Django runs
    # before it loads this module. A longer prefix first, so an app mounted inside another's address
    # (guide/tell-us/ inside guide/) is reached before the outer app's catch-all part addresses. Translated
    # apps' pages are also under a language prefix (/pl/guide/); an address without one is always English.
    *(
        pattern
        for urls in sorted((urls for _namespace, urls in features.pages()), key=lambda urls: -len(urls.prefix))
        for pattern in (
            i18n_patterns(path(urls.prefix, include(urls.module)), prefix_default_language=False)
            if urls.translated
            else [path(urls.prefix, include(urls.module))]
        )
    ),
    # Every app's sitemaps, registered in the same way.
    path("sitemap.xml", sitemap, {"sitemaps": features.sitemaps()}, name="sitemap"),
    # Before allauth's own: the social-account pages the portal does not offer (single sign-on links itself).
    path("accounts/", include("portal.sso.closed_urls")),
    *signin_urls.urlpatterns,
    path("admin/", admin.site.urls),
]
