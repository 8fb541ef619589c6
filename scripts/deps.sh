#!/usr/bin/env bash
# What the test command needs from Debian, and how it tells what is missing. Sourced by
# scripts/test.sh; every function here is safe under `set -euo pipefail` when a package is
# absent (dpkg-query and dpkg exit non-zero for a package they do not know).

# LibreOffice 24.8 or later computes the newer Excel functions (XLOOKUP, FILTER, …) that
# verification hands to it; Debian 12 ships 7.4, bookworm-backports ships 25.2.
LIBREOFFICE_PACKAGES=(libreoffice-calc-nogui libreoffice-writer-nogui libreoffice-impress-nogui)
LIBREOFFICE_MIN_MAJOR=24

# poppler-utils: PDF -> PNG; python3-openpyxl: the benchmark peer; libxml2-utils: schema
# checks; fonts: DejaVu, and Carlito/Caladea (the metrics of Calibri/Cambria) so renders
# break lines where Office does; chromium: the add-in's and the web UI's browser tests;
# bubblewrap: LibreOffice runs without network and with a private view of the filesystem.
TEST_PACKAGES=(poppler-utils python3-openpyxl libxml2-utils fonts-dejavu-core
  fonts-crosextra-carlito fonts-crosextra-caladea chromium bubblewrap)

# The installed major version of a package ("25" for 4:25.2.3-1~bpo12+1), or nothing when it
# is not installed. Always succeeds.
installed_major() {
  local version
  version=$(dpkg-query -W -f='${Status} ${Version}' "$1" 2>/dev/null || true)
  case "$version" in
    "install ok installed "*) version=${version#install ok installed } ;;
    *) return 0 ;;
  esac
  version=${version#*:}
  version=${version%%[!0-9]*}
  printf '%s' "$version"
}

# Succeeds when LibreOffice is missing or older than LIBREOFFICE_MIN_MAJOR.
libreoffice_needed() {
  local major
  major=$(installed_major "${LIBREOFFICE_PACKAGES[0]}")
  [ -z "$major" ] || [ "$major" -lt "$LIBREOFFICE_MIN_MAJOR" ]
}

# Succeeds when a package is installed. A package removed with `apt-get remove` keeps its
# configuration files and `dpkg -s` still succeeds for it, so this reads the status itself.
is_installed() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)
  [ "$status" = "install ok installed" ]
}

# Prints the packages of the arguments that are not installed, one per line. Always succeeds.
missing_packages() {
  local p
  for p in "$@"; do
    is_installed "$p" || printf '%s\n' "$p"
  done
}
