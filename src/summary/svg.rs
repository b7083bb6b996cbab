//! The report's pictures as inline SVG, drawn from a [`View`]: the stance network (parties
//! on a circle in the view's order, directed edges coloured by their dominant label) and
//! stacked bar charts of claims per period. Positions depend on nothing but the counts, so
//! the same claims give the same bytes. Every element carries its counts in `data-*`
//! attributes, which the page's filter script rewrites and the tests read.

use super::view::View;
use super::{LabelCounts, cell_anchor, escape_html};
use crate::rules::Label;
use std::f64::consts::PI;
use std::fmt::{self, Write as _};

/// The network's drawing area, which fits beside a time chart at 1400 px; a circle of
/// this radius holds 50 parties 28 px apart.
const NETWORK_WIDTH: f64 = 620.0;
const NETWORK_HEIGHT: f64 = 580.0;
const CIRCLE_RADIUS: f64 = 225.0;
/// Node radius: NODE_MIN plus NODE_SPAN times the square root of the party's share of
/// the busiest party's claims, so that area follows activity.
const NODE_MIN: f64 = 4.0;
const NODE_SPAN: f64 = 14.0;
/// Edge width and opacity, the same way by the busiest edge's claims: among 50 parties
/// the many thin edges fade, and the few heavy ones stand out.
const EDGE_MIN: f64 = 1.0;
const EDGE_SPAN: f64 = 5.0;
const EDGE_OPACITY_MIN: f64 = 0.25;
const EDGE_OPACITY_SPAN: f64 = 0.65;

/// The CSS class of a label's colour, `mixed` for a tie.
fn label_class(counts: &LabelCounts) -> &'static str {
    counts.dominant().map_or("mixed", Label::as_str)
}

/// A cell's or an edge's counts as the `data-*` attributes the filter script rewrites.
pub(super) fn data_counts(c: &LabelCounts) -> String {
    format!(
        "data-support=\"{}\" data-dispute=\"{}\" data-praise=\"{}\"",
        c.support, c.dispute, c.praise
    )
}

/// "1 support, 2 dispute, 0 praise", for a tooltip.
pub(super) fn counts_text(c: &LabelCounts) -> String {
    format!("{} support, {} dispute, {} praise", c.support, c.dispute, c.praise)
}

