"""The spreadsheet round trip: `kzdata export --to xlsx` writes a workbook, `kzdata import FILE.xlsx` writes the
edits made in it back into data/ (kzdata.importer). openpyxl reads and writes the Office Open XML format
(a well-kept library: Excel, LibreOffice and Google Sheets all open its files).

The workbook has a sheet per table, the header row frozen and bold, and every cell stored as text (so that
a spreadsheet never turns 2019-06 into a date or 07 into 7, and never runs a cell as a formula). List
cells show their items separated by "; " to be readable; the import reads them back with ";" and no spaces.
A first sheet, "about", says what the workbook is and how to send edits back.
"""
from __future__ import annotations

from pathlib import Path

from .schema import constraints_of, fields_of, kz_of

ABOUT = "about"
LIST_SHOWN = "; "     # how list items are shown in a cell; the import reads ";" with spaces around it back


def show_cell(value: str, is_list: bool) -> str:
    return LIST_SHOWN.join(value.split(";")) if is_list and value else value


def write_workbook(path: Path, schemas: dict[str, dict], tables: dict[str, tuple[list[str], list[dict]]], meta: dict) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    about = wb.active
    about.title = ABOUT
    lines = [
        ("kzdata", meta.get("title", "")),
        ("version", meta.get("version") or "unreleased working copy"),
        ("commit", meta.get("commit", "")),
        ("licence", meta.get("licence", "")),
        ("sensitive fields", meta.get("sensitive_fields", "")),
        ("", ""),
        ("how to edit", "Change cells, add rows or delete rows in the table sheets. Keep the header row and the id column. "
                        "Lists (sources, aliases, roles…) are items separated by ';'. Dates are YYYY, YYYY-MM or YYYY-MM-DD."),
        ("how to send it back", "Save as .xlsx, then run: kzdata import kzdata.xlsx. It checks the edits with kzdata validate, "
                                "writes them into data/ only when they are valid, and prints what changed."),
    ]
    for row in lines:
        about.append(list(row))
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 110
    for name, (columns, rows) in tables.items():
        ws = wb.create_sheet(name)
        fields = {f["name"]: f for f in fields_of(schemas[name])}
        lists = {c for c in columns if kz_of(fields.get(c, {})).get("kind") == "list"}
        ws.append(columns)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in rows:
            ws.append([show_cell(r.get(c, ""), c in lists) for c in columns])
        for col in ws.iter_cols(min_row=2):
            for cell in col:
                cell.data_type = "s"           # text, never a formula or a number
                cell.number_format = "@"
        ws.freeze_panes = "B2"
        for i, c in enumerate(columns, start=1):
            letter = get_column_letter(i)
            widest = max([len(c)] + [min(len(str(r.get(c, ""))), 60) for r in rows[:500]])
            ws.column_dimensions[letter].width = max(8, min(widest + 2, 62))
            ws.column_dimensions[letter].number_format = "@"
            enum = constraints_of(fields.get(c, {})).get("enum")
            if enum and len(",".join(enum)) < 250 and rows:
                dv = DataValidation(type="list", formula1='"' + ",".join(enum) + '"', allow_blank=True)
                dv.error, dv.errorTitle = f"Use one of the values the schema lists for {c}.", f"{c}: value not allowed"
                ws.add_data_validation(dv)
                dv.add(f"{letter}2:{letter}{len(rows) + 1000}")
            if c in ("notes", "summary", "title", "sensitive_notes"):
                for cell in ws[letter][1:]:
                    cell.alignment = Alignment(wrap_text=False)
    wb.save(path)


def read_workbook(path: Path) -> tuple[dict[str, tuple[list[str], list[tuple[int, list]]]], list[str]]:
    """Each table sheet as (header, [(row number, cells)]), and the problems found (formulas, unreadable file).
    Cells are returned as openpyxl gives them (str, int, float, bool, datetime or None)."""
    from openpyxl import load_workbook

    problems: list[str] = []
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:   # not a workbook, corrupt zip, …
        return {}, [f"{path.name} cannot be read as an .xlsx workbook: {type(exc).__name__}: {exc}"]
    out = {}
    for ws in wb.worksheets:
        if ws.title == ABOUT:
            continue
        rows = ws.iter_rows(values_only=False)
        try:
            header_cells = next(rows)
        except StopIteration:
            continue
        header = [str(c.value) if c.value is not None else "" for c in header_cells]
        while header and header[-1] == "":
            header.pop()
        body = []
        for r in rows:
            cells = []
            for c in r[:len(header)]:
                if c.data_type == "f":
                    problems.append(f"sheet {ws.title}, cell {c.coordinate}: a formula ({c.value}); type the value itself")
                cells.append(c.value)
            if any(v not in (None, "") for v in cells):
                body.append((r[0].row if r else 0, cells))
        out[ws.title] = (header, body)
    wb.close()
    return out, problems
