# memokit: `make demo` renders the example memo; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := content/example-memo.yaml
# command:Debian package, for the tools the tests read outputs with (plus the fonts
# LibreOffice uses for Calibri and Cambria, so the DOCX lays out as in Word)
SYSTEM_TOOLS := pdftotext:poppler-utils pdffonts:poppler-utils pdftoppm:poppler-utils qpdf:qpdf \
                pandoc:pandoc soffice:libreoffice-writer-nogui
# hyphenation patterns file:Debian package, so LibreOffice hyphenates the DOCX as the PDF is
HYPHEN_DICTS := hyph_en_GB.dic:hyphen-en-gb hyph_en_US.dic:hyphen-en-us hyph_de_DE.dic:hyphen-de \
                hyph_fr.dic:hyphen-fr

.PHONY: demo test lint system-tools bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(BIN)/.test-installed: $(BIN)/.installed
	$(BIN)/pip install --quiet -e ".[test,dask]"
	touch $@

demo: $(BIN)/.installed
	$(BIN)/memokit render $(EXAMPLE) -o output

system-tools:
	@missing=""; \
	for pair in $(SYSTEM_TOOLS); do \
	  cmd=$${pair%%:*}; pkg=$${pair##*:}; \
	  command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	for pair in $(HYPHEN_DICTS); do \
	  file=$${pair%%:*}; pkg=$${pair##*:}; \
	  [ -f /usr/share/hyphen/$$file ] || missing="$$missing $$pkg"; \
	done; \
	fc-list 2>/dev/null | grep -qi carlito || missing="$$missing fonts-crosextra-carlito"; \
	fc-list 2>/dev/null | grep -qi caladea || missing="$$missing fonts-crosextra-caladea"; \
	if [ -n "$$missing" ]; then \
	  pkgs=$$(echo $$missing | tr ' ' '\n' | sort -u | tr '\n' ' '); \
	  echo "installing system tools:$$pkgs"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$pkgs; \
	fi

lint: $(BIN)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: $(BIN)/.test-installed system-tools lint
	$(BIN)/python -m pytest

bench: $(BIN)/.test-installed
	$(BIN)/python bench/pdf_bench.py

clean:
	rm -rf $(VENV) build *.egg-info output/*.pdf output/*.docx
