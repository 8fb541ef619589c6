#!/usr/bin/env python3
"""Peer for the Reports benchmark: the invoice template filled with python-docx.

Usage: docx_report.py TEMPLATE.docx DATA.json OUT_DIR

For each invoice in DATA.json: open the template, replace every {{field}} placeholder in the
body, tables, headers and footers (paragraph by paragraph: the runs' text joined, the result
put in the first run, as python-docx recipes do), insert the services table after the
"Services" heading, save OUT_DIR/<invoice_number>.docx. It validates and verifies nothing,
so it does less than `officina report`.
"""
import copy
import json
import os
import re
import sys
from datetime import date

import docx

PLACEHOLDER = re.compile(r"\{\{\s*([^}:]+?)\s*(?::([^}]*))?\}\}")


def value(record, name, fmt):
    v = record
    for part in name.split("."):
        v = v[part]
    if fmt == "d MMMM yyyy":
        d = date.fromisoformat(v)
        return f"{d.day} {d.strftime('%B %Y')}"
    if fmt == "#,##0.00":
        return f"{v:,.2f}"
    return str(v)


def paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in document.sections:
        yield from section.header.paragraphs
        yield from section.footer.paragraphs


def fill(document, record):
    for paragraph in paragraphs(document):
        text = "".join(run.text for run in paragraph.runs)
        if "{{" not in text:
            continue
        filled = PLACEHOLDER.sub(lambda m: value(record, m.group(1), m.group(2)), text)
        paragraph.runs[0].text = filled
        for run in paragraph.runs[1:]:
            run.text = ""


def services_table(document, items):
    heading = next(p for p in document.paragraphs if p.text.strip() == "Services")
    rows = [["Description", "Quantity", "Unit price", "Amount"], *items]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = document.tables[0].style
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    heading._p.addnext(table._tbl)


def main():
    template, data, out = sys.argv[1:4]
    records = json.load(open(data, encoding="utf-8"))["invoices"]
    os.makedirs(out, exist_ok=True)
    for record in records:
        document = docx.Document(template)
        fill(document, record)
        services_table(document, record["items"])
        document.save(os.path.join(out, record["invoice_number"] + ".docx"))


if __name__ == "__main__":
    main()
