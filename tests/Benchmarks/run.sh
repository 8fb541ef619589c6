#!/usr/bin/env bash
# Benchmarks (not part of the test suite). Usage: bash tests/Benchmarks/run.sh [ROWS...]
#  1. import_csv + save of ROWS x 10 columns (default 50000 100000 200000) against openpyxl
#     write-only writing the same CSV, each a separate process under /usr/bin/time -v.
#  2. a generated multi-sheet workbook of several MB: 50-operation plan + save through
#     PlanRunner, against our plain open + save and ClosedXML 0.95.4 open + save.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=("${@:-50000 100000 200000}")
read -r -a ROWS <<< "${ROWS[*]}"
WORK="${BENCH_WORK:-/tmp/officina-bench}"
mkdir -p "$WORK"

need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need_apt+=(python3-openpyxl)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

dotnet build -c Release tests/Benchmarks/Officina.Benchmarks -v quiet -nologo >/dev/null
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
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
