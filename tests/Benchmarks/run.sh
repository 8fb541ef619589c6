#!/usr/bin/env bash
# Benchmarks (not part of the test suite). Usage: bash tests/Benchmarks/run.sh [ROWS...]
#  1. import_csv + save of ROWS x 10 columns (default 50000 100000 200000) against openpyxl
#     write-only writing the same CSV, each a separate process under /usr/bin/time -v.
#  2. a generated multi-sheet workbook of several MB: 50-operation plan + save through
#     PlanRunner, against our plain open + save and ClosedXML 0.95.4 open + save.
#  3. REPORTS invoices (default 1000) from templates/invoice with `officina report`, against
#     python-docx filling the same template (tests/Benchmarks/peers/docx_report.py).
# SECTIONS="1 3" runs only those sections (default: all).
set -euo pipefail
cd "$(dirname "$0")/../.."
want() { [[ " ${SECTIONS:-1 2 3} " == *" $1 "* ]]; }
ROWS=("${@:-50000 100000 200000}")
read -r -a ROWS <<< "${ROWS[*]}"
WORK="${BENCH_WORK:-/tmp/officina-bench}"
mkdir -p "$WORK"

need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need_apt+=(python3-openpyxl)
/usr/bin/python3 -c 'import docx' 2>/dev/null || need_apt+=(python3-docx)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

dotnet build -c Release tests/Benchmarks/Officina.Benchmarks -v quiet -nologo >/dev/null
dotnet build -c Release src/Officina.Cli -v quiet -nologo >/dev/null
BENCH="dotnet tests/Benchmarks/Officina.Benchmarks/bin/Release/net10.0/Officina.Benchmarks.dll"

