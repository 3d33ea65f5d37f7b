"""Write the hostile-input corpus: small files that each break one rule, and MANIFEST.json saying which
package file each one replaces and which finding code it must produce.

    python tests/corpus/make_corpus.py     # rewrites the files next to this script

The files are committed (see .gitattributes: git must not touch their bytes); this script documents how
each was made. tests/test_hostile_corpus.py runs the validator and the CLI on every one.
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORG_HEADER = "id,name,aliases,banned_date,banned_by,successor_of,notes,sources"
ORGS = [
    "atazhurt-eryktileri,Atazhurt Eryktileri,,,,,A public association.,odf-2020-political-prisoners-list",
    "confederation-of-independent-trade-unions,Confederation of Independent Trade Unions,,,,,A union.,odf-2020-political-prisoners-list",
    "democratic-choice-of-kazakhstan,Democratic Choice of Kazakhstan,DCK;DVK,2018-03,A court,,A movement.,odf-2020-political-prisoners-list",
    "independent-trade-union-of-fuel-and-energy-workers,Independent trade union,,,,,A union.,odf-2020-political-prisoners-list",
    "koshe-partiyasy,Koshe Partiyasy,,2020-05-19,A court,democratic-choice-of-kazakhstan,Renamed movement.,cabar-2021-no-right-to-dissent",
]
ORG = "data/organisations.csv"


def orgs(notes: str = "", name: str = "", lines: list[str] | None = None, sep: str = "\n") -> bytes:
    rows = list(lines or ORGS)
    if notes or name:
        cells = rows[0].split(",")
        if name:
            cells[1] = name
        if notes:
            cells[6] = notes
        rows[0] = ",".join(cells)
    return (sep.join([ORG_HEADER, *rows]) + sep).encode("utf-8")


def deep_json(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


# name: (target file in the package, content, expected finding code, what it shows)
CASES: dict[str, tuple[str, bytes, str, str]] = {
    # --- encodings and bytes ---
    "bom.csv": (ORG, b"\xef\xbb\xbf" + orgs(), "KZ010", "UTF-8 byte-order mark"),
    "invalid-utf8.csv": (ORG, orgs().replace(b"Atazhurt", b"Ataz\xffhurt"), "KZ010", "invalid UTF-8"),
    "latin1.csv": (ORG, orgs(notes="Caf\u00e9").replace("\u00e9".encode(), b"\xe9"), "KZ010", "Latin-1 bytes, not UTF-8"),
    "nul-byte.csv": (ORG, orgs().replace(b"A union.", b"A un\x00ion."), "KZ010", "NUL byte"),
    "empty.csv": (ORG, b"", "KZ010", "empty file"),
    "whitespace-only.csv": (ORG, b"\n\n  \n", "KZ010", "only blank lines"),
    # --- line endings ---
    "cr-only.csv": (ORG, orgs(sep="\r"), "KZ016", "CR-only line endings"),
    "crlf.csv": (ORG, orgs(sep="\r\n"), "KZ016", "CRLF line endings"),
    "mixed-endings.csv": (ORG, orgs().replace(b"\n", b"\r\n", 2), "KZ016", "mixed CRLF and LF"),
    # --- CSV structure ---
    "unterminated-quote.csv": (ORG, orgs(notes='"never closed'), "KZ010", "a quote that is never closed"),
    "ragged-row.csv": (ORG, orgs(notes="A,B,C"), "KZ014", "a row with extra cells"),
    "wide-row.csv": (ORG, orgs(notes="x" + "," * 100_000), "KZ014", "a row with 100,000 cells"),
    "duplicate-header.csv": (ORG, orgs().replace(b"aliases,", b"name,", 1), "KZ012", "a column name twice"),
    "empty-header.csv": (ORG, orgs().replace(b",aliases,", b",,", 1), "KZ012", "an empty column name"),
    "header-only-junk.csv": (ORG, b"\x01\x02,\x03\n", "KZ011", "a header of control characters"),
    "huge-field.csv": (ORG, orgs(notes="x" * 1_100_000), "KZ017", "a 1.1 MB cell (over the field limit)"),
    # --- text that lies or attacks ---
    "formula.csv": (ORG, orgs(notes='=HYPERLINK(""http://evil.example"";""click"")'), "KZ124", "a spreadsheet formula"),
    "formula-at.csv": (ORG, orgs(notes="@SUM(A1:A9)"), "KZ124", "an @ formula"),
    "zero-width.csv": (ORG, orgs(name="Atazhurt\u200b Eryktileri"), "KZ121", "a zero-width space"),
    "bidi-override.csv": (ORG, orgs(notes="Banned \u202eden\u202c in 2018."), "KZ121", "a right-to-left override"),
    "mixed-script-name.csv": (ORG, orgs(name="Аtazhurt Eryktileri"), "KZ120", "a Cyrillic А in a Latin name"),
    "not-nfc.csv": (ORG, orgs(notes="Cafe\u0301 meetings."), "KZ122", "decomposed (NFD) text"),
    "double-space.csv": (ORG, orgs(notes="A  public association."), "KZ123", "a double space"),
    # --- private data ---
    "iin.csv": (ORG, orgs(notes="IIN 900101300017 given in the ruling."), "KZ110", "an identification number"),
    "phone.csv": (ORG, orgs(notes="Call +7 701 123 45 67 for details."), "KZ111", "a phone number"),
    "email.csv": (ORG, orgs(notes="Write to someone@example.org."), "KZ112", "an e-mail address"),
    "address.csv": (ORG, orgs(notes="Lives at ul. Abaya 12 kv. 5 in Almaty."), "KZ113", "a home address"),
    # --- reference JSON ---
    "not-json.json": ("data/criminal-code.json", b"{not json", "KZ015", "a reference file that is not JSON"),
    "deep.json": ("data/criminal-code.json", deep_json(100_000), "KZ017", "100,000 levels of nesting"),
    "json-bom.json": ("data/criminal-code.json", b"\xef\xbb\xbf{}", "KZ015", "a JSON file with a byte-order mark"),
    "wrong-shape.json": ("data/criminal-code.json", b'{"editions": "none"}', "KZ015", "JSON that does not match its schema"),
    "remote-ref.schema.json": ("schemas/criminal-code.schema.json",
                               b'{"$ref": "https://example.org/evil.json"}', "KZ005", "a JSON Schema with a remote $ref"),
    # --- the package descriptor ---
    "descriptor-not-json.json": ("datapackage.json", b"{\"resources\": [", "KZ001", "a datapackage.json that is not JSON"),
    "descriptor-not-object.json": ("datapackage.json", b"[1, 2, 3]", "KZ002", "a datapackage.json that is a list"),
    "descriptor-deep.json": ("datapackage.json", deep_json(5_000), "KZ017", "a deeply nested datapackage.json"),
}


def main() -> None:
    manifest = {}
    for name, (target, content, code, what) in CASES.items():
        (HERE / name).write_bytes(content)
        manifest[name] = {"replaces": target, "expect": code, "shows": what}
    (HERE / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
