"""The charts of the figures page, drawn at build time as SVG (Vega-Lite through Altair, rendered by vl-convert),
inlined in the page so that no script is needed to see them. Each chart comes with the table of its figures.

    figures = chart_data(sd)          # plain counts, language-free
    charts = render(figures, "ru")    # [{id, title, help, svg, table}]
"""
from __future__ import annotations

from collections import Counter

from . import i18n
from .data import SiteData, article_key

TOP_ARTICLES = 7
# a palette readable by people with colour-blindness (Okabe & Ito), then greys
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999", "#555555", "#000000",
           "#88CCEE", "#AA4499", "#117733"]
TERM_KINDS = ("imprisonment", "restriction_of_freedom", "suspended_imprisonment")


def chart_data(sd: SiteData) -> dict:
    """Counts for the charts, computed once for both languages."""
    from ..stats import _operative

    ds = sd.ds
    per_article = Counter((c.code, c.article) for c in ds.charges.values())
    top = [a for a, _ in sorted(per_article.items(), key=lambda kv: (-kv[1], kv[0][0], article_key(kv[0][1])))[:TOP_ARTICLES]]
    per_year: Counter = Counter()
    undated = 0
    for c in ds.charges.values():
        when = sd.charge_dates.get(c.id)
        if when is None:
            undated += 1
            continue
        art = (c.code, c.article) if (c.code, c.article) in top else None
        per_year[(when.start.year, art)] += 1
    status_year: Counter = Counter()
    status_undated = 0
    for p in ds.persons.values():
        if p.status_date:
            status_year[(p.status_date.start.year, p.status)] += 1
        else:
            status_undated += 1
    terms: Counter = Counter()
    for s in _operative(ds.sentences.values()):
        if s.kind in TERM_KINDS and s.term is not None and not s.in_absentia:
            terms[(int(s.term.total_years), s.kind)] += 1
    return {"top": top, "per_year": per_year, "undated": undated, "status_year": status_year,
            "status_undated": status_undated, "terms": terms, "statuses": sd.statuses}


def _spec(values: list[dict], x: str, y: str, color: str, title_x: str, title_y: str, order: list[str], description: str,
          x_type: str = "O"):
    import altair as alt

    domain = order
    chart = alt.Chart(alt.Data(values=values), description=description, width=640, height=300)
    return chart.mark_bar().encode(
        x=alt.X(f"{x}:{x_type}", title=title_x, axis=alt.Axis(labelAngle=0, labelColor="#1a1a1a", titleColor="#1a1a1a")),
        y=alt.Y(f"sum({y}):Q", title=title_y, axis=alt.Axis(labelColor="#1a1a1a", titleColor="#1a1a1a", tickMinStep=1, format="d")),
        color=alt.Color(f"{color}:N", title=None, scale=alt.Scale(domain=domain, range=PALETTE[:len(domain)] or PALETTE[:1]),
                        sort=domain, legend=alt.Legend(orient="bottom", columns=3, labelLimit=300, labelColor="#1a1a1a",
                                                        symbolType="square")),
        order=alt.Order("o:Q"),
    ).configure(font="system-ui, sans-serif").configure_view(stroke=None).to_dict(validate=False)   # vl-convert refuses a bad spec anyway


def _svg(spec: dict) -> str:
    import vl_convert as vlc

    from markupsafe import Markup

    svg = vlc.vegalite_to_svg(spec)
    # The figure's own heading and help text name the chart (role="img" on its container): the drawing is one
    # image for assistive technology. Vega writes every label as escaped text; the tests plant markup in them.
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))


def render(fig: dict, lang: str) -> list[dict]:
    t = lambda key, **kw: i18n.ui(key, lang, **kw)  # noqa: E731
    charts = []

    # 1. prosecutions per year by article
    other = t("other_articles")
    names = {a: i18n.ui("article_short", lang, article=a[1], code=a[0]) for a in fig["top"]}
    order = [names[a] for a in fig["top"]] + ([other] if any(a is None for _, a in fig["per_year"]) else [])
    values = [{"year": str(y), "n": n, "article": names.get(a, other), "o": order.index(names.get(a, other))}
              for (y, a), n in sorted(fig["per_year"].items(), key=lambda kv: (kv[0][0], str(kv[0][1])))]
    years = sorted({y for y, _ in fig["per_year"]})
    help1 = t("chart_per_year_help")
    if fig["undated"]:
        help1 += f" ({t('undated')}: {i18n.fmt_int(fig['undated'], lang)})"
    table_rows = []
    for y in years:
        row = [str(y)] + [i18n.fmt_int(sum(n for (yy, a), n in fig["per_year"].items() if yy == y and names.get(a, other) == name), lang)
                          for name in order]
        row.append(i18n.fmt_int(sum(n for (yy, _), n in fig["per_year"].items() if yy == y), lang))
        table_rows.append(row)
    charts.append({"id": "per-year", "title": t("chart_per_year"), "help": help1,
                   "svg": _svg(_spec(values, "year", "n", "article", t("year_axis"), t("charges_axis"), order, t("chart_per_year"))) if values else "",
                   "table": {"columns": [t("year_axis")] + order + [t("total")], "rows": table_rows}})

    # 2. persons by status over time (the year each latest status was reported)
    statuses = [s for s in fig["statuses"] if any(st == s for _, st in fig["status_year"])]
    labels = {s: i18n.label("status", s, lang) for s in statuses}
    order2 = [labels[s] for s in statuses]
    values2 = [{"year": str(y), "n": n, "status": labels[s], "o": statuses.index(s)}
               for (y, s), n in sorted(fig["status_year"].items())]
    years2 = sorted({y for y, _ in fig["status_year"]})
    help2 = t("chart_status_help")
    if fig["status_undated"]:
        help2 += f" ({t('undated')}: {i18n.fmt_int(fig['status_undated'], lang)})"
    rows2 = [[str(y)] + [i18n.fmt_int(fig["status_year"].get((y, s), 0), lang) for s in statuses]
             + [i18n.fmt_int(sum(fig["status_year"].get((y, s), 0) for s in statuses), lang)] for y in years2]
    charts.append({"id": "status", "title": t("chart_status"), "help": help2,
                   "svg": _svg(_spec(values2, "year", "n", "status", t("year_axis"), t("persons_axis"), order2, t("chart_status"))) if values2 else "",
                   "table": {"columns": [t("year_axis")] + order2 + [t("total")], "rows": rows2}})

    # 3. distribution of terms
    kinds = [k for k in TERM_KINDS if any(kk == k for _, kk in fig["terms"])]
    klabels = {k: i18n.label("kind", k, lang) for k in kinds}
    order3 = [klabels[k] for k in kinds]
    top_year = max((y for y, _ in fig["terms"]), default=0)
    values3 = [{"years": y, "n": fig["terms"].get((y, k), 0), "kind": klabels[k], "o": kinds.index(k)}
               for y in range(0, top_year + 1) for k in kinds]
    rows3 = [[i18n.term_words(i18n.Duration(y, 0, 0), lang) if y else "< " + i18n.term_words(i18n.Duration(1, 0, 0), lang)]
             + [i18n.fmt_int(fig["terms"].get((y, k), 0), lang) for k in kinds] for y in range(0, top_year + 1)]
    charts.append({"id": "terms", "title": t("chart_terms"), "help": t("chart_terms_help"),
                   "svg": _svg(_spec(values3, "years", "n", "kind", t("term_axis"), t("persons_axis"), order3, t("chart_terms"))) if values3 else "",
                   "table": {"columns": [t("term_axis")] + order3, "rows": rows3}})
    return charts
