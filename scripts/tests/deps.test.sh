#!/usr/bin/env bash
# Tests of scripts/deps.sh, the test command's package detection, against a dpkg-query
# stand-in: a missing package must never stop the script under `set -euo pipefail` (it once
# made scripts/test.sh exit 1 silently on a machine without LibreOffice).
# Prints one line "N passed, N failed" and exits 1 when a test failed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT
mkdir -p "$fake/bin" "$fake/db"
# dpkg-query -W -f=FORMAT PACKAGE: answers from $fake/db/PACKAGE (line 1 status, line 2
# version) like the real one; for an unknown package it complains and exits 1, as dpkg does.
cat > "$fake/bin/dpkg-query" <<STANDIN
#!/usr/bin/env bash
format=""; package=""
for arg in "\$@"; do
  case "\$arg" in -f=*) format=\${arg#-f=} ;; -*) ;; *) package=\$arg ;; esac
done
if [ ! -f "$fake/db/\$package" ]; then
  echo "dpkg-query: no packages found matching \$package" >&2
  exit 1
fi
status=\$(sed -n 1p "$fake/db/\$package"); version=\$(sed -n 2p "$fake/db/\$package")
format=\${format//'\${Status}'/\$status}
printf '%s' "\${format//'\${Version}'/\$version}"
STANDIN
printf '#!/bin/sh\necho "dpkg must not be called: the status is read with dpkg-query" >&2\nexit 99\n' > "$fake/bin/dpkg"
chmod +x "$fake/bin/dpkg-query" "$fake/bin/dpkg"

package() { printf '%s\n%s\n' "$2" "$3" > "$fake/db/$1"; }
forget() { rm -f "$fake/db/"*; }

passed=0; failed=0
check() {
  local name=$1 expected=$2 actual=$3
  if [ "$expected" = "$actual" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: expected '$expected', got '$actual'" >&2
  fi
}

# Each probe runs a statement as test.sh would, in a fresh shell with strict mode and the
# stand-ins first on PATH, then prints "|end": a shell that died on the way has no "|end".
probe() {
  PATH="$fake/bin:$PATH" bash -c "set -euo pipefail; source '$here/../deps.sh'; $1; echo '|end'" 2>/dev/null | tr '\n' ' ' || true
}
needed='if libreoffice_needed; then echo needed; else echo current; fi'

forget
check "installed_major of a missing package is empty" "|end " "$(probe 'installed_major libreoffice-calc-nogui')"
check "LibreOffice is needed when it is missing" "needed |end " "$(probe "$needed")"
check "every missing package is listed" "a b |end " "$(probe 'missing_packages a b')"

package libreoffice-calc-nogui "install ok installed" "4:25.2.3-1~bpo12+1"
check "the major version drops the epoch" "25|end " "$(probe 'installed_major libreoffice-calc-nogui')"
check "LibreOffice 25 is not installed again" "current |end " "$(probe "$needed")"
check "an installed package is not listed" "b |end " "$(probe 'missing_packages libreoffice-calc-nogui b')"

package libreoffice-calc-nogui "install ok installed" "1:7.4.7-1+deb12u5"
check "LibreOffice 7.4 (Debian 12) is replaced by a newer one" "needed |end " "$(probe "$needed")"

package libreoffice-calc-nogui "install ok installed" "24.8.0"
check "a version without an epoch is read" "24|end " "$(probe 'installed_major libreoffice-calc-nogui')"

forget
package chromium "deinstall ok config-files" "156.0.8078.73-1"
check "a package removed with apt-get remove counts as missing" "chromium |end " "$(probe 'missing_packages chromium')"
check "a removed package has no version" "|end " "$(probe 'installed_major chromium')"

# scripts/test.sh must take its detection from deps.sh rather than a copy of it.
check "test.sh sources deps.sh" "yes" "$(grep -q 'source scripts/deps.sh' "$here/../test.sh" && echo yes || echo no)"
check "test.sh calls dpkg only through deps.sh" "0" "$(grep -c 'dpkg' "$here/../test.sh" || true)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
