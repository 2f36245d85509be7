# Property service centre suite for Odoo 18.0 Community.
# Settings (environment or make variables): PYTHON, DB_HOST, DB_PORT, DB_USER, DB_PASSWORD,
# HTTP_PORT, DEMO_DB, ODOO_SRC (local Odoo 18.0 source tree to install when Odoo is missing).
SHELL := /bin/bash
export PYTHON DB_HOST DB_PORT DB_USER DB_PASSWORD HTTP_PORT DEMO_DB ODOO_SRC

.PHONY: help run test lint setup bench i18n clean-db

help:
	@echo "make run    install what is missing, create property_demo once, serve http://localhost:8069"
	@echo "make test   whole suite on a throw-away database (pytest-odoo + browser tours)"
	@echo "make lint   pre-commit: ruff and pylint-odoo (OCA configuration)"
	@echo "make bench  performance benchmarks of tests/perf (prints the figures)"
	@echo "make i18n   re-export the .pot files and merge them into zh_CN.po"

setup:
	@scripts/setup.sh

run: setup
	@scripts/run.sh

test: setup
	@scripts/test.sh $(ARGS)

lint:
	@scripts/lint.sh

bench: setup
	@scripts/bench.sh $(ARGS)

i18n: setup
	@scripts/i18n.sh $(ADDONS)

clean-db:
	@source scripts/lib.sh && dropdb --if-exists "$$DEMO_DB" && echo "dropped $$DEMO_DB"
