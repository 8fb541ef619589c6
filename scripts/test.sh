#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the tests need (LibreOffice for
# recalculation and rendering, poppler-utils for PDF -> PNG, openpyxl for the benchmark peer,
# libxml2-utils for schema checks), builds once, runs every test project, and prints one
# closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libreoffice-calc-nogui libreoffice-writer-nogui libreoffice-impress-nogui poppler-utils python3-openpyxl libxml2-utils fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Office.sln -c Release -warnaserror -nologo -v q

results=$(mktemp -d)
status=0
dotnet test Office.sln -c Release --no-build --nologo -v q \
  --logger "trx" --results-directory "$results" -- xunit.parallelizeTestCollections=true || status=$?

passed=0; failed=0; skipped=0
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
