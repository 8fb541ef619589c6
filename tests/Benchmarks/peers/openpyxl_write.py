"""openpyxl write-only peer: the same CSV, the same typing rules, one new workbook."""
import csv
import datetime
import re
import sys

from openpyxl import Workbook

NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def typed(field):
    if field == "":
        return None
    if len(field) in (10, 19) and field[4:5] == "-":
        try:
            if len(field) == 10:
                return datetime.datetime.strptime(field, "%Y-%m-%d")
            return datetime.datetime.strptime(field, "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            pass
    if field.upper() in ("TRUE", "FALSE"):
        return field.upper() == "TRUE"
    if NUMBER.match(field) and not (len(field) > 1 and field[0] == "0" and field[1].isdigit()):
        value = float(field)
        return int(value) if value.is_integer() and "." not in field and "e" not in field.lower() else value
    return field


def main(source, target):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    with open(source, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        sheet.append(next(reader))
        for row in reader:
            sheet.append([typed(f) for f in row])
    book.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
