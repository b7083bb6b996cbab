// The report's filters. The overview (totals, top matrix, network, time charts) is
// recounted in the page from the folded records in #report-data after a filter by label,
// party and period; the counts drawn by stancer are those of no filter. A query string
// (?label=dispute,praise&party=IND&from=2016-01&to=2016-03) sets the filters when the
// page opens, and every change writes it back, so that a filtered view can be linked to.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var LABELS = ["support", "dispute", "praise"];
  var form = document.getElementById("filters");
  var N = data.periods.length;
  if (!form) return;

  function zeros(n) {
    var a = [];
    for (var i = 0; i < n; i++) a.push([0, 0, 0]);
    return a;
  }
  function sum(c) { return c[0] + c[1] + c[2]; }
  function dominant(c) {
    var m = Math.max(c[0], c[1], c[2]);
    var top = c.filter(function (x) { return x === m; }).length;
    return m > 0 && top === 1 ? LABELS[c.indexOf(m)] : "mixed";
  }

  function read() {
    var e = form.elements;
    var f = {
      labels: LABELS.map(function (l) { return e["label-" + l].checked; }),
      party: e.party.value === "" ? -1 : +e.party.value,
      from: e.from ? +e.from.value : 0,
      to: e.to ? +e.to.value : N - 1
    };
    f.ranged = f.from > 0 || f.to < N - 1;
    return f;
  }

  function fromQuery() {
    var q = new URLSearchParams(location.search), e = form.elements;
    if (q.has("label")) {
      var want = q.get("label").split(",");
      LABELS.forEach(function (l) { e["label-" + l].checked = want.indexOf(l) >= 0; });
    }
    if (q.has("party")) {
      var i = data.parties.indexOf(q.get("party"));
      e.party.value = i >= 0 ? String(i) : "";
    }
    if (e.from && q.has("from")) {
      var a = data.periods.findIndex(function (p) { return p >= q.get("from"); });
      e.from.value = String(a < 0 ? N - 1 : a);
    }
    if (e.to && q.has("to")) {
      var b = -1;
      data.periods.forEach(function (p, k) { if (p <= q.get("to") || p.lastIndexOf(q.get("to"), 0) === 0) b = k; });
      e.to.value = String(b < 0 ? 0 : b);
    }
  }

  function toQuery(f) {
    var q = new URLSearchParams();
    if (!f.labels.every(Boolean)) {
      q.set("label", LABELS.filter(function (l, i) { return f.labels[i]; }).join(","));
    }
    if (f.party >= 0) q.set("party", data.parties[f.party]);
    if (f.ranged) {
      q.set("from", data.periods[f.from]);
      q.set("to", data.periods[f.to]);
    }
    var s = q.toString();
    return location.pathname + (s ? "?" + s : "") + location.hash;
  }

  function recount(f, charts) {
    var r = { totals: [0, 0, 0], cells: {}, made: {}, received: {}, series: {}, claims: 0 };
    charts.forEach(function (key) { r.series[key] = zeros(N); });
    data.records.forEach(function (rec) {
      var h = rec[0], t = rec[1], l = rec[2], p = rec[3], n = rec[4];
      if (!f.labels[l]) return;
      if (f.party >= 0 && h !== f.party && t !== f.party) return;
      if (f.ranged && (p < f.from || p > f.to)) return;
      var key = h + "," + t;
      r.claims += n;
      r.totals[l] += n;
      (r.cells[key] = r.cells[key] || [0, 0, 0])[l] += n;
      r.made[h] = (r.made[h] || 0) + n;
      if (t >= 0) r.received[t] = (r.received[t] || 0) + n;
      if (p >= 0) {
        if (r.series.all) r.series.all[p][l] += n;
        if (r.series[key]) r.series[key][p][l] += n;
      }
    });
    return r;
  }

  function setCounts(el, c) {
    LABELS.forEach(function (l, i) { el.setAttribute("data-" + l, c[i]); });
  }
  function title(el, text) {
    var t = el.querySelector("title");
    if (t) t.textContent = text;
  }
  function countsText(c) {
    return c[0] + " support, " + c[1] + " dispute, " + c[2] + " praise";
  }

  function drawMatrix(r) {
    document.querySelectorAll("td.tcell").forEach(function (td) {
      var c = r.cells[td.dataset.h + "," + td.dataset.t] || [0, 0, 0];
      setCounts(td, c);
      td.className = "tcell dom-" + dominant(c) + (sum(c) ? "" : " zero");
      td.firstElementChild.textContent = sum(c) ? sum(c) : "";
      td.title = td.dataset.name + ": " + countsText(c);
    });
  }

  function drawNetwork(r, f) {
    var svg = document.querySelector("svg.network");
    if (!svg) return;
    var d = svg.dataset, edges = svg.querySelectorAll("path.edge"), nodes = svg.querySelectorAll("g.node");
    var heaviest = 1, busiest = 1;
    edges.forEach(function (e) {
      heaviest = Math.max(heaviest, sum(r.cells[e.dataset.h + "," + e.dataset.t] || [0, 0, 0]));
    });
    nodes.forEach(function (g) {
      var i = g.dataset.i;
      busiest = Math.max(busiest, (r.made[i] || 0) + (r.received[i] || 0));
    });
    edges.forEach(function (e) {
      var c = r.cells[e.dataset.h + "," + e.dataset.t] || [0, 0, 0], cls = dominant(c);
      setCounts(e, c);
      e.setAttribute("class", "edge " + cls);
      e.setAttribute("marker-end", "url(#arrow-" + cls + ")");
      var share = Math.sqrt(sum(c) / heaviest);
      e.setAttribute("stroke-width", (+d.edgeMin + d.edgeSpan * share).toFixed(1));
      e.setAttribute("opacity", (+d.opacityMin + d.opacitySpan * share).toFixed(2));
      e.style.display = sum(c) ? "" : "none";
      title(e, e.dataset.holder + " \u2192 " + e.dataset.target + ": " + countsText(c));
    });
    nodes.forEach(function (g) {
      var i = g.dataset.i, m = r.made[i] || 0, v = r.received[i] || 0;
      g.setAttribute("data-made", m);
      g.setAttribute("data-received", v);
      g.querySelector("circle").setAttribute("r", (+d.nodeMin + d.nodeSpan * Math.sqrt((m + v) / busiest)).toFixed(1));
      g.classList.toggle("idle", m + v === 0);
      g.classList.toggle("picked", +i === f.party);
      title(g, g.dataset.party + ": " + m + " claims made, " + v + " received");
    });
  }

  function drawBars(r) {
    document.querySelectorAll("svg.bars").forEach(function (svg) {
      var series = r.series[svg.dataset.chart], base = +svg.dataset.base, plotH = +svg.dataset.plotH;
      var max = 1;
      series.forEach(function (c) { max = Math.max(max, sum(c)); });
      var ymax = svg.querySelector(".ymax");
      if (ymax) ymax.textContent = max;
      var rects = svg.querySelectorAll("rect"), y = {};
      rects.forEach(function (rect) {
        var i = rect.dataset.i, l = +rect.dataset.l, n = series[i][l], h = n * plotH / max;
        var top = (l === 0 ? base : y[i]) - h;
        y[i] = top;
        rect.setAttribute("data-n", n);
        rect.setAttribute("y", top.toFixed(1));
        rect.setAttribute("height", h.toFixed(1));
        title(rect, data.periods[i] + ": " + n + " " + LABELS[l]);
      });
    });
  }

  function apply() {
    var f = read();
    var charts = [];
    document.querySelectorAll("svg.bars").forEach(function (s) { charts.push(s.dataset.chart); });
    var r = recount(f, charts);
    LABELS.forEach(function (l, i) {
      var el = document.querySelector(".total[data-label=" + l + "] .count");
      if (el) el.textContent = r.totals[i];
    });
    var shown = document.getElementById("shown");
    if (shown) shown.textContent = r.claims;
    drawMatrix(r);
    drawNetwork(r, f);
    drawBars(r);
    document.body.classList.toggle("filtered", r.claims !== +form.dataset.claims);
    return f;
  }

  fromQuery();
  apply();
  form.addEventListener("change", function () {
    var f = apply();
    history.replaceState(null, "", toQuery(f));
  });
  // A party's circle filters by that party; a second click lifts the filter.
  document.querySelectorAll("svg.network g.node").forEach(function (g) {
    g.addEventListener("click", function () {
      var party = form.elements.party;
      party.value = party.value === g.dataset.i ? "" : g.dataset.i;
      history.replaceState(null, "", toQuery(apply()));
    });
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      history.replaceState(null, "", toQuery(apply()));
    }, 0);
  });
})();
