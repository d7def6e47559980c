#!/usr/bin/env bash
# Set up vanban on a fresh Debian 12 machine: system packages (when run as root and
# missing), a virtual environment in .venv, and the package with its test, web and cluster extras.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the product uses:
#   fonts-dejavu-core      a TTF font with Vietnamese glyphs (tests render PDFs with it)
#   antiword, catdoc       text of old Word .doc files
#   tesseract-ocr(-vie)    OCR of scanned PDFs and images, with Vietnamese data
#   poppler-utils          pdftoppm, for looking at PDFs page by page
#   chromium(-driver)      the browser the web view is tested in
APT_PACKAGES=(fonts-dejavu-core antiword catdoc tesseract-ocr tesseract-ocr-vie poppler-utils chromium chromium-driver)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: not root, cannot install: ${missing[*]} (features that need them report a clear error)" >&2
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.vanban-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip >/dev/null
  .venv/bin/pip install -q -e '.[test,web,cluster]'
  touch "$stamp"
fi
