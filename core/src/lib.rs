//! The pure model of Social 80/20.
//!
//! This crate knows nothing of Yew, the DOM or the browser: it builds, tests
//! and benchmarks natively. The app in the workspace root renders what this
//! crate computes and does no maths of its own.
//!
//! - [`number`]: fixed-point amounts and the parser for typed numbers.
//! - [`scenario`]: what a visitor enters, and its one validating constructor.
//! - [`draft`]: the form's text, read through that constructor.
//! - [`pareto`]: the 80/20 breakdown.
//! - [`analysis`]: a scenario with its breakdown and score, as the screen
//!   and the exports read them.
//! - [`compare`]: an earlier scenario beside today's (before and after).
//! - [`chart`]: the geometry of the Pareto chart, for the view to draw.
//! - [`score`]: the following-versus-community score and its advice.
//! - [`example`]: the worked example a new visitor sees.
//! - [`codec`]: share links, the scenario as the text after `#s=`.
//! - [`export`]: the breakdown as CSV, the JSON report and their file names.
//! - [`encoding`]: an imported file's bytes read as text (UTF-8, UTF-16, Windows-1252).
//! - [`import`]: rows pasted from a spreadsheet or read from a CSV file.
//! - `testing` (tests only): scenario builders every test suite shares.
//! - [`text`]: names cleaned of characters that could disguise them.
//! - [`host`]: the settings of a host page that embeds the widget, checked,
//!   and an accent palette that keeps text readable.
//!
//! ```
//! use social8020_core::{draft::ScenarioDraft, example, pareto};
//!
//! let scenario = example::bakery();
//! let headline = pareto::breakdown(scenario.clone()).unwrap().headline();
//! assert_eq!((headline.vital_count, headline.activity_count), (3, 8));
//!
//! // Bad text is reported on its field and the draft keeps it.
//! let mut draft = ScenarioDraft::from_scenario(&scenario);
//! draft.activities[0].hours = "twelve".into();
//! assert!(draft.validate().is_err());
//! ```

pub mod analysis;
mod base64url;
pub mod chart;
pub mod codec;
pub mod compare;
pub mod draft;
pub mod earlier;
pub mod encoding;
pub mod example;
pub mod export;
pub mod host;
pub mod import;
pub mod number;
pub mod pareto;
pub mod scenario;
pub mod score;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;

use std::cmp::Ordering;

/// The indices `0..len` in the stable order that `cmp` puts them in.
///
/// The crate's sorts go through here: an insertion sort, stable, of at most
/// [`scenario::MAX_ACTIVITIES`] rows (5,000 comparisons at worst, under a
/// tenth of a millisecond). The standard library's stable sort was 3.7 KB of
/// wasm (1.1 KB brotli) for the same work.
pub(crate) fn sorted_indices(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(len);
    for next in 0..len {
        let at = order
            .iter()
            .rposition(|&placed| cmp(placed, next) != Ordering::Greater)
            .map_or(0, |i| i + 1);
        order.insert(at, next);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_indices_is_the_standard_stable_sort() {
        // Keys with many ties, in several orders, against `sort_by`.
        let mut seed = 7_u64;
        for len in [0, 1, 2, 3, 10, 57, 100] {
            let keys: Vec<u64> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    (seed >> 33) % 7
                })
                .collect();
            let mut expected: Vec<usize> = (0..len).collect();
            expected.sort_by(|&a, &b| keys[b].cmp(&keys[a]));
            let got = sorted_indices(len, &|a, b| keys[b].cmp(&keys[a]));
            assert_eq!(got, expected, "{keys:?}");
        }
    }
}
