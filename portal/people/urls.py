from django.urls import path

from portal.people import audit_views, import_views, invitation_views, leaver_views, views

app_name = "people"

urlpatterns = [
    path("", views.people_list, name="list"),
    path("people.csv", views.people_csv, name="export"),
    path("add/", views.add_person, name="add"),
    path("<int:pk>/", views.person_detail, name="person"),
    path("<int:pk>/change/", views.change_person, name="change"),
    path("<int:pk>/invitation/resend/", views.resend_invitation, name="resend-invitation"),
    path("<int:pk>/invitation/withdraw/", views.withdraw_invitation, name="withdraw-invitation"),
    path("audit/", audit_views.audit_trail, name="audit"),
    path("invitation/<str:token>/", invitation_views.accept, name="invitation"),
    path("<int:pk>/leaving/", leaver_views.leaver, name="leaver"),
    path("import/", import_views.upload, name="import"),
    path("import/preview/", import_views.preview, name="import-preview"),
    path("import/confirm/", import_views.confirm, name="import-confirm"),
    path("import/columns/", import_views.columns, name="import-columns"),
    path("import/template.csv", import_views.template, name="import-template"),
]
