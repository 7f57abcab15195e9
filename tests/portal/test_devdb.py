"""The embedded PostgreSQL server's lifecycle, on a second server of its own in a temporary folder."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest

from portal import devdb

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="DATABASE_URL is set: no embedded server")


@pytest.fixture
def separate_server():
    """Environment for a devdb of its own, so the suite's own server is never touched.

    Its data lives inside the checkout, not in pytest's temporary folder: another
    pytest run starting at the same time resets that folder to mode 0700, which
    would lock out the `pgserver` user that PostgreSQL runs as under root.
    """
    parent = ROOT / ".devdb-tests"
    parent.mkdir(exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix=f"t{os.getpid()}-", dir=parent))
    env = {k: v for k, v in os.environ.items() if k != devdb.HELD_ENV}
    env["PORTAL_DEVDB_DIR"] = str(data)
    yield env
    subprocess.run([sys.executable, "-m", "portal.devdb", "stop"], cwd=ROOT, env=env, check=False, timeout=60)
    shutil.rmtree(data, ignore_errors=True)


def devdb_cli(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "portal.devdb", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def is_running(env):
    return "running: yes" in devdb_cli(env, "status").stdout


def wait_for(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_socket_goes_to_a_short_folder_when_the_checkout_path_is_too_long(monkeypatch, tmp_path):
    monkeypatch.setattr(devdb, "PGDATA", tmp_path / ("deep" * 30) / "pgdata")
    assert devdb.socket_dir() != devdb.PGDATA
    assert len(str(devdb.socket_dir() / ".s.PGSQL.5432")) < 100


def test_run_holds_the_server_for_the_command_and_stops_it_after(separate_server):
    probe = "import psycopg; from portal import devdb; psycopg.connect(devdb.url()).execute('select 1'); print('ok')"
    result = devdb_cli(separate_server, "run", "--", sys.executable, "-c", probe)
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout
    assert not is_running(separate_server)


def test_the_command_exit_code_is_passed_on(separate_server):
    assert devdb_cli(separate_server, "run", "--", sys.executable, "-c", "raise SystemExit(3)").returncode == 3


def test_terminating_the_wrapper_ends_the_command_and_stops_the_server(separate_server):
    wrapper = subprocess.Popen(
        [sys.executable, "-m", "portal.devdb", "run", "--", sys.executable, "-c", "import time; time.sleep(60)"],
        cwd=ROOT,
        env=separate_server,
    )
    wait_for(lambda: is_running(separate_server))
    children = psutil.Process(wrapper.pid).children()
    wrapper.send_signal(signal.SIGTERM)
    assert wrapper.wait(timeout=30) != 0
    assert not any(child.is_running() and child.status() != psutil.STATUS_ZOMBIE for child in children)
    assert not is_running(separate_server)


def test_a_holder_killed_outright_does_not_keep_the_server_alive(separate_server):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from portal import devdb; import time; devdb.acquire(); print('held', flush=True); time.sleep(60)",
        ],
        cwd=ROOT,
        env=separate_server,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    holder.kill()
    holder.wait()
    assert is_running(separate_server)
    holders = json.loads((Path(separate_server["PORTAL_DEVDB_DIR"]) / "holders.json").read_text())
    assert [h["pid"] for h in holders] == [holder.pid]
    # The next process to come and go notices the dead holder and stops the server.
    assert devdb_cli(separate_server, "run", "--", sys.executable, "-c", "pass").returncode == 0
    assert not is_running(separate_server)


def test_two_holders_share_one_server_until_the_last_leaves(separate_server):
    first = subprocess.Popen(
        [sys.executable, "-m", "portal.devdb", "run", "--", sys.executable, "-c", "import time; time.sleep(60)"],
        cwd=ROOT,
        env=separate_server,
    )
    try:
        wait_for(lambda: is_running(separate_server))
        assert devdb_cli(separate_server, "run", "--", sys.executable, "-c", "pass").returncode == 0
        assert is_running(separate_server), "the second holder stopped a server the first still holds"
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=30)
    assert not is_running(separate_server)


def test_make_stop_stops_the_server_whoever_holds_it(separate_server):
    assert devdb_cli(separate_server, "start").returncode == 0
    assert is_running(separate_server)
    assert devdb_cli(separate_server, "stop").returncode == 0
    assert not is_running(separate_server)


def test_killing_the_caller_outright_stops_the_command_and_the_server(separate_server):
    """What `kill -9` of `make run` does: the wrapper hears its parent die and cleans up."""
    wrapper = [sys.executable, "-m", "portal.devdb", "run", "--", sys.executable, "-c", "import time; time.sleep(60)"]
    caller = subprocess.Popen(
        [sys.executable, "-c", f"import subprocess; subprocess.run({wrapper!r})"], cwd=ROOT, env=separate_server
    )
    wait_for(lambda: is_running(separate_server))
    family = psutil.Process(caller.pid).children(recursive=True)
    caller.kill()
    caller.wait()
    wait_for(lambda: not is_running(separate_server))
    wait_for(lambda: not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in family))