# measure NAME CMD...: runs CMD under /usr/bin/time -v, prints "wall_s cpu_s rss_mb".
measure() {
  local log="$WORK/$1.time"
  shift
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { cat "$log.out" "$log" >&2; exit 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
    /User time/ { u = $2 } /System time/ { s = $2 }
    /Maximum resident set size/ { m = $2 / 1024 }
    END { printf "%.2f %.2f %.0f\n", w, u + s, m }' "$log"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo
if want 1; then
echo "## 1. Import 10 columns from CSV and save a new workbook"
printf '| rows | Officina wall s | cpu s | peak MB | openpyxl wall s | cpu s | peak MB | wall ratio | cpu ratio |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for n in "${ROWS[@]}"; do
  csv="$WORK/data-$n.csv"
  [ -f "$csv" ] || $BENCH gen-csv "$n" "$csv"
  read -r ow oc om < <(measure "officina-$n" $BENCH import "$csv" "$WORK/officina-$n.xlsx")
  read -r pw pc pm < <(measure "openpyxl-$n" /usr/bin/python3 tests/Benchmarks/peers/openpyxl_write.py "$csv" "$WORK/openpyxl-$n.xlsx")
  $BENCH check "$WORK/officina-$n.xlsx" "$n" >"$WORK/check-$n.txt" || { cat "$WORK/check-$n.txt"; exit 1; }
  awk -v n="$n" -v ow="$ow" -v oc="$oc" -v om="$om" -v pw="$pw" -v pc="$pc" -v pm="$pm" \
    'BEGIN { printf "| %d | %.2f | %.2f | %d | %.2f | %.2f | %d | %.1fx | %.1fx |\n", n, ow, oc, om, pw, pc, pm, pw / ow, pc / oc }'
done
echo
echo "Every Officina output was reopened with the OpenXML SDK and its header, first and last rows checked against the CSV."

fi

if want 2; then
echo
echo "## 2. 50-operation plan on a generated workbook of several MB"
book="$WORK/real.xlsx"
if [ ! -f "$book" ]; then
  # openpyxl builds it (sheets, styles, formulas, a chart, a defined name); LibreOffice then
  # saves it as an office application would (ClosedXML 0.95.4 cannot save openpyxl's own
  # styles part: a fill without patternType makes it throw).
  /usr/bin/python3 tests/Benchmarks/peers/make_workbook.py "$WORK/generated.xlsx" "${REAL_ROWS:-60000}"
  command -v soffice >/dev/null || apt-get install -y -qq libreoffice-calc-nogui >/dev/null
  soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --calc \
    --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$WORK/lo" "$WORK/generated.xlsx" >/dev/null 2>&1
  mv "$WORK/lo/generated.xlsx" "$book"
fi
echo "input: $(du -k "$book" | cut -f1) KB ($(unzip -l "$book" | tail -1 | awk '{print $1}') bytes unzipped)"
read -r aw ac am < <(measure open-save $BENCH open-save "$book" "$WORK/real-open-save.xlsx")
read -r bw bc bm < <(measure plan $BENCH plan "$book" "$WORK/real-plan.xlsx")
read -r cw cc cm < <(measure closedxml $BENCH closedxml "$book" "$WORK/real-closedxml.xlsx")
printf '| run | wall s | cpu s | peak MB |\n|---|---:|---:|---:|\n'
printf '| Officina open + save | %s | %s | %s |\n' "$aw" "$ac" "$am"
printf '| Officina open + 50 operations + save | %s | %s | %s |\n' "$bw" "$bc" "$bm"
printf '| ClosedXML 0.95.4 open + save | %s | %s | %s |\n' "$cw" "$cc" "$cm"
awk -v a="$aw" -v b="$bw" -v c="$cw" -v bm="$bm" -v cm="$cm" 'BEGIN {
  printf "\nplan run / ClosedXML open+save: %.2fx time, %.2fx memory; operations add %+.0f%% to ClosedXML open+save, %+.0f%% to our own open+save\n", b / c, bm / cm, (b - c) * 100 / c, (b - a) * 100 / a }'
echo
echo "Where the plan run's time goes (one more run, in-process stopwatch):"
$BENCH plan-phases "$book" "$WORK/real-plan-phases.xlsx" | sed 's/^/    /'
fi

if want 3; then
echo
reports=${REPORTS:-1000}
echo "## 3. $reports invoices from templates/invoice"
data="$WORK/invoices-$reports.json"
/usr/bin/python3 - "$data" "$reports" <<'PY'
import json, sys
base = json.load(open("templates/invoice/data.json", encoding="utf-8"))["invoices"]
out = [dict(base[i % len(base)], invoice_number=f"INV-{i + 1:05d}") for i in range(int(sys.argv[2]))]
json.dump({"invoices": out}, open(sys.argv[1], "w", encoding="utf-8"))
PY
rm -rf "$WORK/reports-officina" "$WORK/reports-officina-1" "$WORK/reports-peer"
report() { # report OUT PARALLEL
  measure "report-$2" dotnet src/Officina.Cli/bin/Release/net10.0/officina.dll report templates/invoice/invoice.docx \
    --data "$data" --plan templates/invoice/plan.json --out "$1" --name "{{invoice_number}}" --parallel "$2"
}
read -r sw sc sm < <(report "$WORK/reports-officina-1" 1)
read -r rw rc rm_ < <(report "$WORK/reports-officina" "$(nproc)")
read -r qw qc qm < <(measure report-peer /usr/bin/python3 tests/Benchmarks/peers/docx_report.py templates/invoice/invoice.docx "$data" "$WORK/reports-peer")
for dir in reports-officina-1 reports-officina reports-peer; do
  count=$(find "$WORK/$dir" -name '*.docx' | wc -l)
  [ "$count" -eq "$reports" ] || { echo "$dir has $count documents, not $reports" >&2; exit 1; }
  unzip -p "$WORK/$dir/INV-00002.docx" word/document.xml | grep -q "Fabrikam GmbH" || { echo "$dir/INV-00002.docx lacks its customer" >&2; exit 1; }
done
printf '| run | wall s | cpu s | peak MB | ms per document |\n|---|---:|---:|---:|---:|\n'
row() { awk -v t="$1" -v n="$reports" -v w="$2" -v c="$3" -v m="$4" 'BEGIN { printf "| %s | %.2f | %.2f | %d | %.1f |\n", t, w, c, m, w * 1000 / n }'; }
row "Officina report, one record at a time (fill, insert_table, verify, atomic write)" "$sw" "$sc" "$sm"
row "Officina report, $(nproc) at a time (the default: one per core)" "$rw" "$rc" "$rm_"
row "python-docx (fill, add table, save; no checks)" "$qw" "$qc" "$qm"
awk -v a="$sw" -v r="$rw" -v b="$qw" 'BEGIN { printf "\npython-docx time / Officina time: %.2fx one at a time, %.2fx one per core\n", b / a, b / r }'
echo "Both produced $reports documents; INV-00002 names its customer in each."
fi
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
