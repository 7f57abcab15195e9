from django.urls import path

from training import approval_views, cpd_views, manage_views, register_views, spend_views, uptake_views, views

app_name = "training"

urlpatterns = [
    # A person's own training: bookings, the catalogue, evaluations, certificates, external learning.
    path("", views.my_training, name="mine"),
    path("courses/", views.catalogue, name="catalogue"),
    path("courses/<int:pk>/", views.course_detail, name="course"),
    path("dates/<int:pk>/book/", views.request_place, name="request-place"),
    path("dates/<int:pk>/ask/", views.confirm_request, name="confirm-request"),
    path("bookings/<int:pk>/", views.booking_detail, name="booking"),
    path("bookings/<int:pk>/cancel/", views.cancel_booking, name="cancel-booking"),
    path("bookings/<int:pk>/evaluate/", views.evaluate, name="evaluate"),
    path("bookings/<int:pk>/certificate/", views.certificate_upload, name="certificate-upload"),
    path("bookings/<int:pk>/certificate/download/", views.certificate_download, name="certificate-download"),
    path("external/new/", views.external_create, name="external-create"),
    path("external/<int:pk>/", views.external_detail, name="external"),
    # CPD records.
    path("cpd/", cpd_views.cpd, name="cpd"),
    path("cpd/export.csv", cpd_views.cpd_csv, name="cpd-csv"),
    path("cpd/<int:person_pk>/", cpd_views.cpd_person, name="cpd-person"),
    # Managers' approvals.
    path("approvals/", approval_views.approvals, name="approvals"),
    path("approvals/bookings/<int:pk>/approve/", approval_views.approve_booking, name="approve-booking"),
    path("approvals/bookings/<int:pk>/decline/", approval_views.decline_booking, name="decline-booking"),
    path("approvals/external/<int:pk>/", approval_views.decide_external, name="decide-external"),
    # The training coordinator.
    path("manage/", manage_views.manage_home, name="manage"),
    path("manage/programmes/new/", manage_views.programme_create, name="programme-create"),
    path("manage/programmes/<int:pk>/", manage_views.programme_edit, name="programme-edit"),
    path("manage/courses/new/", manage_views.course_create, name="course-create"),
    path("manage/courses/<int:pk>/", manage_views.course_edit, name="course-edit"),
    path("manage/courses/<int:pk>/evaluations/", manage_views.course_evaluations, name="course-evaluations"),
    path("manage/dates/new/", manage_views.date_create, name="date-create"),
    path("manage/dates/<int:pk>/", manage_views.date_detail, name="date"),
    path("manage/dates/<int:pk>/change/", manage_views.date_edit, name="date-edit"),
    path("manage/dates/<int:pk>/register/", register_views.register, name="register"),
    path("manage/dates/<int:pk>/book-people/", register_views.book_people, name="book-people"),
    path("manage/spend/", spend_views.spend, name="spend"),
    path("manage/targets/", spend_views.targets, name="targets"),
    # Uptake: the matrix, coverage, and their exports.
    path("uptake/", uptake_views.uptake, name="uptake"),
    path("uptake/export.csv", uptake_views.uptake_csv, name="uptake-csv"),
    path("uptake/export.xlsx", uptake_views.uptake_xlsx, name="uptake-xlsx"),
    path("uptake/coverage/", uptake_views.coverage, name="coverage"),
]
