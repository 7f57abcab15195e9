from django.urls import path

from supervision import agreement_views, dashboard_views, group_views, reflection_views, session_views, views

app_name = "supervision"

urlpatterns = [
    # A person's own supervision: overview, preparation notes, everything held about them.
    path("", views.overview, name="overview"),
    path("my-record/", views.my_record, name="my-record"),
    path("preparation/new/", views.preparation_create, name="preparation-create"),
    path("preparation/<int:pk>/", views.preparation_edit, name="preparation-edit"),
    path("preparation/<int:pk>/share/", views.preparation_share, name="preparation-share"),
    # An ASYE worker's critical-reflection log, and their assessor's view of what they share.
    path("reflections/", reflection_views.reflection_list, name="reflections"),
    path("reflections/new/", reflection_views.reflection_create, name="reflection-create"),
    path("reflections/assessing/", reflection_views.assessing, name="reflections-assessing"),
    path("reflections/<int:pk>/", reflection_views.reflection_detail, name="reflection-detail"),
    path("reflections/<int:pk>/change/", reflection_views.reflection_edit, name="reflection-edit"),
    path("reflections/<int:pk>/share/", reflection_views.reflection_share, name="reflection-share"),
    # Agreements.
    path("agreements/new/", agreement_views.agreement_create, name="agreement-create"),
    path("agreements/<int:pk>/", agreement_views.agreement_detail, name="agreement-detail"),
    path("agreements/<int:pk>/change/", agreement_views.agreement_edit, name="agreement-edit"),
    path("agreements/<int:pk>/sign/", agreement_views.agreement_sign, name="agreement-sign"),
    # Sessions and what hangs off them.
    path("supervisees/", session_views.supervisee_list, name="supervisees"),
    path("sessions/new/", session_views.session_book, name="session-book"),
    path("sessions/<int:pk>/", session_views.session_detail, name="session-detail"),
    path("sessions/<int:pk>/record/", session_views.session_record, name="session-record"),
    path("sessions/<int:pk>/reflection/", session_views.session_reflect, name="session-reflect"),
    path("sessions/<int:pk>/sign/", session_views.session_sign, name="session-sign"),
    path("sessions/<int:pk>/cases/new/", session_views.case_add, name="case-add"),
    path("cases/<int:pk>/change/", session_views.case_edit, name="case-edit"),
    path("cases/<int:pk>/case-record/", session_views.case_record_copy, name="case-record"),
    path("cases/<int:pk>/case-record.txt", session_views.case_record_download, name="case-record-download"),
    path("sessions/<int:pk>/actions/new/", session_views.action_add, name="action-add"),
    path("sessions/<int:pk>/addenda/new/", session_views.addendum_add, name="addendum-add"),
    path("actions/<int:pk>/done/", session_views.action_complete, name="action-complete"),
    path("audit/<str:record_type>/<int:pk>/", session_views.audit_trail, name="audit-trail"),
    # Group reflective sessions.
    path("group-sessions/", group_views.group_session_list, name="group-sessions"),
    path("group-sessions/new/", group_views.group_session_create, name="group-session-create"),
    path("group-sessions/<int:pk>/", group_views.group_session_detail, name="group-session-detail"),
    path("group-sessions/<int:pk>/change/", group_views.group_session_edit, name="group-session-edit"),
    # Managers.
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("dashboard/export.csv", dashboard_views.dashboard_csv, name="dashboard-csv"),
    path("dashboard/short-sessions/", dashboard_views.dashboard_short_sessions, name="dashboard-short-sessions"),
]

# Supervision pages are confidential: browsers and proxies keep no copies of them. One rule covers
# every page shown to a signed-in person: portal.headers.PrivatePagesMiddleware.
