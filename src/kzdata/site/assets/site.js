/* The index page with JavaScript on: search by any spelling, filters and sorting over the index in
   persons-index.js (loaded by a script element, so it works from file:// too). Every value is put into the
   page as text (textContent), never as markup. Without JavaScript the page is a plain table. */
(function () {
  "use strict";
  var STEP = 500;
  function $(id) { return document.getElementById(id); }

  function start() {
    var form = $("kz-filter"), table = $("kz-persons"), data = window.KZDATA_INDEX, fold = window.kzFold;
    if (!form || !table || !data || !fold) { return; }
    var L = JSON.parse($("kz-labels").textContent);
    var V = data.v, P = data.p;
    var tbody = table.tBodies[0], more = $("kz-more"), count = $("kz-count");
    var state = { q: "", status: "", region: "", article: "", org: "", year: "", sort: "", dir: 1 };
    var shown = STEP, matches = null;
    form.hidden = false;

    function fmtDate(text) {
      if (!text) { return ""; }
      var y = text.slice(0, 4), m = text.length >= 7 ? parseInt(text.slice(5, 7), 10) : 0,
        d = text.length === 10 ? parseInt(text.slice(8, 10), 10) : 0;
      if (L.lang === "ru") {
        if (d) { return d + " " + L.months_gen[m - 1] + " " + y + "\u00a0г."; }
        if (m) { return L.months[m - 1] + " " + y + "\u00a0г."; }
        return y + "\u00a0г.";
      }
      if (d) { return d + " " + L.months[m - 1] + " " + y; }
      if (m) { return L.months[m - 1] + " " + y; }
      return y;
    }
    function el(tag, text, attrs) {
      var e = document.createElement(tag);
      if (text) { e.textContent = text; }
      if (attrs) { for (var k in attrs) { e.setAttribute(k, attrs[k]); } }
      return e;
    }
    function link(href, text) { var a = el("a", null, { href: href }); a.appendChild(el("bdi", text)); return a; }
    function joinInto(td, nodes, sep) {
      for (var i = 0; i < nodes.length; i++) {
        if (i) { td.appendChild(document.createTextNode(sep)); }
        td.appendChild(nodes[i]);
      }
    }
    function row(p) {
      var tr = el("tr"), td = el("td");
      td.appendChild(link("person/" + p[0] + ".html", p[1] || p[0]));
      if (p[2]) { td.appendChild(document.createTextNode(" ")); td.appendChild(el("bdi", p[2], { "class": "cyr", lang: "ru" })); }
      if (p[3]) {
        td.appendChild(el("br"));
        var sm = el("small", null, { "class": "muted" });
        joinInto(sm, p[3].split(";").map(function (a) { return el("bdi", a); }), ", ");
        td.appendChild(sm);
      }
      tr.appendChild(td);
      tr.appendChild(el("td", p[4] >= 0 ? (L.status[V.statuses[p[4]]] || V.statuses[p[4]]) : ""));
      var dt = el("td");
      if (p[5]) { dt.appendChild(el("time", fmtDate(p[5]), { datetime: p[5] })); }
      tr.appendChild(dt);
      var rt = el("td");
      if (p[6] >= 0) { rt.appendChild(el("bdi", L.regions[p[6]])); }
      tr.appendChild(rt);
      var ot = el("td");
      joinInto(ot, p[7].map(function (i) { return link("organisation/" + V.orgs[i][0] + ".html", V.orgs[i][1]); }), ", ");
      tr.appendChild(ot);
      var at = el("td");
      joinInto(at, p[8].map(function (i) { return link("article/" + V.articles[i][0] + "-" + V.articles[i][1] + ".html", L.articles[i]); }), ", ");
      tr.appendChild(at);
      return tr;
    }
    function matchesQuery(p, qt) {
      var hay = " " + p[10];
      for (var i = 0; i < qt.length; i++) { if (hay.indexOf(" " + qt[i]) < 0) { return false; } }
      return true;
    }
    function sortKey(p, col) {
      switch (col) {
        case "status": return p[4] >= 0 ? (L.status[V.statuses[p[4]]] || "") : "\uffff";
        case "date": return p[5] ? p[5] : "\uffff";
        case "region": return p[6] >= 0 ? L.regions[p[6]] : "\uffff";
        case "orgs": return p[7].length ? V.orgs[p[7][0]][1] : "\uffff";
        case "articles": return p[8].length ? L.articles[p[8][0]] : "\uffff";
        default: return p[0];
      }
    }
    function compute() {
      var qt = fold.tokens(state.q), out = [];
      var st = state.status, rg = state.region === "" ? -1 : +state.region, ar = state.article === "" ? -1 : +state.article,
        og = state.org === "" ? -1 : +state.org, yr = state.year === "" ? -1 : +state.year;
      for (var i = 0; i < P.length; i++) {
        var p = P[i];
        if (st && V.statuses[p[4]] !== st) { continue; }
        if (rg >= 0 && p[6] !== rg) { continue; }
        if (ar >= 0 && p[8].indexOf(ar) < 0) { continue; }
        if (og >= 0 && p[7].indexOf(og) < 0) { continue; }
        if (yr >= 0 && p[9].indexOf(yr) < 0) { continue; }
        if (qt.length && !matchesQuery(p, qt)) { continue; }
        out.push(p);
      }
      if (state.sort) {
        var col = state.sort, dir = state.dir, lang = L.lang;
        out.sort(function (a, b) {
          var ka = sortKey(a, col), kb = sortKey(b, col);
          var c = ka === kb ? 0 : (ka === "\uffff" ? 1 : kb === "\uffff" ? -1 : ka.localeCompare(kb, lang));
          if (ka !== "\uffff" && kb !== "\uffff") { c *= dir; }
          return c || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
        });
      }
      return out;
    }
    function render() {
      matches = compute();
      while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
      var frag = document.createDocumentFragment(), n = Math.min(shown, matches.length);
      for (var i = 0; i < n; i++) { frag.appendChild(row(matches[i])); }
      tbody.appendChild(frag);
      more.hidden = matches.length <= n;
      count.textContent = !matches.length ? L.no_match
        : L.found.replace("{n}", matches.length).replace("{total}", P.length) + (n < matches.length ? " · " + L.shown.replace("{shown}", n).replace("{n}", matches.length) : "");
      var pager = document.querySelector("nav.pager");
      if (pager) { pager.hidden = true; }
      try { history.replaceState(null, "", "#" + encode()); } catch (e) { /* file:// in some browsers */ }
    }
    function encode() {
      var parts = [];
      ["q", "status", "region", "article", "org", "year", "sort"].forEach(function (k) {
        if (state[k]) { parts.push(k + "=" + encodeURIComponent(state[k])); }
      });
      if (state.sort && state.dir < 0) { parts.push("dir=desc"); }
      return parts.join("&");
    }
    function decode() {
      var h = location.hash.replace(/^#/, "");
      if (!h) { return false; }
      h.split("&").forEach(function (kv) {
        var i = kv.indexOf("="), k = kv.slice(0, i), v = "";
        try { v = decodeURIComponent(kv.slice(i + 1)); } catch (e) { v = ""; }
        if (k === "dir") { state.dir = v === "desc" ? -1 : 1; } else if (k in state) { state[k] = v; }
      });
      ["q", "status", "region", "article", "org", "year"].forEach(function (k) {
        var input = form.elements[k];
        if (input) { input.value = state[k]; state[k] = input.value; }
      });
      return true;
    }
    function update() {
      ["q", "status", "region", "article", "org", "year"].forEach(function (k) { state[k] = form.elements[k].value; });
      shown = STEP;
      render();
      markSort();
    }
    var ths = table.tHead.rows[0].cells;
    function markSort() {
      for (var i = 0; i < ths.length; i++) {
        var col = ths[i].getAttribute("data-col");
        if (state.sort === col) { ths[i].setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending"); }
        else { ths[i].removeAttribute("aria-sort"); }
      }
    }
    for (var i = 0; i < ths.length; i++) {
      (function (th) {
        var b = el("button", th.textContent, { type: "button", "class": "sort" });
        th.textContent = "";
        th.appendChild(b);
        b.addEventListener("click", function () {
          var col = th.getAttribute("data-col");
          if (state.sort === col) { state.dir = -state.dir; } else { state.sort = col; state.dir = 1; }
          shown = STEP;
          render();
          markSort();
        });
      })(ths[i]);
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { state.sort = ""; state.dir = 1; update(); }, 0);
    });
    more.addEventListener("click", function () { shown += STEP; render(); });
    if (decode()) { render(); markSort(); }
    else { count.textContent = L.shown.replace("{shown}", tbody.rows.length).replace("{n}", P.length); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
