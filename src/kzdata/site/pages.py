"""What each page holds, and the order they are written in: for each language the index of persons, the
browsing lists (status, region, article, organisation, year, all persons by page), a page per person, case,
article, organisation and source, the figures and the about page.

Everything is indexed once (kzdata.site.data.prepare) and each page is rendered once; rows of the person
tables are rendered once per language and reused by every list they appear in.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..schema import sensitive_fields
from . import assets, charts, i18n
from .data import date_key, package_info, prepare, public_dataset, safe_id, slug, timeline
from .render import LROOT, Helpers, Writer, article_file, make_env, page_paths, paginate, script_json

PAGE_SIZE = 1000          # persons per page of a list
INLINE_MEMBERS = 200      # members listed on an organisation's own page (the rest on its list)
SUPPORT_SHOWN = 500       # records per table listed on a source's page

STATUS_ORDER = list(i18n.ENUMS["status"])


def _raw(ctx, sd) -> dict:
    """The cells the typed records do not carry (sources' archive address and access date, persons'
    distinct_from) and the cells of disputed records, as written, with the sensitive columns left out."""
    raw: dict = {}
    wanted = {(t, r) for (t, r) in sd.disputes}
    for name in ("sources", "persons", "organisations", "cases", "charges", "sentences", "events"):
        hidden = sensitive_fields(ctx.pkg.schemas.get(name) or {})
        for row in ctx.rows.get(name, []):
            rid = row.rec.get("id", "")
            if name == "sources":
                raw[(name, rid)] = {k: ("" if k in hidden else row.rec.get(k, "")) for k in ("archive_url", "accessed")}
            elif name == "persons" and row.rec.get("distinct_from") and "distinct_from" not in hidden:
                raw.setdefault((name, rid), {})["distinct_from"] = row.rec.get("distinct_from", "")
            if (name, rid) in wanted:
                raw.setdefault((name, rid), {}).update({k: v for k, v in row.rec.items() if k not in hidden})
    return raw


def build_all(ctx, report, out: Path, repository_url: str = "", downloads: bool = True, progress=None) -> list[str]:
    from ..dates import parse_partial

    ds = public_dataset(ctx, report)
    sd = prepare(ds, STATUS_ORDER)
    raw = _raw(ctx, sd)
    env = make_env()
    w = Writer(out)
    info = package_info(ctx.pkg.root, ctx.pkg.descriptor if isinstance(ctx.pkg.descriptor, dict) else {})
    info["repo_url"] = repository_url
    tpl = {name: env.get_template(f"{name}.html") for name in
           ("index", "listing", "browse", "person", "case", "article", "articles", "organisation", "organisations", "source",
            "sources", "cases", "charts", "about", "row")}

    assets.write_static(w)
    vocab = assets.write_search_index(w, sd)
    if progress and downloads:
        progress("writing the downloads")
    dl = assets.write_downloads(w, ctx, info) if downloads else []
    figures = charts.chart_data(sd)
    persons = ds.persons

    w.write("index.html", env.get_template("root.html").render(
        title_en=i18n.ui("site_title", "en"), title_ru=i18n.ui("site_title", "ru"),
        tagline_en=i18n.ui("site_tagline", "en"), tagline_ru=i18n.ui("site_tagline", "ru")))

    def make_page(lang: str):
        other = "ru" if lang == "en" else "en"
        h = Helpers(sd, lang, raw)
        t = lambda key, _l=lang, **kw: i18n.ui(key, _l, **kw)  # noqa: E731

        def page(rel: str, name: str, title: str, section: str = "", **values) -> None:
            depth = rel.count("/")
            lroot = "../" * depth
            w.write(f"{lang}/{rel}", tpl[name].render(
                lang=lang, other_lang=other, root="../" * (depth + 1), lroot=lroot,
                other_href=f"{'../' * (depth + 1)}{other}/{rel}", title=title, section=section, t=t, h=h, info=info, **values))

        return page, h, t

    def charts_page(lang: str, drawn=None) -> None:
        page, _, t = make_page(lang)
        page("charts.html", "charts", t("charts_heading"), "charts", charts=drawn.result() if drawn else charts.render(figures, lang))

    def render_language(lang: str, with_charts: bool = True) -> None:
        drawn = None
        if with_charts:
            # vl-convert draws outside the interpreter's lock: the charts are drawn while the pages are written
            import concurrent.futures

            pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
            drawn = pool.submit(charts.render, figures, lang)
            pool.shutdown(wait=False)
        page, h, t = make_page(lang)

        # rows of the person tables: rendered once, reused by every list (LROOT stands for the way back)
        rows = {pid: tpl["row"].render(p=persons[pid], h=h, lroot=LROOT, t=t) for pid in sd.persons_sorted}

        def rows_for(pids, lroot):
            from markupsafe import Markup

            return [Markup(rows[pid].replace(LROOT, lroot)) for pid in pids]

        def listing(base: str, heading: str, group: str, pids: list[str], intro: str = "") -> str:
            chunks = paginate(pids, PAGE_SIZE)
            paths = page_paths(f"list/{base}", len(chunks))
            pages = [{"n": i + 1, "path": p, "label": str(i + 1)} for i, p in enumerate(paths)]
            for i, chunk in enumerate(chunks):
                page(paths[i], "listing", heading, "browse", heading=heading, group=group, intro=intro, total=len(pids),
                     rows=rows_for(chunk, "../"), pages=pages, page=i + 1)
            return paths[0]

        # the index and the pages of all persons
        all_pids = sd.persons_sorted
        chunks = paginate(all_pids, PAGE_SIZE)
        paths = page_paths("list/all", len(chunks), first="index.html")
        pages = [{"n": i + 1, "path": p, "label": str(i + 1)} for i, p in enumerate(paths)]
        letters = []
        if len(chunks) > 1:
            seen = set()
            for i, pid in enumerate(all_pids):
                letter = pid[:1].upper()
                if letter not in seen:
                    seen.add(letter)
                    letters.append({"label": letter, "href": paths[i // PAGE_SIZE]})
        for i, chunk in enumerate(chunks[1:], start=1):
            page(paths[i], "listing", t("all_persons"), "persons", heading=t("all_persons"), group=t("all_persons"), intro="",
                 total=len(all_pids), rows=rows_for(chunk, "../"), pages=pages, page=i + 1)
        status_count = Counter(p.status for p in persons.values())
        region_count = Counter(p.region for p in persons.values() if p.region)
        art_count = Counter(a for pid in persons for a in sd.person_articles.get(pid, []))
        org_count = Counter(o for p in persons.values() for o in dict.fromkeys(p.affiliation_ids) if o in ds.organisations)
        year_count = Counter(y for ys in sd.person_years.values() for y in ys)
        filters = {
            "status": [(s, status_count[s]) for s in sd.statuses],
            "region": [(i, r, region_count[r]) for i, r in enumerate(vocab["regions"])],
            "article": [(i, a, art_count[a]) for i, a in enumerate(vocab["articles"])],
            "org": [(i, ds.organisations[o], org_count[o]) for i, o in enumerate(vocab["orgs"])],
            "year": [(y, year_count[y]) for y in sd.years_sorted],
        }
        labels = i18n.js_labels(lang)
        labels["regions"] = [i18n.region(r, lang) for r in vocab["regions"]]
        labels["articles"] = [h.article_short(c, a) for c, a in vocab["articles"]]
        page("index.html", "index", t("persons_heading"), "persons", rows=rows_for(chunks[0], ""), total=len(all_pids),
             pages=pages, letters=letters, filters=filters, labels_json=script_json(labels))

        # browsing lists
        groups = []
        by_status: dict[str, list[str]] = {}
        by_region: dict[str, list[str]] = {}
        by_year: dict[int, list[str]] = {}
        by_org: dict[str, list[str]] = {}
        by_art: dict[tuple, list[str]] = {}
        for pid in all_pids:
            p = persons[pid]
            by_status.setdefault(p.status, []).append(pid)
            if p.region:
                by_region.setdefault(p.region, []).append(pid)
            for y in sd.person_years.get(pid, ()):
                by_year.setdefault(y, []).append(pid)
            for o in dict.fromkeys(p.affiliation_ids):
                if o in ds.organisations:
                    by_org.setdefault(o, []).append(pid)
            for a in sd.person_articles.get(pid, []):
                by_art.setdefault(a, []).append(pid)
        items = []
        for s in sd.statuses:
            label = h.label("status", s)
            items.append({"label": label, "n": len(by_status[s]),
                          "href": listing(f"status-{h.css(s) or slug(s)}", label, t("by_status"), by_status[s])})
        groups.append({"title": t("by_status"), "entries": items})
        items = []
        for r in sd.regions_sorted:
            label = h.region(r)
            items.append({"label": label, "n": len(by_region[r]), "lang": None if h.region_known(r) else "en",
                          "href": listing(f"region-{slug(r)}", label, t("by_region"), by_region[r])})
        groups.append({"title": t("by_region"), "entries": items})
        items = []
        for a in sd.articles_sorted:
            if a not in by_art:
                continue
            label = h.article_short(*a)
            items.append({"label": label, "n": len(by_art[a]),
                          "href": listing(f"article-{article_file(*a)}", label, t("by_article"), by_art[a],
                                          intro=(ds.article(*a) or {}).get("title_ru", ""))})
        groups.append({"title": t("by_article"), "entries": items})
        items = []
        for o in sorted(by_org, key=lambda o: ds.organisations[o].name.casefold()):
            org = ds.organisations[o]
            items.append({"label": org.name, "n": len(by_org[o]),
                          "href": listing(f"org-{safe_id(o)}", org.name, t("by_organisation"), by_org[o])})
        groups.append({"title": t("by_organisation"), "entries": items})
        items = [{"label": str(y), "n": len(by_year[y]), "href": listing(f"year-{y}", str(y), t("by_year"), by_year[y],
                                                                           intro=t("year_help"))} for y in sorted(by_year)]
        groups.append({"title": t("by_year") + " (" + t("year_help") + ")", "entries": items})
        groups.append({"title": t("by_letter"), "entries": [{"label": f"{t('page_n', n=i + 1)}: {c[0]} – {c[-1]}", "n": len(c),
                                                          "href": paths[i]} for i, c in enumerate(chunks) if c]})
        page("browse.html", "browse", t("browse_heading"), "browse", groups=groups)

        # a page per person
        for n, pid in enumerate(all_pids):
            p = persons[pid]
            srcs = _sources_of_person(sd, p)
            distinct = [x for x in raw.get(("persons", pid), {}).get("distinct_from", "").split(";") if x]
            page(f"person/{safe_id(pid)}.html", "person", p.name or pid, "persons", p=p, items=timeline(sd, pid),
                 charges=sorted(sd.charges_by_person.get(pid, []), key=lambda c: (date_key(sd.charge_dates.get(c.id)), c.id)),
                 sentences=sorted(sd.sentences_by_person.get(pid, []), key=lambda s: (date_key(s.verdict_date), s.id)),
                 cases=[ds.cases[c] for c in sd.cases_by_person.get(pid, [])], srcs=srcs, p_distinct=distinct)
            if progress and n % 5000 == 0:
                progress(f"{lang}: person pages {n:,}/{len(all_pids):,}")

        # cases
        if progress:
            progress(f"{lang}: cases, articles, organisations, sources, figures")
        case_ids = sorted(ds.cases, key=lambda c: (date_key(ds.cases[c].opened), c))
        for cid in case_ids:
            c = ds.cases[cid]
            defs = []
            for pid in sd.defendants.get(cid, []):
                defs.append({"p": h.person(pid), "charges": [x for x in sd.charges_by_case.get(cid, []) if x.person_id == pid],
                             "sentences": sorted([x for x in sd.sentences_by_case.get(cid, []) if x.person_id == pid],
                                                 key=lambda s: (date_key(s.verdict_date), s.id))})
            evs = sorted(sd.events_by_case.get(cid, []), key=lambda e: (date_key(e.date), e.id))
            srcs = _sources(ds, c.source_ids, [r for d in defs for r in d["charges"] + d["sentences"]] + evs)
            page(f"case/{safe_id(cid)}.html", "case", c.title or cid, "cases", c=c, defendants=defs, events=evs, srcs=srcs)
        case_rows = [(ds.cases[c], len(sd.defendants.get(c, []))) for c in case_ids]
        chunks_c = paginate(case_rows, PAGE_SIZE)
        paths_c = page_paths("list/cases", len(chunks_c), first="cases.html")
        pages_c = [{"n": i + 1, "path": p, "label": str(i + 1)} for i, p in enumerate(paths_c)]
        for i, chunk in enumerate(chunks_c):
            page(paths_c[i], "cases", t("cases_heading_all"), "cases", cases=chunk, total=len(case_rows), pages=pages_c, page=i + 1)

        # articles
        art_rows = []
        for a in sd.articles_sorted:
            ref = ds.article(*a) or {}
            charges = sorted(sd.charges_by_article[a], key=lambda c: (date_key(sd.charge_dates.get(c.id)), c.id))
            per_year = Counter(sd.charge_dates[c.id].start.year for c in charges if sd.charge_dates.get(c.id))
            undated = sum(1 for c in charges if not sd.charge_dates.get(c.id))
            yrs = sorted(per_year.items()) + ([(t("undated"), undated)] if undated else [])
            n_persons = len({c.person_id for c in charges})
            heading = i18n.ui("article_full", lang, article=a[1], code=i18n.label("code", a[0], lang))
            chunks_a = paginate([(c, sd.charge_dates.get(c.id)) for c in charges], PAGE_SIZE)
            base = f"article/{article_file(*a)}"
            paths_a = page_paths(base, len(chunks_a))
            pages_a = [{"n": i + 1, "path": p, "label": str(i + 1)} for i, p in enumerate(paths_a)]
            for i, chunk in enumerate(chunks_a):
                page(paths_a[i], "article", heading, "articles", heading=heading, ref=ref, rows=chunk, n_persons=n_persons,
                     per_year=yrs, max_year=max([n for _, n in yrs] or [1]), pages=pages_a, page=i + 1, n_charges=len(charges))
            art_rows.append({"code": a[0], "article": a[1], "title": ref.get("title_ru", ""), "charges": len(charges),
                             "persons": n_persons})
        page("articles.html", "articles", t("articles_heading"), "articles", articles=art_rows)

        # organisations
        org_rows = []
        for oid in sorted(ds.organisations, key=lambda o: ds.organisations[o].name.casefold()):
            o = ds.organisations[oid]
            members = by_org.get(oid, [])
            cases = [ds.cases[c] for c in sorted(sd.cases_by_org.get(oid, []), key=lambda c: (date_key(ds.cases[c].opened), c))]
            page(f"organisation/{safe_id(oid)}.html", "organisation", o.name or oid, "organisations", o=o,
                 rows=rows_for(members[:INLINE_MEMBERS], "../"), more=len(members) > INLINE_MEMBERS, n_members=len(members),
                 cases=cases, srcs=_sources(ds, o.source_ids, []))
            org_rows.append((o, len(members)))
        page("organisations.html", "organisations", t("organisations_heading"), "organisations", orgs=org_rows)

        # sources
        src_rows = []
        for sid in sorted(ds.sources, key=lambda s: (date_key(ds.sources[s].published), s)):
            s = ds.sources[sid]
            groups_s = []
            total = 0
            for table in ("persons", "organisations", "cases", "charges", "sentences", "events"):
                recs = sd.citing.get(sid, {}).get(table, [])
                total += len(recs)
                if recs:
                    groups_s.append({"title": h.label("table", table), "n": len(recs), "more": len(recs) > SUPPORT_SHOWN,
                                     "entries": [_support_item(h, table, r) for r in recs[:SUPPORT_SHOWN]]})
            accessed = parse_partial(raw.get(("sources", sid), {}).get("accessed", "") or "")
            page(f"source/{safe_id(sid)}.html", "source", s.title or sid, "sources", s=s, groups=groups_s, accessed=accessed)
            src_rows.append((s, total))
        page("sources.html", "sources", t("sources_heading"), "sources", sources=src_rows)

        # figures and about
        if with_charts:
            charts_page(lang, drawn)
        counts = [(name, len(getattr(ds, name))) for name in ("persons", "cases", "charges", "sentences", "events",
                                                               "organisations", "sources")]
        cff = _citation(ctx.pkg.root)
        page("about.html", "about", t("about_heading"), "about", counts=counts, n_sources=len(ds.sources),
             citation_text=_cite_text(info, ctx.pkg.descriptor, repository_url), citation_cff=cff, repo_url=repository_url,
             downloads=[{**d, "what": t(d["what"])} for d in dl])

    if len(persons) >= PARALLEL_MIN and _can_fork():
        _in_parallel(render_language, charts_page, w, out)
    else:
        for lang in i18n.LANGS:
            render_language(lang)
    return w.files


PARALLEL_MIN = 5000       # from this many persons, the two languages are written by two processes


def _can_fork() -> bool:
    import multiprocessing
    import os

    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


def _in_parallel(render_language, charts_page, w: Writer, out: Path) -> None:
    """The first language here, the second in a forked process (which shares every index, copy-on-write);
    the child's list of files comes back in a file of the staging directory. The child draws no chart: the
    renderer's threads do not survive a fork (an earlier build in this process may have started them), so
    this process writes both figures pages."""
    import multiprocessing
    import os

    first, second = i18n.LANGS
    listing = out / ".files-child"

    def child() -> None:
        w.files.clear()
        render_language(second, with_charts=False)
        listing.write_text("\n".join(w.files), encoding="utf-8")
        os._exit(0)   # no atexit handlers or buffers of the parent run twice

    proc = multiprocessing.get_context("fork").Process(target=child, daemon=True)
    proc.start()
    try:
        render_language(first)
        charts_page(second)
    finally:
        proc.join()
    if proc.exitcode != 0 or not listing.is_file():
        raise RuntimeError(f"the process writing the {second} pages failed (exit status {proc.exitcode})")
    w.files.extend(f for f in listing.read_text(encoding="utf-8").split("\n") if f)
    listing.unlink()


def _sources(ds, ids, rows) -> list:
    seen = dict.fromkeys(ids)
    for r in rows:
        seen.update(dict.fromkeys(r.source_ids))
    return [ds.sources[s] for s in seen if s in ds.sources]


def _sources_of_person(sd, p) -> list:
    rows = sd.charges_by_person.get(p.id, []) + sd.sentences_by_person.get(p.id, []) + sd.events_by_person.get(p.id, [])
    rows += [sd.ds.cases[c] for c in sd.cases_by_person.get(p.id, [])]
    return _sources(sd.ds, p.source_ids, rows)


def _support_item(h, table: str, r) -> dict:
    if table == "persons":
        return {"person": r}
    if table == "organisations":
        return {"org": r}
    if table == "cases":
        return {"case": r, "date": r.opened}
    if table == "charges":
        return {"person": h.person(r.person_id), "what": h.article(r), "date": r.charged_date}
    if table == "sentences":
        return {"person": h.person(r.person_id), "what": h.sentence(r), "date": r.verdict_date}
    return {"person": h.person(r.person_id), "what": h.label("event", r.type), "date": r.date}


def _citation(root: Path) -> str:
    """CITATION.cff beside the package (the repository's), if there is one."""
    f = Path(root) / "CITATION.cff"
    try:
        return f.read_text(encoding="utf-8") if f.is_file() and f.stat().st_size < 100_000 else ""
    except (OSError, UnicodeDecodeError):
        return ""


def _cite_text(info: dict, descriptor, repo_url: str) -> str:
    authors = ", ".join(c.get("title", "") for c in (descriptor.get("contributors") or []) if isinstance(c, dict)) if isinstance(descriptor, dict) else ""
    year = info["date"][:4]
    text = f"{authors or 'The kzdata contributors'} ({year}). {info['title'] or 'kzdata'} (kzdata, version {info['version']}) [Data set]."
    return text + (f" {repo_url}" if repo_url else "")
