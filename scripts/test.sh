#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the tests need (scripts/deps.sh:
# LibreOffice for recalculation and rendering, poppler-utils for PDF -> PNG, openpyxl for the
# benchmark peer, libxml2-utils for schema checks, PostgreSQL for the service's store,
# Chromium for the browser tests, bubblewrap for LibreOffice's sandbox, fonts with Office's
# metrics), builds once (the service's build also builds the add-in), runs every test project
# and the add-in's tests (addin/, vitest), and prints one closing line
# "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive

# Package detection (scripts/deps.sh) first checks itself against a stand-in package database:
# a wrong answer there would install nothing and fail every test for a reason hard to see.
source scripts/deps.sh
deps_counts=$(bash scripts/tests/deps.test.sh) || { echo "$deps_counts"; echo "scripts/deps.sh is broken: see above." >&2; exit 1; }

apt_updated=0
apt_update() {
  if [ "$apt_updated" -eq 0 ]; then $SUDO apt-get update -qq; apt_updated=1; fi
}

if libreoffice_needed; then
  release=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
  if [ "$release" = "bookworm" ] && ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "Adding bookworm-backports (LibreOffice 25.2; Debian 12 ships 7.4)"
    echo "deb http://deb.debian.org/debian bookworm-backports main" | $SUDO tee /etc/apt/sources.list.d/officina-backports.list >/dev/null
  fi
  echo "Installing LibreOffice ${LIBREOFFICE_MIN_MAJOR}+ (headless): ${LIBREOFFICE_PACKAGES[*]}"
  apt_update
  if [ "$release" = "bookworm" ]; then
    $SUDO apt-get install -y -qq -t bookworm-backports "${LIBREOFFICE_PACKAGES[@]}" >/dev/null \
      || $SUDO apt-get install -y -qq "${LIBREOFFICE_PACKAGES[@]}" >/dev/null
  else
    $SUDO apt-get install -y -qq "${LIBREOFFICE_PACKAGES[@]}" >/dev/null
  fi
fi

mapfile -t missing < <(missing_packages "${TEST_PACKAGES[@]}")
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  apt_update
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL for the service tests: Debian's postgresql (installed when missing) runs a
# throwaway cluster on 127.0.0.1 on a free port; the tests read OFFICINA_TEST_POSTGRES.
eval "$(bash scripts/test-postgres.sh start)"
trap 'bash scripts/test-postgres.sh stop "$OFFICINA_TEST_POSTGRES_DIR"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Office.sln -c Release -warnaserror -nologo -v q

results=$(mktemp -d)
status=0
dotnet test Office.sln -c Release --no-build --nologo -v q \
  --logger "trx" --results-directory "$results" -- xunit.parallelizeTestCollections=true || status=$?

# The add-in: the service's build above installed its npm packages and built addin/dist
# (served at /addin/) when they were missing or stale; here its unit tests, browser tests
# in Debian's Chromium against a scripted API, and the end-to-end tests against the real
# service once src/Officina.Service exists.
addin_setup_failed=0
if ! command -v npm >/dev/null 2>&1; then
  addin_setup_failed=1
  echo "The add-in tests need Node.js 20.19+ and npm: install them (e.g. from nodejs.org or your distribution)." >&2
  status=1
else
  run_vitest() {
    local name=$1; shift
    (cd addin && npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$results/vitest-$name.json") || status=1
  }
  if [ -f addin/dist/index.html ] && [ -d addin/node_modules ]; then
    run_vitest unit
    run_vitest browser --config vitest.e2e.config.ts tests/e2e/pane.e2e.ts
    if [ -d src/Officina.Service ]; then
      OFFICINA_E2E_NO_BUILD=1 run_vitest e2e --config vitest.e2e.config.ts tests/e2e/service.e2e.ts
    else
      echo "src/Officina.Service is not here yet: the add-in's end-to-end tests against the service are not run."
    fi
  else
    echo "The add-in was not installed and built by the service's build (see the build output above)." >&2
    addin_setup_failed=1
    status=1
  fi
fi

read -r passed _ failed _ <<<"$deps_counts"
failed=$((failed + addin_setup_failed)); skipped=0
for report in "$results"/vitest-*.json; do
  [ -f "$report" ] || continue
  read -r p f s < <(node addin/scripts/count-results.mjs "$report")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
rm -rf "$results"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then echo "No test ran." >&2; exit 1; fi
exit $status