/// Writes the network of the view's shown parties (not "other"); edges to a folded party
/// or to no target are not drawn, but count toward a node's size.
pub fn write_network(out: &mut String, view: &View) -> fmt::Result {
    let n = view.parties.len();
    let (mut made, mut received) = (vec![0; n], vec![0; n]);
    for (&(h, t, _, _), &count) in &view.records {
        if h < n {
            made[h] += count;
        }
        if let Some(t) = t.filter(|&t| t < n) {
            received[t] += count;
        }
    }
    let activity: Vec<usize> = (0..n).map(|i| made[i] + received[i]).collect();
    let busiest = activity.iter().copied().max().unwrap_or(1).max(1) as f64;
    let radius: Vec<f64> = activity
        .iter()
        .map(|&a| NODE_MIN + NODE_SPAN * (a as f64 / busiest).sqrt())
        .collect();
    let (cx, cy) = (NETWORK_WIDTH / 2.0, NETWORK_HEIGHT / 2.0);
    let angle = |i: usize| -PI / 2.0 + 2.0 * PI * i as f64 / n.max(1) as f64;
    let at = |i: usize| (cx + CIRCLE_RADIUS * angle(i).cos(), cy + CIRCLE_RADIUS * angle(i).sin());

    let mut edges: Vec<((usize, usize), LabelCounts)> = view
        .cells()
        .into_iter()
        .filter_map(|((h, t), c)| match t {
            Some(t) if h < n && t < n => Some(((h, t), c)),
            _ => None,
        })
        .collect();
    // Thin edges first, so that the heavy ones are drawn on top of them.
    edges.sort_by_key(|&(key, c)| (c.total(), key));
    let heaviest = edges.iter().map(|(_, c)| c.total()).max().unwrap_or(1).max(1) as f64;

    writeln!(
        out,
        "<svg class=\"network\" viewBox=\"0 0 {NETWORK_WIDTH} {NETWORK_HEIGHT}\" width=\"{NETWORK_WIDTH}\" \
         height=\"{NETWORK_HEIGHT}\" role=\"img\" aria-label=\"stance network\" data-node-min=\"{NODE_MIN}\" \
         data-node-span=\"{NODE_SPAN}\" data-edge-min=\"{EDGE_MIN}\" data-edge-span=\"{EDGE_SPAN}\" \
         data-opacity-min=\"{EDGE_OPACITY_MIN}\" data-opacity-span=\"{EDGE_OPACITY_SPAN}\">\n<defs>"
    )?;
    for class in ["support", "dispute", "praise", "mixed"] {
        writeln!(
            out,
            "<marker id=\"arrow-{class}\" class=\"arrow-{class}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" \
             markerWidth=\"12\" markerHeight=\"12\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">\
             <path d=\"M0,1 L10,5 L0,9 z\"/></marker>"
        )?;
    }
    writeln!(out, "</defs>\n<g class=\"nodes\">")?;
    for i in 0..n {
        let (x, y) = at(i);
        let name = escape_html(view.name(i));
        let (ux, uy) = (angle(i).cos(), angle(i).sin());
        let anchor = if ux > 0.3 {
            "start"
        } else if ux < -0.3 {
            "end"
        } else {
            "middle"
        };
        // A name stands clear of the loop of the party's claims about itself.
        let looped = edges.iter().any(|&((h, t), _)| h == i && t == i);
        let gap = radius[i] + if looped { 40.0 } else { 6.0 };
        writeln!(
            out,
            "<g class=\"node\" data-i=\"{i}\" data-party=\"{name}\" data-made=\"{m}\" data-received=\"{r}\">\
             <circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{rad:.1}\"/>\
             <text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\" dominant-baseline=\"middle\">{name}</text>\
             <title>{name}: {m} claims made, {r} received</title></g>",
            m = made[i],
            r = received[i],
            rad = radius[i],
            lx = x + ux * gap,
            ly = y + uy * gap,
        )?;
    }
    // Edges over the nodes: a filter can grow a circle over the arrowheads at its rim.
    writeln!(out, "</g>\n<g class=\"edges\">")?;
    for ((h, t), c) in &edges {
        let (h, t) = (*h, *t);
        let d = if h == t {
            self_loop(at(h), angle(h), radius[h])
        } else {
            arc(at(h), at(t), radius[h], radius[t])
        };
        let class = label_class(c);
        let (holder, target) = (escape_html(view.name(h)), escape_html(view.name(t)));
        writeln!(
            out,
            "<a href=\"#{anchor}\"><path class=\"edge {class}\" data-h=\"{h}\" data-t=\"{t}\" \
             data-holder=\"{holder}\" data-target=\"{target}\" {counts} d=\"{d}\" stroke-width=\"{w:.1}\" \
             opacity=\"{o:.2}\" marker-end=\"url(#arrow-{class})\"><title>{holder} &rarr; {target}: {text}</title></path></a>",
            anchor = cell_anchor(view.name(h), view.name(t)),
            counts = data_counts(c),
            w = EDGE_MIN + EDGE_SPAN * (c.total() as f64 / heaviest).sqrt(),
            o = EDGE_OPACITY_MIN + EDGE_OPACITY_SPAN * (c.total() as f64 / heaviest).sqrt(),
            text = counts_text(c),
        )?;
    }
    writeln!(out, "</g>\n</svg>")
}

