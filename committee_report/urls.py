from django.urls import path

from committee_report import views

app_name = "committee_report"

urlpatterns = [
    path("", views.report, name="report"),
    path("export.csv", views.report_csv, name="report-csv"),
]
