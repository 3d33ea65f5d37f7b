import csv, json, collections, pathlib
from kzdata.dates import parse_partial
S = pathlib.Path(__file__).resolve().parent; M = S.parent.parent  # staging/issue-3 inside the repository
TABLES = ["organisations", "persons", "cases", "charges", "sentences", "events"]
cols = {t: [f["name"] for f in json.load(open(M/f"schemas/{t}.json"))["fields"]] for t in TABLES}
LISTS = {"aliases", "roles", "affiliations", "distinct_from", "sources"}
def read(p):
    return list(csv.DictReader(open(p, encoding="utf-8"))) if p.exists() else []
parts = "abcd"
data = {t: {p: read(S/f"part-{p}/{t}.csv") for p in parts} for t in TABLES}
weight = collections.Counter()
for t in ("charges", "sentences", "events"):
    for p in parts:
        for r in data[t][p]:
            weight[(r["person"], p)] += 1
def union(vals):
    out = []
    for v in vals:
        for x in v.split(";"):
            if x and x not in out: out.append(x)
    return ";".join(out)
def merge_rows(rows):
    """rows: list of (part, row) in priority order."""
    base = dict(rows[0][1])
    for c in base:
        if c in LISTS:
            base[c] = union([r.get(c, "") for _, r in rows])
        elif not base[c]:
            base[c] = next((r.get(c, "") for _, r in rows if r.get(c)), "")
    return base
out = {}
log = []
for t in TABLES:
    groups = collections.OrderedDict()
    for p in parts:
        for r in data[t][p]:
            groups.setdefault(r["id"], []).append((p, r))
    rows = []
    for rid, g in groups.items():
        if t == "persons" and len(g) > 1:
            g.sort(key=lambda pr: (-weight[(rid, pr[0])], "bcad".index(pr[0])))
            m = merge_rows(g)
            # the latest confirmed status wins
            best = max(g, key=lambda pr: (parse_partial(pr[1]["status_date"]).end if parse_partial(pr[1]["status_date"] or "x") else __import__("datetime").date.min, -("bcad".index(pr[0]))))
            m["status"], m["status_date"] = best[1]["status"], best[1]["status_date"]
            log.append(f"person {rid}: merged from {[p for p,_ in g]}, status {m['status']} {m['status_date']} from part {best[0]}")
            rows.append(m)
        elif len(g) > 1:
            rows.append(merge_rows(g))
            log.append(f"{t} {rid}: merged from {[p for p,_ in g]}")
        else:
            rows.append(g[0][1])
    out[t] = rows
for t in TABLES:
    existing = read(M/f"data/{t}.csv")
    ids = {r["id"] for r in existing}
    rows = existing + [r for r in out[t] if r["id"] not in ids]
    rows.sort(key=lambda r: r["id"])
    with open(M/f"data/{t}.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols[t], lineterminator="\n", extrasaction="raise")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols[t]})
open(S/"merge-log.txt", "w").write("\n".join(log) + "\n")
print(len(log), "merges")
