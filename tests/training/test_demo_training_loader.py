"""The training demo loader on a database of its own: beside other programmes, after someone else's
"Systemic practice", and on the first days of a financial year. (test_demo_training.py's tests share one
demo, loaded today.)"""

from datetime import date

from django.core.management import call_command
from django.utils import timezone

from tests.training.test_demo_training import TRAINING_MODELS, _counts
from training import demo as demo_training
from training.models import Budget, Programme, Spend


def test_the_training_loader_adds_nothing_once_the_demo_programme_is_there(db):
    Programme.objects.create(name="Systemic practice")
    assert demo_training.load(timezone.localdate()) == (0, 0, 0)
    assert _counts()[1:] == [0] * (len(TRAINING_MODELS) - 1)


def test_another_programme_does_not_stop_the_demo_loading(db):
    Programme.objects.create(name="Bench programme 1")
    assert demo_training.load(timezone.localdate()).courses > 0


def test_the_demo_spend_stays_inside_the_year_on_its_first_days(db):
    call_command("load_demo", force=True, today=date(2027, 4, 2))
    assert Budget.objects.get().year == 2027
    assert set(Spend.objects.values_list("spent_on", flat=True)) <= {date(2027, 4, 1), date(2027, 4, 2)}
