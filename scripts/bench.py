"""`make bench`: the site under gunicorn with production settings, driven by wrk on loopback.

Prints requests per second and p50/p95 latency for each page, and each page's
share of the ceiling: a static file served by the same server. Bounded: each
target runs for BENCH_SECONDS (default 10) with BENCH_CONNECTIONS (default 16).

Later features add their pages to TARGETS.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal import devdb  # noqa: E402 - after the path is set

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
PYTHON = sys.executable

# (label, path). "{static}" is replaced by the hashed name of the stylesheet.
TARGETS = [
    ("Static file (ceiling)", "{static}"),
    ("Home page", "/"),
    ("Sign-in page", "/sign-in/"),
    ("Health check", "/healthz"),
    ("Guide: contents", "/guide/"),
    ("Guide: a part", "/guide/what-to-expect-from-your-social-worker/"),
    ("Guide: glossary", "/guide/glossary/"),
    ("Guide: whole guide", "/guide/print/"),
    ("Guide: search", "/guide/search/?q=complaint"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(port: int) -> dict:
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "true",
        "PORT": str(port),
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_until_up(base: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz within 30 s")


def hashed_stylesheet() -> str:
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/portal.css"]


def drive(url: str) -> dict:
    # Requests arrive as if through the TLS proxy, so SECURE_SSL_REDIRECT stays on as in production.
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--latency",
            "-s",
            str(ROOT / "bench" / "report.lua"),
            "-H",
            "X-Forwarded-Proto: https",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=SECONDS + 30,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    port = free_port()
    env = production_env(port)
    held = not os.environ.get("DATABASE_URL")
    if held:
        devdb.acquire()
        env[devdb.HELD_ENV] = str(os.getpid())
    server = None
    try:
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        # The guide's pages need its demo content; --force because these are production settings.
        manage(env, "load_demo", "--force", "--verbosity", "0")
        server = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", "portal/gunicorn_config.py", "portal.wsgi"],
            cwd=ROOT,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        results = []
        for label, path in TARGETS:
            path = path.replace("{static}", hashed_stylesheet())
            results.append((label, path, drive(base + path)))
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        if held:
            devdb.release()

    ceiling = results[0][2]["rps"]
    workers = os.environ.get("GUNICORN_WORKERS", f"{os.cpu_count() * 2 + 1} (2 x cores + 1)")
    lines = [
        f"gunicorn, production settings, {workers} workers; wrk -t2 -c{CONNECTIONS} -d{SECONDS}s on loopback",
        f"{'Page':<24} {'Path':<44} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} {'of ceiling':>11}",
    ]
    for label, path, figures in results:
        lines.append(
            f"{label:<24} {path[:44]:<44} {figures['rps']:>9.1f} {figures['p50_ms']:>8.2f} {figures['p95_ms']:>8.2f} "
            f"{figures['errors']:>7} {figures['rps'] / ceiling:>10.0%}"
        )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
