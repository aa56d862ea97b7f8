//! The geometry of the Pareto chart (docs/spec.md §2, "Chart").
//!
//! Everything the chart draws is computed here, in one SVG coordinate
//! system [`WIDTH`] units wide, so that the view only prints numbers. The
//! words (titles, labels, the text summary) are the view's: this module
//! gives the facts they are made of. Two views share the same frame, axes
//! and labels ([`Axes`]):
//!
//! - [`pareto_chart`]: one bar per activity in sorted order, the cumulative
//!   share as a line, and a line at the threshold;
//! - [`time_vs_results_chart`]: each activity's share of results beside its
//!   share of time.
//!
//! Coordinates are rounded to 0.1 to keep the DOM small, and every number is
//! finite and inside the frame.
//!
//! **Text size.** The SVG scales with its width, so its text shrinks on a
//! phone. The stylesheet (`styles/50-chart.css`) therefore sets the size of
//! chart text by the width of the chart's container, from [`FONT_LARGE`]
//! units when narrow (11 px in a 262 px wide chart) down to [`FONT_SMALL`]
//! when wide. The layout leaves room for the largest size. Activity names
//! are only shown under the bars when the chart is wide (at most
//! [`FONT_SMALL`]); rank numbers stand in for them otherwise.
//!
//! ```
//! use social8020_core::{chart, example, pareto};
//!
//! let breakdown = pareto::breakdown(example::bakery()).unwrap();
//! let chart = chart::pareto_chart(&breakdown);
//! assert_eq!(chart.bars.len(), 8);
//! assert_eq!(chart.threshold.percent, 80);
//! assert!(chart.bars[0].is_vital && !chart.bars[7].is_vital);
//! ```

use crate::number::decimal;
use std::fmt::Write as _;

use crate::pareto::{Breakdown, TOLERANCE};

/// Width of the SVG coordinate system. The height depends on the labels.
pub const WIDTH: f64 = 640.0;
/// Largest font size of chart text, in coordinate units, that the layout
/// makes room for (the stylesheet's size for a narrow chart).
pub const FONT_LARGE: f64 = 27.0;
/// Largest font size at which activity names are shown under the bars.
pub const FONT_SMALL: f64 = 15.0;
/// Most activities whose names are shown under the bars; beyond this the
/// bars are too narrow and only rank numbers are shown.
pub const MAX_NAMED: usize = 12;
/// Longest name label, in ems (about 14 characters of Latin text, 8 of
/// CJK), before it is cut with "…".
pub const NAME_BUDGET: f64 = 8.4;
/// Id of the hatch pattern that fills the trivial-many bars.
pub const HATCH_ID: &str = "chart-hatch";

/// Height of a chart without names under the bars. A chart with names is
/// taller; where names are hidden the stylesheet crops it to this height
/// (`aspect-ratio: 640 / 324` with `preserveAspectRatio="xMidYMin slice"`),
/// so the empty room for names does not show.
pub const COMPACT_HEIGHT: f64 = PLOT_TOP + PLOT_HEIGHT + RANK_BAND;

/// Room for "100 %" at [`FONT_LARGE`] left of the plot.
const MARGIN_LEFT: f64 = 96.0;
/// Room for the threshold's label, "95 %" at most, right of the plot.
const MARGIN_RIGHT: f64 = 80.0;
const PLOT_TOP: f64 = 60.0;
const PLOT_HEIGHT: f64 = 220.0;
/// Room under the plot for one row of rank numbers at [`FONT_LARGE`].
const RANK_BAND: f64 = 44.0;
/// Space between the plot and the text beside it.
const LABEL_GAP: f64 = 8.0;
const MAX_BAR: f64 = 72.0;
const MIN_GAP: f64 = 1.0;
const MAX_GAP: f64 = 24.0;
/// Beyond this many points the line's markers would merge into a smear.
const MARKERS_UP_TO: usize = 24;
/// Advance of a digit, in ems (DejaVu Sans, among the widest).
const DIGIT_EM: f64 = 0.64;
/// sin 45°, for labels turned by 45 degrees.
const SIN_45: f64 = std::f64::consts::FRAC_1_SQRT_2;

/// The rectangle the bars are drawn in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plot {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    /// The 0 % line.
    pub bottom: f64,
}

