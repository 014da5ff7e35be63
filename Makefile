# The two commands of the README: `make site` and `make test`. Both set up what they need.
export NO_MKDOCS_2_WARNING := 1
.PHONY: site serve test setup-site setup-test

site: setup-site
	.venv/bin/mkdocs build --strict

serve: setup-site
	.venv/bin/mkdocs serve

test: setup-test
	.venv/bin/python -m pytest

setup-site:
	scripts/setup.sh site

setup-test:
	scripts/setup.sh test
