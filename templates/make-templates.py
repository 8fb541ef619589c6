#!/usr/bin/python3
"""Builds the shipped report templates (python3-docx, python3-openpyxl from Debian).

The templates are plain Office files with {{field}} placeholders; this script only exists so
that they can be rebuilt and reviewed as text. Run from the repository root:
    /usr/bin/python3 templates/make-templates.py
"""
from docx import Document
from docx.shared import Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Alignment

# --- invoice.docx -----------------------------------------------------------------------
doc = Document()
section = doc.sections[0]
section.header.paragraphs[0].text = "Northwind Consulting Ltd · Invoice {{invoice_number}}"
section.footer.paragraphs[0].text = "Thank you for your business, {{customer.name}}. Questions: billing@northwind.example"
doc.add_heading("Invoice {{invoice_number}}", level=0)
p = doc.add_paragraph("Date: {{date:d MMMM yyyy}}")
doc.add_paragraph("Bill to:")
doc.add_paragraph("{{customer.name}}").runs[0].bold = True
doc.add_paragraph("{{customer.address}}")
# A placeholder split over runs (as Word does after an edit or a spell-check mark).
p = doc.add_paragraph("Dear ")
p.add_run("{{customer.")
p.add_run("contact}}").italic = True
p.add_run(",")
doc.add_paragraph("Please find below the services delivered in {{period}}.")
table = doc.add_table(rows=2, cols=2)
table.style = "Table Grid"
table.cell(0, 0).text = "Invoice number"
table.cell(0, 1).text = "{{invoice_number}}"
table.cell(1, 0).text = "Due date"
table.cell(1, 1).text = "{{due_date:d MMMM yyyy}}"
doc.add_heading("Services", level=1)
total = doc.add_paragraph()
total.add_run("Total due: {{total:#,##0.00}} {{currency}}").bold = True
doc.add_paragraph("Payment within {{terms}} days to IBAN GB00 NWBK 0000 0000 0000 00.")
doc.save("templates/invoice/invoice.docx")

# --- monthly-kpis.xlsx ------------------------------------------------------------------
wb = Workbook()
ws = wb.active
ws.title = "KPIs"
ws["A1"] = "Monthly KPIs — {{month}}"
ws["A1"].font = Font(bold=True, size=14)
rows = [
    ("Revenue", "{{revenue}}", "#,##0"),
    ("Costs", "{{costs}}", "#,##0"),
    ("Profit", "=B3-B4", "#,##0"),
    ("Margin", "=IF(B3=0,0,B5/B3)", "0.0%"),
    ("New customers", "{{new_customers}}", None),
    ("Report date", "{{report_date}}", None),
    ("Target met", "{{target_met}}", None),
]
for i, (label, value, fmt) in enumerate(rows, start=3):
    ws.cell(row=i, column=1, value=label).font = Font(bold=True)
    cell = ws.cell(row=i, column=2, value=value)
    if fmt:
        cell.number_format = fmt
ws["A11"] = "Prepared by {{owner}} for the {{month}} review."
ws["A11"].font = Font(italic=True, color="666666")
ws.column_dimensions["A"].width = 18
ws.column_dimensions["B"].width = 16
ws.column_dimensions["D"].width = 10
ws.column_dimensions["E"].width = 12
wb.save("templates/monthly-kpis/monthly-kpis.xlsx")
print("wrote templates/invoice/invoice.docx and templates/monthly-kpis/monthly-kpis.xlsx")