/// The SVG's coordinate system.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// The `viewBox` attribute: `"0 0 640 324"`.
    pub view_box: String,
    pub plot: Plot,
}

/// A horizontal gridline of the y axis and its label. The label is drawn at
/// (`label_x`, `y`), anchored at its end and centred on the line.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub y: f64,
    pub x1: f64,
    pub x2: f64,
    pub label_x: f64,
    /// The label's value: 25 for "25 %".
    pub percent: u32,
}

/// A rank number under a bar, anchored at its middle on the baseline `y`.
#[derive(Clone, Debug, PartialEq)]
pub struct RankLabel {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// An activity's name under its bar, turned by 45 degrees and anchored at
/// its end (`text-anchor="end"`) at (`x`, `y`).
#[derive(Clone, Debug, PartialEq)]
pub struct NameLabel {
    pub x: f64,
    pub y: f64,
    /// The name, cut to [`NAME_BUDGET`] with "…".
    pub text: String,
    /// The whole name, for a `<title>`.
    pub full: String,
    /// The `transform` attribute: `"rotate(-45 120.5 292)"`.
    pub transform: String,
}

/// The bracket over the vital-few bars and its label, anchored at its start.
#[derive(Clone, Debug, PartialEq)]
pub struct VitalSpan {
    /// Left edge of the first bar.
    pub x1: f64,
    /// Right edge of the last vital bar.
    pub x2: f64,
    /// The bracket as an SVG path: down-turned ends joined over the bars.
    pub path: String,
    pub label_x: f64,
    pub label_y: f64,
}

/// What both views share: the frame, the y axis, the labels under the bars
/// and the vital-few bracket.
#[derive(Clone, Debug, PartialEq)]
pub struct Axes {
    pub frame: Frame,
    /// Gridlines from 0 % (first) to the top of the axis (last).
    pub ticks: Vec<Tick>,
    /// Rank numbers, at intervals when the bars are narrow.
    pub ranks: Vec<RankLabel>,
    /// Names under every bar; empty beyond [`MAX_NAMED`] activities.
    pub names: Vec<NameLabel>,
    /// `None` only when there are no bars.
    pub vital: Option<VitalSpan>,
}

/// One bar. `y` is its top; its bottom is the plot's bottom.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// 1 for the activity with the most results.
    pub rank: usize,
    pub is_vital: bool,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// The cumulative share of results, one point at each bar's centre.
#[derive(Clone, Debug, PartialEq)]
pub struct Cumulative {
    pub points: Vec<Point>,
    /// The `points` attribute of a `<polyline>`: `"123,250 180.5,120"`.
    pub points_attr: String,
    /// Whether to mark each point; false when there are too many.
    pub markers: bool,
}

/// The horizontal line at the threshold, labelled in the right margin at
/// (`label_x`, `y`), anchored at its start and centred on the line.
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdLine {
    pub x1: f64,
    pub x2: f64,
    pub y: f64,
    pub label_x: f64,
    /// The threshold in percent, for the label: 80 for "80 %".
    pub percent: u8,
}

/// Results and cumulative share on a 0-100 % axis.
#[derive(Clone, Debug, PartialEq)]
pub struct ParetoChart {
    pub axes: Axes,
    /// In sorted order, most results first.
    pub bars: Vec<Bar>,
    pub cumulative: Cumulative,
    pub threshold: ThresholdLine,
}

/// An activity's share of results and, beside it, its share of time.
#[derive(Clone, Debug, PartialEq)]
pub struct BarPair {
    pub result: Bar,
    /// `None` when no hours were entered.
    pub time: Option<Bar>,
}

/// Share of results beside share of time, on an axis from 0 to a round
/// percentage at or above the largest share.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeChart {
    pub axes: Axes,
    pub pairs: Vec<BarPair>,
    /// False when no hours were entered: then only result bars are drawn.
    pub time_known: bool,
}

