# The practice portal. Quick start: `make run`, then `make test`.
# Every target installs what is missing first, and nothing twice.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
DEVDB := $(PY) -m portal.devdb run --

PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
ASSETS_STAMP := static/dist/.built
ASSET_SOURCES := $(wildcard static/scss/*.scss static/js/* static/images/*) scripts/build-assets.mjs

.PHONY: help install run test test-database-url stop serve bench load fault backup restore lint format lock clean

help:
	@echo "make run    install what is missing, migrate, load demo content, serve on http://127.0.0.1:$(PORT)"
	@echo "make test   install what is missing and run every test"
	@echo "make test-database-url  the smoke tests against a separate PostgreSQL over TCP (DATABASE_URL), as CI does"
	@echo "make stop   stop the embedded PostgreSQL server"
	@echo "make serve  serve with gunicorn and production settings (needs SECRET_KEY, ALLOWED_HOSTS)"
	@echo "make bench  measure requests per second and latency under gunicorn, and a 2,000-row people import"
	@echo "make load   50 simulated people for 60 s against gunicorn; p50/p95 per kind against the targets"
	@echo "make fault  stop PostgreSQL for 10 s under load; checks the 503 page, /healthz, recovery and saved writes"
	@echo "make backup   back up the database with pg_dump into backups/ (FILE=... to choose the file)"
	@echo "make restore  FILE=... restore a backup into an empty database (DATABASE_NAME=... beside the live one)"
	@echo "make lint   django-upgrade, ruff check and ruff format (the pre-commit hooks) on every file"
	@echo "make lock   re-resolve the locked Python versions after changing pyproject.toml"

$(PY_STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(ASSETS_STAMP): $(NODE_STAMP) $(ASSET_SOURCES)
	npm run --silent build
	touch $@

install: $(PY_STAMP) $(ASSETS_STAMP)

# `exec` makes the devdb wrapper make's own child: if make is killed, the wrapper
# hears of it (PR_SET_PDEATHSIG) and stops the site and the database.
run: install
	exec env DEBUG=$${DEBUG:-true} PORTAL_BASE_URL=$${PORTAL_BASE_URL:-http://127.0.0.1:$(PORT)} $(DEVDB) sh -c '\
		$(PY) manage.py migrate --noinput && \
		$(PY) manage.py load_demo && \
		exec $(PY) manage.py runserver 127.0.0.1:$(PORT)'

# One test process per core (pytest-xdist); each has its own test database on the embedded server.
# loadgroup keeps a module marked xdist_group on one process (the two-gunicorn test starts its servers once).
PYTEST_WORKERS ?= auto
test: install
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# The production path on every change: the smoke tests against a separate PostgreSQL server reached over
# TCP with a password (DATABASE_URL). scripts/external_postgres.py starts it in a temporary folder and
# removes it afterwards; the test database is made by migrating from empty.
SMOKE_TESTS := tests/portal/test_health.py tests/portal/test_auth.py tests/portal/test_views.py \
	tests/practice_guide/test_public_views.py::test_public_pages_need_no_sign_in \
	tests/practice_guide/test_public_views.py::test_a_part_shows_title_contents_navigation_related_parts_and_date \
	tests/practice_guide/test_public_views.py::test_search_ranks_and_highlights \
	tests/supervision/test_views.py tests/training/test_mine_bookings.py tests/training/test_services.py \
	tests/portal/test_two_servers.py tests/portal/test_backups.py
test-database-url: install
	$(PY) scripts/external_postgres.py -- $(PY) -m pytest -p no:xdist -q $(SMOKE_TESTS)

stop: $(PY_STAMP)
	$(PY) -m portal.devdb stop

# Production-like serving. Configure through the environment (see README: Configuration).
serve: install
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py migrate --noinput
	exec $(if $(DATABASE_URL),,$(DEVDB)) $(VENV)/bin/gunicorn --config portal/gunicorn_config.py portal.wsgi

bench: install
	@command -v wrk >/dev/null || { echo "Installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null || \
		{ apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
	$(PY) scripts/bench.py
	$(PY) scripts/bench_people_import.py
	$(PY) scripts/bench_backup.py

# A bounded load test (locust, headless, 127.0.0.1 only): LOAD_USERS people for LOAD_SECONDS (50, 60).
load: install
	$(PY) scripts/load_test.py

# The database stops for 10 s in the middle of a load test; the script checks what people saw and what was saved.
fault: install
	$(PY) scripts/fault_db_restart.py

# A consistent backup of the database with pg_dump (README "Backups"): backups/<database>-<UTC time>.dump,
# or FILE=... . With the embedded server manage.py starts it; DEBUG defaults to true only there, as for `make run`.
backup: $(PY_STAMP)
	$(if $(DATABASE_URL),,env DEBUG=$${DEBUG:-true}) $(PY) manage.py backup $(if $(FILE),--output "$(FILE)")

# Restore FILE=... into an empty database (refuses one with tables). DATABASE_NAME=portal_check restores
# beside the live database, to check a backup; `manage.py restore --help` has the rest.
restore: $(PY_STAMP)
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/<file>.dump [DATABASE_NAME=portal_check]"; exit 2; }
	$(if $(DATABASE_URL),,env DEBUG=$${DEBUG:-true}) $(PY) manage.py restore "$(FILE)" \
		$(if $(DATABASE_NAME),--database-name "$(DATABASE_NAME)")

# The same hooks as before each commit (.pre-commit-config.yaml): django-upgrade, ruff check, ruff format.
# They change nothing when the code is clean; where they do, the run fails and `git diff` shows what.
lint: $(PY_STAMP)
	$(VENV)/bin/pre-commit run --all-files --show-diff-on-failure

# The first pass fixes what the hooks can fix; the second shows what is left to do by hand.
format: $(PY_STAMP)
	-$(VENV)/bin/pre-commit run --all-files >/dev/null
	$(VENV)/bin/pre-commit run --all-files

lock: $(PY_STAMP)
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		-o requirements.txt pyproject.toml
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra dev -c requirements.txt -o requirements-dev.txt pyproject.toml

clean: stop
	rm -rf $(VENV) node_modules static/dist staticfiles .devdb .pytest_cache .ruff_cache
