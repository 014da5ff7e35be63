# The two commands of the README: `make site` and `make test`. Both set up what they need.
# Material for MkDocs prints that it ends on 5 May 2027: not silenced here, the README says
# („Wenn Material for MkDocs endet“) what the project does about it.
.PHONY: site serve test setup-site setup-test

# Built next to site/ and swapped in only when complete: a failed build leaves nothing half-written.
site: setup-site
	rm -rf .site-neu
	.venv/bin/mkdocs build --strict -d .site-neu
	rm -rf site && mv .site-neu site

# The live preview; PORT=8001 when 8000 is taken. A broken plan shows its findings in the browser.
PORT ?= 8000
serve: setup-site
	.venv/bin/python scripts/vorschau.py $(PORT)

# Lint and type check first: they take seconds and name the line.
test: setup-test
	.venv/bin/ruff check src macros tests bench scripts
	.venv/bin/mypy
	.venv/bin/python -m pytest

setup-site:
	scripts/setup.sh site

setup-test:
	scripts/setup.sh test