/// The Pareto view: one bar per activity, the cumulative line and the
/// threshold line.
pub fn pareto_chart(breakdown: &Breakdown) -> ParetoChart {
    let facts = Facts::new(breakdown);
    let layout = Layout::new(&facts, 100);
    let bars: Vec<Bar> = facts
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let (x, width) = layout.single(i);
            layout.bar(row, x, width, row.result)
        })
        .collect();
    let points: Vec<Point> = facts
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| Point {
            x: round(layout.centre(i)),
            y: layout.y(row.cumulative),
        })
        .collect();
    let points_attr = points.iter().fold(String::new(), |mut text, p| {
        let space = if text.is_empty() { "" } else { " " };
        // Writing to a String cannot fail.
        let _ = write!(text, "{space}{},{}", decimal(p.x, 1), decimal(p.y, 1));
        text
    });
    let plot = layout.plot;
    let threshold = ThresholdLine {
        x1: plot.left,
        x2: plot.right,
        y: layout.y(f64::from(facts.threshold) / 100.0),
        label_x: plot.right + LABEL_GAP,
        percent: facts.threshold,
    };
    let vital = layout.vital_span(bars.iter().map(|b| (b.x, b.x + b.width, b.is_vital)));
    ParetoChart {
        axes: layout.axes(&facts, vital),
        bars,
        cumulative: Cumulative {
            markers: points.len() <= MARKERS_UP_TO,
            points,
            points_attr,
        },
        threshold,
    }
}

/// The time view: each activity's share of results beside its share of
/// time. Without hours, only the result bars are drawn.
pub fn time_vs_results_chart(breakdown: &Breakdown) -> TimeChart {
    let facts = Facts::new(breakdown);
    let largest = facts
        .rows
        .iter()
        .flat_map(|row| [Some(row.result), row.time])
        .flatten()
        .fold(0.0, f64::max);
    let top = [20, 40, 60, 80]
        .into_iter()
        .find(|top| largest * 100.0 <= f64::from(*top) + TOLERANCE)
        .unwrap_or(100);
    let layout = Layout::new(&facts, top);
    let pairs: Vec<BarPair> = facts
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            if facts.time_known {
                let ((rx, rw), (tx, tw)) = layout.pair(i);
                BarPair {
                    result: layout.bar(row, rx, rw, row.result),
                    time: row.time.map(|time| layout.bar(row, tx, tw, time)),
                }
            } else {
                let (x, width) = layout.single(i);
                BarPair {
                    result: layout.bar(row, x, width, row.result),
                    time: None,
                }
            }
        })
        .collect();
    let vital = layout.vital_span(pairs.iter().map(|p| {
        let last = p.time.as_ref().unwrap_or(&p.result);
        (p.result.x, last.x + last.width, p.result.is_vital)
    }));
    TimeChart {
        axes: layout.axes(&facts, vital),
        pairs,
        time_known: facts.time_known,
    }
}

/// One activity as the chart needs it.
struct Row {
    rank: usize,
    name: String,
    is_vital: bool,
    result: f64,
    cumulative: f64,
    time: Option<f64>,
}

/// What the chart draws of a breakdown.
struct Facts {
    rows: Vec<Row>,
    threshold: u8,
    time_known: bool,
}

impl Facts {
    fn new(breakdown: &Breakdown) -> Facts {
        let time_known = breakdown.total_hours() > 0.0;
        let rows = breakdown
            .rows()
            .map(|r| Row {
                rank: r.rank,
                name: r.activity.name.clone(),
                is_vital: r.vital,
                result: r.figures.result_share,
                cumulative: r.figures.cumulative_share,
                time: r.figures.time_share.filter(|_| time_known),
            })
            .collect();
        Facts {
            rows,
            threshold: breakdown.scenario().threshold().percent(),
            time_known,
        }
    }
}

/// Where things go, for a given number of bars and top of the y axis.
struct Layout {
    plot: Plot,
    height: f64,
    slot: f64,
    /// Top of the y axis in percent.
    top: u32,
    names: Vec<(String, String)>,
}

impl Layout {
    fn new(facts: &Facts, top: u32) -> Layout {
        let count = facts.rows.len();
        let names: Vec<(String, String)> = if count <= MAX_NAMED {
            facts
                .rows
                .iter()
                .map(|r| (truncate(&r.name), r.name.clone()))
                .collect()
        } else {
            Vec::new()
        };
        // Names turned by 45 degrees hang below the plot: room for the
        // longest at the size it is shown at.
        let longest = names
            .iter()
            .map(|(text, _)| text_ems(text))
            .fold(0.0, f64::max);
        let name_band = if names.is_empty() {
            0.0
        } else {
            (LABEL_GAP + (longest + 1.0) * FONT_SMALL * SIN_45 + LABEL_GAP).ceil()
        };
        let bottom = PLOT_TOP + PLOT_HEIGHT;
        let plot = Plot {
            left: MARGIN_LEFT,
            top: PLOT_TOP,
            right: WIDTH - MARGIN_RIGHT,
            bottom,
        };
        Layout {
            plot,
            height: bottom + RANK_BAND.max(name_band),
            slot: (plot.right - plot.left) / count.max(1) as f64,
            top,
            names,
        }
    }

