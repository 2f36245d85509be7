#!/usr/bin/env bash
# make lint: the pre-commit hooks (ruff, pylint-odoo with the OCA configuration) on every file.
source "$(dirname "$0")/lib.sh"
have pre-commit || "$PYTHON" -m pre_commit --version >/dev/null 2>&1 \
    || die "pre-commit is missing." "$PYTHON -m pip install -r $ROOT_DIR/requirements-dev.txt"
cd "$ROOT_DIR"
"$PYTHON" -m pre_commit run --all-files --show-diff-on-failure
