"""`kzdata new person|case|source|charge|sentence|event`: add one row with a fresh id, so contributors never
invent ids by hand, and never write a row that `kzdata validate` would reject.

The id follows the naming rules (CONTRIBUTING.md, "Ids"): person `surname-givenname`, case
`<place>-<year>-<slug>`, source `<publisher>-<year>-<slug>`, charge `<person>-<year>-<article>[-<part>]`,
sentence `<person>-<year>-<kind-word>`, event `<person>-<date>-<type>`. A taken id gets a `-2`, `-3`…
suffix, and an id retired in data/retired.csv is never used.

Every value is checked by the validator's own rules before anything is written: the row is added to a copy
of the package, the copy is validated, and the row is refused (ScaffoldError carrying the findings, with the
validator's words) when it has an error, or when the new person may be someone already in the data (KZ801)
and --distinct-from does not name them. Warnings a later row will settle (a status no sentence supports
yet) are returned as notes. The file is then written atomically, in canonical form.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from .canonical_form import canonical_csv
from .fileio import ABSENT, FileChanged, write_atomic
from .package import load_package

# A readable transliteration of Kazakh and Russian Cyrillic, to propose a Latin spelling for a name a source
# gives only in Cyrillic (the spelling English-language sources use is better, when there is one).
TRANSLIT = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y",
            "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
            "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
            "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i"}
KIND_WORDS = {"imprisonment": "prison", "life_imprisonment": "life", "restriction_of_freedom": "restriction",
              "suspended_imprisonment": "suspended", "fine": "fine", "activity_ban": "ban", "compulsory_labour": "labour",
              "community_service": "service", "confiscation": "confiscation", "victims_fund_payment": "fund",
              "compensation": "compensation", "expulsion": "expulsion", "compulsory_psychiatric_treatment": "treatment",
              "other": "other"}


class ScaffoldError(ValueError):
    """The row cannot be made: says why in words a contributor understands (and carries the findings)."""

    def __init__(self, message: str, findings: list | None = None):
        super().__init__(message)
        self.findings = findings or []


def transliterate(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in TRANSLIT:
            t = TRANSLIT[low]
            out.append(t.capitalize() if ch != low and t else t)
        else:
            out.append(ch)
    return "".join(out)


def slug(text: str, words: int | None = None) -> str:
    ascii_text = unicodedata.normalize("NFKD", transliterate(text)).encode("ascii", "ignore").decode()
    parts = [p for p in re.split(r"[^a-z0-9]+", ascii_text.lower()) if p]
    if words:
        parts = [p for p in parts if p not in ("the", "a", "an", "of", "in", "and", "for", "on")][:words]
    if not parts:
        raise ScaffoldError(f"{text!r} has no letters or digits to make an id from")
    return "-".join(parts)


def fresh_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _taken(pkg, table: str) -> set[str]:
    if table not in pkg.tables or table not in pkg.schemas:
        raise ScaffoldError(f"the package has no readable {table} table; run kzdata validate first")
    ids = set(pkg.tables[table].column("id"))
    if "retired" in pkg.tables:
        t = pkg.tables["retired"]
        ids |= {i for i, tab in zip(t.column("id"), t.column("table")) if tab == table}
    return ids


def _year(*dates: str) -> str:
    for d in dates:
        if d and re.match(r"^[0-9]{4}", d):
            return d[:4]
    return ""


def add_row(root: str | Path, table: str, row: dict, allow: tuple[str, ...] = (), today: dt.date | None = None) -> tuple[str, list]:
    """Validate a copy of the package with `row` added to `table`; write it when the row has no error (and no
    KZ801 unless allowed); return (the row's id, the warnings about it)."""
    from .validator import validate

    root = Path(root)
    pkg = load_package(root, defer=[])
    t, schema = pkg.tables[table], pkg.schemas[table]
    unknown = [c for c in row if c not in t.header]
    if unknown:
        raise ScaffoldError(f"{table} has no column {', '.join(unknown)}")
    rows = [list(r) for r in t.rows] + [[row.get(c, "") for c in t.header]]
    data = canonical_csv(list(t.header), rows, schema)
    with tempfile.TemporaryDirectory(prefix="kzdata-new-") as tmp:
        copy = Path(tmp) / "pkg"
        copy.mkdir()
        shutil.copy2(root / "datapackage.json", copy / "datapackage.json")
        for d in ("data", "schemas", "reference"):
            if (root / d).is_dir():
                shutil.copytree(root / d, copy / d, symlinks=True)
        (copy / t.path).write_bytes(data)
        report = validate(copy, today=today, engine="rows")
    rid = row.get("id", "")
    mine = [f for f in report.findings if (f.table == table and f.record == rid) or any(
        loc.table == table and loc.record == rid for loc in f.related)]
    errors = [f for f in mine if f.severity == "error" or (f.code == "KZ801" and f.code not in allow)]
    if errors:
        raise ScaffoldError("; ".join(f"{f.code}: {f.message}" for f in errors), errors)
    try:
        write_atomic(root / t.path, data, expect=pkg.raw.get(t.path, ABSENT))
    except FileChanged:
        raise ScaffoldError(f"{t.path} changed while kzdata new ran (saved by another program?); nothing was written, "
                            "so that change is kept: run kzdata new again") from None
    return rid, [f for f in mine if f not in errors]


def new_source(root: str | Path, publisher: str, title: str, published: str, url: str, kind: str = "other",
               language: str = "", sid: str | None = None) -> tuple[str, list]:
    pkg = load_package(Path(root), defer=[])
    taken = _taken(pkg, "sources")
    if sid and sid in taken:
        raise ScaffoldError(f"the id {sid!r} is already used (or retired) in sources")
    year = _year(published) or "undated"
    new = sid or fresh_id(f"{slug(publisher, 2)}-{year}-{slug(title, 3)}", taken)
    return add_row(root, "sources", {"id": new, "publisher": publisher, "title": title, "published": published, "url": url,
                                     "kind": kind, "language": language})


def new_person(root: str | Path, name: str, source: str, status: str = "unknown", status_date: str = "",
               name_cyrillic: str = "", distinct_from: str = "") -> tuple[str, list]:
    """A person named 'Given Surname'. With only a Cyrillic name, a Latin spelling is proposed from it."""
    root = Path(root)
    pkg = load_package(root, defer=[])
    taken = _taken(pkg, "persons")
    notes = []
    if not name and name_cyrillic:
        name = transliterate(name_cyrillic)
        notes.append(f"proposed Latin spelling: {name} (use the spelling English-language sources give, if any)")
    elif name and not name_cyrillic and any("\u0400" <= c <= "\u04ff" for c in name):
        name_cyrillic, name = name, transliterate(name)
        notes.append(f"the name is Cyrillic: kept as name_cyrillic; proposed Latin spelling: {name}")
    words = name.split()
    if len(words) < 2:
        raise ScaffoldError("give the name as 'Given Surname' (at least two words)")
    new = fresh_id(f"{slug(words[-1])}-{slug(' '.join(words[:-1]))}", taken)
    if not status_date and "sources" in pkg.tables:
        sources = pkg.tables["sources"]
        status_date = dict(zip(sources.column("id"), sources.column("published"))).get(source, "")
    rid, warnings = add_row(root, "persons", {"id": new, "name": name, "name_cyrillic": name_cyrillic, "status": status,
                                              "status_date": status_date, "distinct_from": distinct_from, "sources": source},
                            allow=("KZ801",) if distinct_from else ())
    return rid, notes + warnings


def new_case(root: str | Path, place: str, year: str, slug_text: str, title: str, source: str) -> tuple[str, list]:
    pkg = load_package(Path(root), defer=[])
    taken = _taken(pkg, "cases")
    if not re.fullmatch(r"[0-9]{4}", year):
        raise ScaffoldError(f"the year must have four digits, got {year!r}")
    new = fresh_id(f"{slug(place)}-{year}-{slug(slug_text)}", taken)
    return add_row(root, "cases", {"id": new, "title": title, "sources": source})


def _id_year(year: str, date: str, case: str, option: str, what: str) -> str:
    """The year a charge's or a sentence's id carries: the one given, else its date's, else the case id's."""
    year = year or _year(date) or _year(*re.findall(r"-([0-9]{4})-", f"-{case}-"))
    if not year:
        raise ScaffoldError(f"give --year (or {option}): the {what}'s id carries the year")
    return year


def new_charge(root: str | Path, person: str, case: str, code: str, article: str, source: str, part: str = "",
               outcome: str = "pending", label: str = "", charged_date: str = "", year: str = "") -> tuple[str, list]:
    pkg = load_package(Path(root), defer=[])
    taken = _taken(pkg, "charges")
    year = _id_year(year, charged_date, case, "--charged-date", "charge")
    base = f"{person}-{year}-{article}" + (f"-{part}" if part else "")
    new = fresh_id(base, taken)
    return add_row(root, "charges", {"id": new, "case": case, "person": person, "code": code, "article": article, "part": part,
                                     "label": label, "charged_date": charged_date, "outcome": outcome, "sources": source})


def new_sentence(root: str | Path, person: str, case: str, kind: str, source: str, verdict_date: str = "",
                 instance: str = "first_instance", term: str = "", amount: str = "", currency: str = "", role: str = "main",
                 in_absentia: str = "false", court: str = "", scope: str = "", year: str = "") -> tuple[str, list]:
    pkg = load_package(Path(root), defer=[])
    taken = _taken(pkg, "sentences")
    year = _id_year(year, verdict_date, case, "--verdict-date", "sentence")
    word = KIND_WORDS.get(kind, slug(kind))
    base = f"{person}-{year}-{word}" + ("" if instance == "first_instance" else f"-{instance.replace('_', '-')}")
    new = fresh_id(base, taken)
    return add_row(root, "sentences", {"id": new, "case": case, "person": person, "verdict_date": verdict_date, "instance": instance,
                                       "in_absentia": in_absentia, "kind": kind, "term": term, "amount": amount,
                                       "currency": currency, "role": role, "scope": scope, "court": court, "sources": source})


def new_event(root: str | Path, person: str, type_: str, date: str, source: str, case: str = "", authority: str = "",
              place: str = "", reference: str = "") -> tuple[str, list]:
    pkg = load_package(Path(root), defer=[])
    taken = _taken(pkg, "events")
    if not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", date):
        from .suggestions import date_suggestion

        hint = date_suggestion(date)
        raise ScaffoldError(f"the date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD" + (f"; did you mean {hint}?" if hint else ""))
    new = fresh_id(f"{person}-{date}-{type_.replace('_', '-')}", taken)
    return add_row(root, "events", {"id": new, "person": person, "case": case, "type": type_, "date": date,
                                    "authority": authority, "reference": reference, "place": place, "sources": source})