    /// The y coordinate of a share (0 to 1) on this axis.
    fn y(&self, share: f64) -> f64 {
        let fraction = (share * 100.0 / f64::from(self.top)).clamp(0.0, 1.0);
        round(self.plot.bottom - fraction * PLOT_HEIGHT)
    }

    fn centre(&self, i: usize) -> f64 {
        self.plot.left + (i as f64 + 0.5) * self.slot
    }

    /// The width of the marks in slot `i`, centred in it, with a gap that
    /// shrinks with the slot but never to nothing.
    fn marks(&self, i: usize, max: f64) -> (f64, f64) {
        let gap = (self.slot * 0.25).clamp(MIN_GAP.min(self.slot / 2.0), MAX_GAP);
        let width = (self.slot - gap).min(max);
        (self.centre(i) - width / 2.0, width)
    }

    /// The x and width of the only bar in slot `i`.
    fn single(&self, i: usize) -> (f64, f64) {
        let (x, width) = self.marks(i, MAX_BAR);
        (round(x), round(width))
    }

    /// The x and width of the result bar and of the time bar in slot `i`.
    fn pair(&self, i: usize) -> ((f64, f64), (f64, f64)) {
        let (x, width) = self.marks(i, 2.0 * MAX_BAR);
        let inner = (width * 0.1).min(4.0);
        let each = (width - inner) / 2.0;
        (
            (round(x), round(each)),
            (round(x + each + inner), round(each)),
        )
    }

    fn bar(&self, row: &Row, x: f64, width: f64, share: f64) -> Bar {
        let y = self.y(share);
        Bar {
            rank: row.rank,
            is_vital: row.is_vital,
            x,
            y,
            width,
            height: round(self.plot.bottom - y),
        }
    }

    /// The bracket over the vital slots, given each slot's left and right
    /// edges and whether it is vital, in order.
    fn vital_span(&self, mut slots: impl Iterator<Item = (f64, f64, bool)>) -> Option<VitalSpan> {
        let (x1, first_right, _) = slots.next()?;
        let right = slots
            .take_while(|(_, _, vital)| *vital)
            .last()
            .map_or(first_right, |(_, right, _)| right);
        let x2 = round(right);
        let (line, ends) = (PLOT_TOP - 18.0, PLOT_TOP - 10.0);
        Some(VitalSpan {
            x1,
            x2,
            path: format!(
                "M{} {}V{}H{}V{}",
                decimal(x1, 1),
                decimal(ends, 1),
                decimal(line, 1),
                decimal(x2, 1),
                decimal(ends, 1)
            ),
            label_x: x1,
            label_y: PLOT_TOP - 30.0,
        })
    }

    fn axes(&self, facts: &Facts, vital: Option<VitalSpan>) -> Axes {
        let plot = self.plot;
        let ticks = (0..=4)
            .map(|step| {
                let percent = self.top * step / 4;
                Tick {
                    y: self.y(f64::from(percent) / 100.0),
                    x1: plot.left,
                    x2: plot.right,
                    label_x: plot.left - LABEL_GAP,
                    percent,
                }
            })
            .collect();
        let count = facts.rows.len();
        let every = rank_step(count, self.slot);
        let rank_y = round(plot.bottom + LABEL_GAP + 0.75 * FONT_LARGE);
        let ranks = (1..=count)
            .filter(|rank| shows_rank(*rank, every))
            .map(|rank| RankLabel {
                x: round(self.centre(rank - 1)),
                y: rank_y,
                text: rank.to_string(),
            })
            .collect();
        let name_y = round(plot.bottom + LABEL_GAP + 0.5 * FONT_SMALL);
        let names = self
            .names
            .iter()
            .enumerate()
            .map(|(i, (text, full))| {
                let x = round(self.centre(i));
                NameLabel {
                    x,
                    y: name_y,
                    text: text.clone(),
                    full: full.clone(),
                    transform: format!("rotate(-45 {} {})", decimal(x, 1), decimal(name_y, 1)),
                }
            })
            .collect();
        Axes {
            frame: Frame {
                width: WIDTH,
                height: self.height,
                view_box: format!("0 0 {} {}", decimal(WIDTH, 1), decimal(self.height, 1)),
                plot,
            },
            ticks,
            ranks,
            names,
            vital,
        }
    }
}