/// A curved edge from the rim of the node at `a` to the rim of the node at `b`, bent to
/// its left so that the edge back from `b` to `a` takes the other side.
fn arc(a: (f64, f64), b: (f64, f64), ra: f64, rb: f64) -> String {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let bend = 0.18;
    let control = ((a.0 + b.0) / 2.0 + dy * bend, (a.1 + b.1) / 2.0 - dx * bend);
    let toward = |from: (f64, f64), by: f64| {
        let (vx, vy) = (control.0 - from.0, control.1 - from.1);
        let len = (vx * vx + vy * vy).sqrt().max(1e-9);
        (from.0 + vx / len * by, from.1 + vy / len * by)
    };
    let start = toward(a, ra);
    let end = toward(b, rb + 1.0);
    format!(
        "M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}",
        start.0, start.1, control.0, control.1, end.0, end.1
    )
}

/// A party's claims about itself: a loop outside the circle at the node.
fn self_loop(p: (f64, f64), angle: f64, r: f64) -> String {
    let point = |turn: f64, dist: f64| {
        let a = angle + turn;
        (p.0 + a.cos() * dist, p.1 + a.sin() * dist)
    };
    let (s, e) = (point(0.45, r), point(-0.45, r + 1.0));
    let (c1, c2) = (point(0.6, r + 34.0), point(-0.6, r + 34.0));
    format!(
        "M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
        s.0, s.1, c1.0, c1.1, c2.0, c2.1, e.0, e.1
    )
}

/// Geometry of a bar chart.
pub struct Bars {
    pub width: f64,
    pub height: f64,
    /// With axes: the largest total on the left, every few periods' names below.
    pub axis: bool,
}

/// Writes a stacked bar chart of `counts` (one per period of `periods`), support at the
/// bottom, then dispute, then praise. `chart` names it for the filter script.
pub fn write_bars(
    out: &mut String,
    chart: &str,
    periods: &[String],
    counts: &[LabelCounts],
    bars: &Bars,
) -> fmt::Result {
    let (left, bottom, top) = if bars.axis { (44.0, 22.0, 8.0) } else { (0.0, 0.0, 2.0) };
    let plot_w = bars.width - left - 4.0;
    let plot_h = bars.height - top - bottom;
    let n = periods.len().max(1);
    let step = plot_w / n as f64;
    let bar = if step > 4.0 { step * 0.82 } else { step };
    let max = counts.iter().map(LabelCounts::total).max().unwrap_or(0);
    let scale = plot_h / max.max(1) as f64;
    let base = top + plot_h;
    writeln!(
        out,
        "<svg class=\"bars\" data-chart=\"{chart}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         data-base=\"{base}\" data-plot-h=\"{plot_h}\" role=\"img\" aria-label=\"claims per period\">",
        chart = escape_html(chart),
        w = bars.width,
        h = bars.height,
    )?;
    if bars.axis {
        writeln!(
            out,
            "<line class=\"axis\" x1=\"{left}\" y1=\"{base}\" x2=\"{x2}\" y2=\"{base}\"/>\
             <text class=\"ymax\" x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{max}</text>\
             <text x=\"{tx}\" y=\"{base}\" text-anchor=\"end\">0</text>",
            x2 = left + plot_w,
            tx = left - 5.0,
            ty = top + 8.0,
        )?;
        // A name every ~70 px.
        let every = ((70.0 / step).ceil() as usize).max(1);
        for (i, p) in periods.iter().enumerate().step_by(every) {
            writeln!(
                out,
                "<text class=\"xlabel\" x=\"{x:.1}\" y=\"{y}\">{p}</text>",
                x = left + i as f64 * step,
                y = base + 15.0,
                p = escape_html(p)
            )?;
        }
    }
    for (i, (period, c)) in periods.iter().zip(counts).enumerate() {
        let mut y = base;
        for (l, label) in Label::ALL.into_iter().enumerate() {
            let h = c.get(label) as f64 * scale;
            y -= h;
            writeln!(
                out,
                "<rect class=\"{label}\" data-i=\"{i}\" data-l=\"{l}\" data-n=\"{n}\" x=\"{x:.1}\" y=\"{y:.1}\" \
                 width=\"{bar:.1}\" height=\"{h:.1}\"><title>{p}: {n} {label}</title></rect>",
                n = c.get(label),
                x = left + i as f64 * step,
                p = escape_html(period),
            )?;
        }
    }
    writeln!(out, "</svg>")
}
