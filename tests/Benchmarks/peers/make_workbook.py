"""Builds the 'real' workbook of the second benchmark: several sheets, styles, formulas,
a defined name, merged cells, conditional formatting and a chart. Deterministic."""
import datetime
import random
import sys

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName


def main(target, rows):
    rnd = random.Random(42)
    book = Workbook()
    sales = book.active
    sales.title = "Sales"
    header = ["id", "customer", "city", "date", "amount", "quantity", "price", "region", "paid", "total"]
    sales.append(header)
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E78")
    for cell in sales[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
    cities = ["Lisbon", "Porto", "Zurich", "Osaka", "Cape Town", "Krakow"]
    start = datetime.datetime(2020, 1, 1)
    for i in range(2, rows + 2):
        sales.append([
            i - 1, f"Customer {rnd.randint(1, 50000)}", rnd.choice(cities),
            start + datetime.timedelta(days=rnd.randint(0, 2000)),
            round(rnd.uniform(10, 100000), 2), rnd.randint(1, 500), round(rnd.uniform(1, 200), 2),
            rnd.choice(["North", "South", "East", "West"]), rnd.random() < 0.5, f"=E{i}*F{i}",
        ])
        sales.cell(row=i, column=5).number_format = "#,##0.00"
        sales.cell(row=i, column=4).number_format = "yyyy-mm-dd"
    sales.freeze_panes = "A2"
    sales.conditional_formatting.add(f"E2:E{rows + 1}", CellIsRule(operator="greaterThan", formula=["90000"], fill=PatternFill("solid", fgColor="FFC7CE")))

    summary = book.create_sheet("Summary")
    summary.merge_cells("A1:D1")
    summary["A1"] = "Sales summary"
    summary["A1"].font = Font(bold=True, size=14)
    for r, city in enumerate(cities, start=3):
        summary.cell(row=r, column=1, value=city)
        summary.cell(row=r, column=2, value=f'=SUMIF(Sales!C:C,A{r},Sales!E:E)').number_format = "#,##0"
        summary.cell(row=r, column=3, value=f'=COUNTIF(Sales!C:C,A{r})')
    chart = BarChart()
    chart.title = "Amount by city"
    chart.add_data(Reference(summary, min_col=2, min_row=3, max_row=2 + len(cities)))
    chart.set_categories(Reference(summary, min_col=1, min_row=3, max_row=2 + len(cities)))
    summary.add_chart(chart, "F3")
    book.defined_names.append(DefinedName("Amounts", attr_text=f"Sales!$E$2:$E${rows + 1}"))

    lookups = book.create_sheet("Lookups")
    for r in range(1, 2001):
        lookups.append([f"K{r:05d}", rnd.randint(0, 1000), rnd.random()])
    book.save(target)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 60000)