/// Every how many ranks a number fits under the bars at [`FONT_LARGE`]:
/// 1 (all), 2 (odd ranks) or k (rank 1 and multiples of k).
fn rank_step(count: usize, slot: f64) -> usize {
    let digits = count.max(1).to_string().len() as f64;
    let needed = (digits * DIGIT_EM + 0.5) * FONT_LARGE;
    [1, 2, 5, 10, 20, 25, 50]
        .into_iter()
        .find(|&k| {
            let room = if k <= 2 { k as f64 } else { (k - 1) as f64 };
            room * slot >= needed
        })
        .unwrap_or(count.max(1))
}

fn shows_rank(rank: usize, every: usize) -> bool {
    match every {
        0 | 1 => true,
        2 => rank % 2 == 1,
        k => rank == 1 || rank.is_multiple_of(k),
    }
}

/// About how far a character advances, in ems, in a wide system font. The
/// estimate only needs to be generous: it sizes the room for names and
/// decides where to cut them.
fn char_ems(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 0.3,
        ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '-' => 0.4,
        'm' | 'w' | '%' => 0.9,
        'M' | 'W' | '…' => 1.0,
        'A'..='Z' => 0.75,
        'a'..='z' | '0'..='9' => 0.62,
        _ => match u32::from(c) {
            // Combining marks, joiners and variation selectors ride on the
            // character before them.
            0x0300..=0x036F
            | 0x0483..=0x0489
            | 0x0591..=0x05BD
            | 0x0610..=0x061A
            | 0x064B..=0x065F
            | 0x0900..=0x0903
            | 0x093A..=0x094F
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x200B..=0x200F
            | 0x20D0..=0x20FF
            | 0xFE00..=0xFE0F
            | 0xFE20..=0xFE2F
            | 0x1F3FB..=0x1F3FF
            | 0xE0100..=0xE01EF => 0.0,
            // East Asian wide and fullwidth characters, and emoji.
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x1F300..=0x1FAFF
            | 0x20000..=0x3FFFD => 1.0,
            // Accented Latin letters, as their decomposed forms; Cyrillic.
            0x00C0..=0x024F => 0.62,
            0x0400..=0x04FF => 0.65,
            _ => 0.7,
        },
    }
}

/// The characters of `text` with their advance in ems. A character joined
/// to the one before by a zero-width joiner (as in an emoji sequence) is
/// drawn as part of it.
fn advances(text: &str) -> impl Iterator<Item = (char, f64)> + '_ {
    text.chars().scan('\0', |before, c| {
        let ems = if *before == '\u{200D}' {
            0.0
        } else {
            char_ems(c)
        };
        *before = c;
        Some((c, ems))
    })
}

/// The estimated advance of a label, in ems.
fn text_ems(text: &str) -> f64 {
    advances(text).map(|(_, ems)| ems).sum()
}

/// A name cut to [`NAME_BUDGET`] with "…", by characters, never inside one
/// and never between a character and its combining marks.
fn truncate(name: &str) -> String {
    // Cutting the last character or so to add "…" would not save any room.
    if text_ems(name) <= NAME_BUDGET + 0.7 {
        return name.to_owned();
    }
    let mut used = 0.0;
    let mut kept = String::new();
    for (c, ems) in advances(name) {
        if used + ems > NAME_BUDGET {
            break;
        }
        used += ems;
        kept.push(c);
    }
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{200D}');
    format!("{kept}…")
}

