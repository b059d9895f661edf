# Partnerskap: `make run` starts the demo, `make test` runs the whole suite.
# Both install what they need on a fresh Debian machine with Python 3.11 (run as root, or with sudo).

VENV    := .venv
BIN     := $(VENV)/bin
PYTHON  ?= python3.11
SUDO    := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
APT     := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
STAMP   := $(VENV)/.installed-$(shell md5sum pyproject.toml | cut -c1-12)

PORT    ?= 8000
IMAGE   ?= partnerskap:latest

.PHONY: image run test test-fast install system-deps test-deps messages makemessages lint format bench bench-figures bench-projects bench-budget clean

run: install messages
	@mkdir -p var
	DEBUG=1 $(BIN)/partnerskap migrate --no-input
	DEBUG=1 $(BIN)/partnerskap demo
	@echo "Partnerskap runs on http://127.0.0.1:$(PORT) — log in with one of the demo logins above."
	DEBUG=1 $(BIN)/partnerskap runserver 127.0.0.1:$(PORT)

# The container image (Dockerfile, docs/deploy.md), where Docker is installed.
image:
	@command -v docker >/dev/null || { echo "make image needs Docker; docs/deploy.md installs without it."; exit 1; }
	docker build -t $(IMAGE) .

# The whole suite: unit, integration and browser tests. PostgreSQL when DATABASE_URL points to one.
test: install messages test-deps
	DEBUG=1 $(BIN)/pytest $(PYTEST_ARGS)

# Everything but the browser tests, for a quick loop while editing.
test-fast: install messages test-deps
	DEBUG=1 $(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

install: system-deps $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { $(APT) update && $(APT) install -y python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

# gettext compiles the translation catalogues.
# gettext for the catalogues; HarfBuzz's subsetter, with which WeasyPrint embeds only the glyphs used.
system-deps:
	@command -v msgfmt >/dev/null && ldconfig -p | grep -q libharfbuzz-subset || { $(APT) update && $(APT) install -y gettext libharfbuzz-subset0; }

# System tools the tests use: Debian's Chromium for the browser tests (Playwright never downloads a
# browser here), pdftotext and LibreOffice to read generated PDF and DOCX files back.
test-deps:
	@test -x /usr/bin/chromium || { $(APT) update && $(APT) install -y chromium; }
	@command -v pdftotext >/dev/null || { $(APT) update && $(APT) install -y poppler-utils; }
	@command -v soffice >/dev/null || { $(APT) update && $(APT) install -y libreoffice-writer-nogui; }

messages: system-deps
	@cd src/partnerskap && ../../$(BIN)/django-admin compilemessages --ignore='.venv' -v0

makemessages:
	cd src/partnerskap && DEBUG=1 ../../$(BIN)/partnerskap makemessages -l nb -l nn -l en --no-obsolete --no-location

# Page, API and PDF timings on national-scale data in a fresh database (bench/README.md).
# PostgreSQL when DATABASE_URL points to one; BENCH_ARGS="-n 50" for more requests per route.
bench: install messages
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# One million generated key-figure observations through the import path: rows per second, memory.
bench-figures: install messages
	$(BIN)/python bench/figures_import.py $(BENCH_ARGS)

# A 1 000-line budget as PDF (its sums per group) and as a spreadsheet (every line): time, memory.
bench-budget: install messages
	$(BIN)/python bench/budget_pdf.py $(BENCH_ARGS)

# A county's portfolio and a project's page with 3 and with 100 projects of 10 pilots each.
bench-projects: install messages
	$(BIN)/python bench/projects.py $(BENCH_ARGS)

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format:
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

clean:
	rm -rf $(VENV) var
