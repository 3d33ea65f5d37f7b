"""Generate a synthetic kzdata package of N persons, deterministic from a seed.

    python benchmarks/generate.py OUT_DIR --persons 100000 [--seed 1]

Every person has 1–2 cases (shared by up to three co-defendants), one to three charges under real 2014
Code articles with their parts, a main sentence and sometimes an additional ban, three to five events in
a possible order (detention, charge, verdict, appeal, transfer or release), and cites one of the sources.
The result passes `kzdata validate --strict` (no findings), so timings measure the checks, not the
reporting of problems. About 8 rows per person: 100,000 persons make ~810,000 rows.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# (article, parts valid since 2015 or None, label)
ARTICLES = [("405", "2", "participation in a banned organisation"), ("174", "1", "inciting discord"),
            ("274", "", "spreading false information"), ("400", "", "violating the rules on assemblies"),
            ("179", "2", "public calls to seize power"), ("380", "", "violence against an official"),
            ("256", "2", "propaganda of terrorism")]
GIVEN = ["Aset", "Marat", "Serik", "Aigerim", "Dana", "Yerlan", "Zhanna", "Bolat", "Gulnara", "Timur", "Asel", "Nurlan",
         "Saule", "Kairat", "Madina", "Ruslan", "Aizhan", "Daniyar", "Laura", "Askar"]
SURNAME = ["Abenov", "Bekova", "Dauletov", "Yesenova", "Zhumabekov", "Iskakova", "Kenzhebayev", "Lukpanova", "Mukanov",
           "Nurlanova", "Omarov", "Sadykova", "Tulegenov", "Utepova", "Khamitov", "Shaikenova", "Yerzhanov", "Amirova",
           "Baimukhanov", "Kassymova"]
TOWNS = [("Almaty", "Almaty"), ("Aktobe", "Aktobe Region"), ("Atyrau", "Atyrau Region"), ("Kostanay", "Kostanay Region"),
         ("Pavlodar", "Pavlodar Region"), ("Uralsk", "West Kazakhstan Region"), ("Shymkent", "Shymkent")]


SYLLABLES = ["ba", "ke", "mo", "nu", "sa", "ti", "ro", "le", "pa", "de", "gu", "fi", "ka", "vo", "mi", "tu"]  # consonant + vowel: no doubled letters for the duplicate check to fold


def _code(n: int) -> str:
    out = ""
    while True:
        out += SYLLABLES[n % 16]
        n //= 16
        if n == 0:
            return out


def _d(day: dt.date) -> str:
    return day.isoformat()


def generate(out: Path, persons: int, seed: int = 1) -> dict[str, int]:
    rnd = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "data").mkdir(parents=True)
    shutil.copytree(REPO / "schemas", out / "schemas")
    shutil.copy(REPO / "data" / "criminal-code.json", out / "data" / "criminal-code.json")
    shutil.copytree(REPO / "reference", out / "reference")
    desc = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    for k in ("version", "created"):
        desc.pop(k, None)
    for res in desc["resources"]:
        for k in ("bytes", "hash", "rows"):
            res.pop(k, None)
    (out / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    cols = {t: [f["name"] for f in json.loads((REPO / "schemas" / f"{t}.json").read_text(encoding="utf-8"))["fields"]]
            for t in ("sources", "organisations", "persons", "cases", "charges", "sentences", "events", "disputes", "exceptions", "retired")}
    rows: dict[str, list[dict]] = {t: [] for t in cols}
    n_sources = max(5, persons // 50)
    for i in range(n_sources):
        rows["sources"].append(dict(id=f"src-{i:06d}", publisher="Example Monitor", title=f"Report {i}",
                                    published="2026-06-30", url=f"https://example.org/reports/{i}", kind="ngo_report", language="en"))
    rows["organisations"].append(dict(id="example-movement", name="Example Movement", banned_date="2018-03",
                                      banned_by="A court", sources="src-000000"))
    case_no = 0
    person_ids = []
    for i in range(persons):
        # every name is distinct (a syllable code per person), so the duplicate check has nothing to report
        given, surname = rnd.choice(GIVEN), rnd.choice(SURNAME) + _code(i)
        pid = f"{surname.lower()}-{given.lower()}"
        person_ids.append(pid)
        town, region = rnd.choice(TOWNS)
        src = f"src-{rnd.randrange(n_sources):06d}"
        n_cases = 1 if rnd.random() < 0.8 else 2
        status, status_date = "in_prison", "2025-06-30"
        for c in range(n_cases):
            year = rnd.randint(2019, 2024)
            cid = f"{town.lower()}-{year}-case-{case_no:07d}"
            case_no += 1
            rows["cases"].append(dict(id=cid, title=f"Case {case_no}", place=town, opened=f"{year}-01",
                                      banned_organisation="example-movement", sources=src))
            acts_from = dt.date(year, 1, rnd.randint(1, 28))
            detained = acts_from + dt.timedelta(days=rnd.randint(30, 120))
            charged = detained + dt.timedelta(days=rnd.randint(1, 20))
            verdict = charged + dt.timedelta(days=rnd.randint(30, 150))
            for k, (art, part, label) in enumerate(rnd.sample(ARTICLES, rnd.randint(1, 3))):
                rows["charges"].append(dict(id=f"{pid}-{year}-{c}-{art}", case=cid, person=pid, code="2014", article=art,
                                            part=part, label=label, charged_date=_d(charged), acts_from=_d(acts_from),
                                            acts_to=_d(acts_from + dt.timedelta(days=10)), outcome="convicted", sources=src))
            years = rnd.randint(1, 7)
            prison = rnd.random() < 0.6
            rows["sentences"].append(dict(id=f"{pid}-{year}-{c}-main", case=cid, person=pid, verdict_date=_d(verdict),
                                          instance="first_instance", in_absentia="false",
                                          kind="imprisonment" if prison else "restriction_of_freedom", term=f"P{years}Y",
                                          role="main", sources=src))
            if rnd.random() < 0.5:
                rows["sentences"].append(dict(id=f"{pid}-{year}-{c}-ban", case=cid, person=pid, verdict_date=_d(verdict),
                                              instance="first_instance", in_absentia="false", kind="activity_ban",
                                              term=f"P{rnd.randint(1, 5)}Y", role="additional", scope="public activity", sources=src))
            events = [("detained", detained), ("charged", charged), ("convicted", verdict)]
            if rnd.random() < 0.5:
                events.append(("appeal_rejected", verdict + dt.timedelta(days=rnd.randint(20, 60))))
            release = None
            if prison and rnd.random() < 0.3:
                release = verdict + dt.timedelta(days=rnd.randint(90, 300))
                events.append(("released", release))
            for typ, day in events:
                rows["events"].append(dict(id=f"{pid}-{c}-{_d(day)}-{typ.replace('_', '-')}", person=pid, case=cid, type=typ,
                                           date=_d(day), sources=src))
            end = verdict.replace(year=verdict.year + years)
            if c == n_cases - 1:
                if release:
                    status, status_date = "released", _d(release)
                elif prison:
                    status, status_date = ("in_prison", _d(verdict)) if end > dt.date(2026, 6, 30) else ("released", _d(verdict))
                else:
                    status, status_date = "restricted_freedom", _d(verdict)
        if status == "released" and not any(e["type"] == "released" for e in rows["events"][-5:] if e["person"] == pid):
            status = "unknown"
        rows["persons"].append(dict(id=pid, name=f"{given} {surname}", sex="female" if surname.endswith("a") else "male",
                                    birth_year=str(rnd.randint(1950, 1995)), place=town, region=region, roles="activist",
                                    affiliations="example-movement", status=status, status_date=status_date,
                                    distinct_from="", sources=src))
    counts = {}
    for table, header in cols.items():
        data = sorted(rows[table], key=lambda r: r.get("id", ""))
        with open(out / "data" / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
            w.writeheader()
            for r in data:
                w.writerow({c: r.get(c, "") for c in header})
        counts[table] = len(data)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--persons", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    counts = generate(args.out, args.persons, args.seed)
    print(f"{args.out}: {sum(counts.values())} rows", counts)


if __name__ == "__main__":
    main()