/// A coordinate rounded to 0.1, never `-0` and never NaN or infinite.
fn round(value: f64) -> f64 {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.is_finite() {
        rounded + 0.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pareto;
    use crate::scenario::Scenario;
    use crate::testing::hundredths;

    /// A scenario of `(name, hours, results)` rows, in hundredths.
    fn scenario(rows: &[(&str, u64, u64)], threshold: u8) -> Scenario {
        hundredths(rows).threshold(threshold).build()
    }

    /// `count` rows named "A1", "A2", ... with results that fall from `top`.
    fn many(count: u64, hours: u64, top: u64) -> Vec<(String, u64, u64)> {
        (1..=count)
            .map(|i| (format!("A{i}"), hours * i, top / i))
            .collect()
    }

    fn close(found: f64, expected: f64, slack: f64) -> bool {
        (found - expected).abs() <= slack
    }

    /// Every number of a chart, to check that none is NaN, infinite or
    /// outside the frame.
    fn numbers(axes: &Axes, bars: &[&Bar], extra: &[f64]) -> Vec<f64> {
        let f = &axes.frame;
        let mut all = vec![f.width, f.height, f.plot.left, f.plot.top];
        all.extend([f.plot.right, f.plot.bottom]);
        for t in &axes.ticks {
            all.extend([t.y, t.x1, t.x2, t.label_x]);
        }
        for r in &axes.ranks {
            all.extend([r.x, r.y]);
        }
        for n in &axes.names {
            all.extend([n.x, n.y]);
        }
        if let Some(v) = &axes.vital {
            all.extend([v.x1, v.x2, v.label_x, v.label_y]);
        }
        for b in bars {
            all.extend([b.x, b.y, b.width, b.height]);
        }
        all.extend(extra);
        all
    }

    /// What a case expects beyond the invariants every chart keeps.
    struct Expect {
        vital: usize,
        names: bool,
        time_known: bool,
    }

    /// Builds both charts of `rows` and checks their geometry against the
    /// breakdown: bar count and order, heights proportional to shares, the
    /// cumulative line ending at 100 %, the threshold, the vital extent,
    /// labels, and that every number is finite and inside the frame.
    #[track_caller]
    fn check(rows: &[(&str, u64, u64)], threshold: u8, expect: Expect) -> ParetoChart {
        let breakdown = pareto::breakdown(scenario(rows, threshold)).expect("results above zero");
        let chart = pareto_chart(&breakdown);
        let plot = chart.axes.frame.plot;
        let height = plot.bottom - plot.top;
        let n = rows.len();
        let bars: Vec<&Bar> = chart.bars.iter().collect();

        assert_eq!(chart.bars.len(), n, "one bar per activity");
        assert_eq!(breakdown.vital_count(), expect.vital, "vital few");
        for (i, (bar, ranked)) in chart.bars.iter().zip(breakdown.rows()).enumerate() {
            assert_eq!((bar.rank, ranked.rank), (i + 1, i + 1), "sorted order");
            assert_eq!(bar.is_vital, i < expect.vital, "bar {i} vital");
            assert!(
                close(bar.height, ranked.figures.result_share * height, 0.11),
                "bar {i} height"
            );
            assert!(
                close(bar.y + bar.height, plot.bottom, 1e-9),
                "bar {i} on the axis"
            );
            assert!(bar.width > 0.0, "bar {i} visible");
            if i > 0 {
                let before = &chart.bars[i - 1];
                assert!(
                    before.x + before.width <= bar.x,
                    "bars {i} apart, left to right"
                );
                assert!(before.height >= bar.height - 1e-9, "bars {i} fall");
            }
        }
        let points = &chart.cumulative.points;
        assert_eq!(points.len(), n);
        assert_eq!(points.last().map(|p| p.y), Some(plot.top), "ends at 100 %");
        for (p, bar) in points.iter().zip(&chart.bars) {
            assert!(
                close(p.x, bar.x + bar.width / 2.0, 0.15),
                "point at bar centre"
            );
        }
        let expected_y = plot.bottom - f64::from(threshold) / 100.0 * height;
        assert!(close(chart.threshold.y, expected_y, 0.051), "threshold y");
        assert_eq!(chart.threshold.percent, threshold);
        let vital = chart.axes.vital.as_ref().expect("a vital span");
        let last_vital = &chart.bars[expect.vital - 1];
        assert_eq!(vital.x1, chart.bars[0].x);
        assert!(
            close(vital.x2, last_vital.x + last_vital.width, 0.11),
            "vital extent"
        );
        let ticks: Vec<_> = chart.axes.ticks.iter().map(|t| t.percent).collect();
        assert_eq!(ticks, [0, 25, 50, 75, 100]);
        assert_eq!(chart.axes.ticks[0].y, plot.bottom);
        assert_eq!(chart.axes.ticks[4].y, plot.top);
        assert_eq!(chart.axes.names.is_empty(), !expect.names, "names shown");
        let f = &chart.axes.frame;
        assert!(f.height >= COMPACT_HEIGHT && (expect.names || f.height == COMPACT_HEIGHT));
        for name in &chart.axes.names {
            // Turned by 45 degrees, a name hangs down and to the left.
            let reach = (text_ems(&name.text) + 1.0) * FONT_SMALL * SIN_45;
            assert!(
                name.x - reach >= 0.0 && name.y + reach <= f.height,
                "{}",
                name.text
            );
        }
        assert!(!chart.axes.ranks.is_empty() && chart.axes.ranks[0].text == "1");

        let extra: Vec<f64> = points.iter().flat_map(|p| [p.x, p.y]).collect();
        let t = &chart.threshold;
        let extra = [extra, vec![t.x1, t.x2, t.y, t.label_x]].concat();
        assert_sane(&chart.axes, &bars, &extra);

        let time = time_vs_results_chart(&breakdown);
        assert_eq!(time.pairs.len(), n);
        assert_eq!(time.time_known, expect.time_known);
        let top = time.axes.ticks.last().map(|t| t.y);
        assert_eq!(top, Some(plot.top));
        let mut time_bars = Vec::new();
        for (pair, ranked) in time.pairs.iter().zip(breakdown.rows()) {
            assert_eq!(pair.result.rank, ranked.rank);
            assert_eq!(pair.time.is_some(), expect.time_known);
            if let Some(bar) = &pair.time {
                assert!(
                    pair.result.x + pair.result.width <= bar.x,
                    "results left of time"
                );
                time_bars.push(bar);
            }
            time_bars.push(&pair.result);
        }
        let vital = time.axes.vital.as_ref().expect("a vital span");
        let last = &time.pairs[expect.vital - 1];
        let last = last.time.as_ref().unwrap_or(&last.result);
        assert!(
            close(vital.x2, last.x + last.width, 0.11),
            "time vital extent"
        );
        assert_sane(&time.axes, &time_bars, &[]);
        chart
    }

    #[track_caller]
    fn assert_sane(axes: &Axes, bars: &[&Bar], extra: &[f64]) {
        let f = &axes.frame;
        for value in numbers(axes, bars, extra) {
            assert!(value.is_finite(), "{value} is finite");
            assert!(
                (0.0..=f.width.max(f.height)).contains(&value),
                "{value} in frame"
            );
            assert_eq!(value, round(value), "{value} rounded to 0.1");
        }
        for bar in bars {
            assert!(bar.x >= f.plot.left && bar.x + bar.width <= f.plot.right + 0.1);
            assert!(bar.y >= f.plot.top && bar.y <= f.plot.bottom);
        }
        assert_eq!(f.view_box, format!("0 0 {} {}", f.width, f.height));
    }

    #[test]
    fn geometry_follows_the_breakdown() {
        let bakery = [
            ("Instagram posts of the daily bakes", 2200, 120_000),
            ("Replying to comments and messages", 600, 520_000),
            ("Paid Facebook and Instagram ads", 1200, 70_000),
            ("Local food lovers' Facebook group", 500, 380_000),
            ("TikTok trend videos", 1800, 30_000),
            ("Customer of the week feature", 300, 270_000),
            ("Follower giveaways", 800, 15_000),
            ("Joint posts with the café next door", 300, 40_000),
        ];
        let expect = |vital, names, time_known| Expect {
            vital,
            names,
            time_known,
        };
        check(&bakery, 80, expect(3, true, true));
        check(&bakery, 95, expect(6, true, true));
        check(&[("Posts", 100, 100)], 80, expect(1, true, true));
        let wide = [("W".repeat(60), 100, 300), ("名".repeat(60), 0, 200)];
        let wide: Vec<_> = wide.iter().map(|(n, h, r)| (n.as_str(), *h, *r)).collect();
        check(&wide, 70, expect(2, true, true));
        check(&[("Posts", 0, 100)], 50, expect(1, true, false));
        let zero_hours = [("A", 0, 300), ("B", 0, 100)];
        check(&zero_hours, 75, expect(1, true, false));
        check(&zero_hours, 80, expect(2, true, false));
        check(
            &[("A", 100, 900), ("B", 100, 100)],
            80,
            expect(1, true, true),
        );
        let huge = [("Big", 1_000_000, 100_000_000_000_000), ("Tiny", 1, 1)];
        check(&huge, 95, expect(1, true, true));
        let equal = [("A", 100, 100); 12];
        check(&equal, 50, expect(6, true, true));
        let rows = many(13, 100, 1_000_000);
        let rows: Vec<_> = rows.iter().map(|(n, h, r)| (n.as_str(), *h, *r)).collect();
        check(&rows, 80, expect(7, false, true));
        let rows = many(100, 100, 1_000_000);
        let rows: Vec<_> = rows.iter().map(|(n, h, r)| (n.as_str(), *h, *r)).collect();
        let chart = check(&rows, 80, expect(36, false, true));
        assert!(!chart.cumulative.markers);
        let rows = many(100, 0, 100_000_000_000_000);
        let rows: Vec<_> = rows.iter().map(|(n, h, r)| (n.as_str(), *h, *r)).collect();
        check(&rows, 95, expect(78, false, false));
    }

    #[test]
    fn names_are_cut_by_characters_with_an_ellipsis() {
        let cases = [
            ("Posts", "Posts"),
            ("Exactly 15 char", "Exactly 15 char"),
            ("Replying to comments and messages", "Replying to co…"),
            ("Paid Facebook and Instagram ads", "Paid Facebook…"),
            (
                "地元の食べ物好きのフェイスブックグループ",
                "地元の食べ物好き…",
            ),
            ("WWWWWWWWWWWWWWWWWWWWWW", "WWWWWWWW…"),
            ("Café crème brûlée tasting", "Café crème brûl…"),
            (
                "Cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e",
                "Cafe\u{301} cre\u{300}me bru\u{302}l…",
            ),
            ("Ответы на комментарии", "Ответы на ком…"),
            ("مراسلة العملاء والرد على التعليقات", "مراسلة العمل…"),
            ("👩‍💻👩‍💻👩‍💻👩‍💻", "👩‍💻👩‍💻👩‍💻👩‍💻"),
            ("👩‍💻👩‍💻👩‍💻👩‍💻 and more", "👩‍💻👩‍💻👩‍💻👩‍💻 and mo…"),
        ];
        for (name, expected) in cases {
            assert_eq!(truncate(name), expected, "{name:?}");
        }
    }

    #[test]
    fn rank_numbers_fit_the_bars() {
        // (activities, the ranks shown under the bars)
        let cases: [(u64, &[&str]); 4] = [
            (8, &["1", "2", "3", "4", "5", "6", "7", "8"]),
            (13, &["1", "3", "5", "7", "9", "11", "13"]),
            (40, &["1", "10", "20", "30", "40"]),
            (100, &["1", "20", "40", "60", "80", "100"]),
        ];
        for (count, expected) in cases {
            let rows = many(count, 100, 1_000_000);
            let rows: Vec<_> = rows.iter().map(|(n, h, r)| (n.as_str(), *h, *r)).collect();
            let breakdown = pareto::breakdown(scenario(&rows, 80)).expect("results");
            let chart = pareto_chart(&breakdown);
            let ranks: Vec<&str> = chart.axes.ranks.iter().map(|r| r.text.as_str()).collect();
            assert_eq!(ranks, expected, "{count} activities");
        }
    }

    #[test]
    fn time_view_scales_its_axis_and_leaves_out_missing_hours() {
        let rows = [("A", 100, 300), ("B", 300, 300), ("C", 100, 400)];
        let breakdown = pareto::breakdown(scenario(&rows, 80)).expect("results");
        let chart = time_vs_results_chart(&breakdown);
        let ticks: Vec<_> = chart.axes.ticks.iter().map(|t| t.percent).collect();
        assert_eq!(ticks, [0, 15, 30, 45, 60]);
        let untimed = scenario(&[("A", 0, 300), ("B", 0, 100)], 80);
        let chart = time_vs_results_chart(&pareto::breakdown(untimed).expect("results"));
        assert!(!chart.time_known);
        assert!(chart.pairs.iter().all(|p| p.time.is_none()));
    }
}
