//! Native benchmarks of the core (docs/spec.md §8): the analysis and the score
//! that run on every edit, and the share-link codec. `make bench` folds the
//! medians into its table; run alone with
//! `cargo bench -p social8020-core --bench core`.
//!
//! 10,000 activities cannot be benchmarked as one scenario: `Scenario::new`
//! refuses more than `MAX_ACTIVITIES` (100), and there is no other way to
//! build one. The `x100` benches instead analyse 100 scenarios of 100
//! activities each, 10,000 activities of work, to show the cost per
//! activity stays flat; they are not a 10,000-row breakdown (sorting grows
//! as n log n, so that would cost a little more).

mod common;

use std::rc::Rc;

use divan::{black_box, Bencher};
use social8020_core::analysis::Analysis;
use social8020_core::score::{self, ScoreConfig};
use social8020_core::{codec, pareto};

fn main() {
    divan::main();
}

#[divan::bench(args = [10, 100])]
fn breakdown(bencher: Bencher, n: usize) {
    let scenario = common::realistic(n);
    bencher
        .with_inputs(|| Rc::new(scenario.clone()))
        .bench_values(pareto::breakdown);
}

#[divan::bench(args = [10, 100])]
fn score(bencher: Bencher, n: usize) {
    let scenario = common::realistic(n);
    let config = ScoreConfig::standard();
    bencher.bench(|| score::score(black_box(&scenario), &config));
}

/// What the app computes on each edit: the analysis (breakdown and score)
/// and the headline.
#[divan::bench(args = [10, 100])]
fn analysis(bencher: Bencher, n: usize) {
    let scenario = common::realistic(n);
    let config = ScoreConfig::standard();
    bencher
        .with_inputs(|| Rc::new(scenario.clone()))
        .bench_values(|scenario| {
            let analysis = Analysis::new(scenario, config);
            let headline = analysis.breakdown().map(|b| b.headline());
            (headline, analysis)
        });
}

/// 100 scenarios x 100 activities: 10,000 activities of analysis.
#[divan::bench]
fn analysis_x100(bencher: Bencher) {
    let scenario = common::realistic(100);
    let config = ScoreConfig::standard();
    bencher
        .with_inputs(|| {
            (0..100)
                .map(|_| Rc::new(scenario.clone()))
                .collect::<Vec<_>>()
        })
        .bench_values(|scenarios| {
            for scenario in scenarios {
                let analysis = Analysis::new(scenario, config);
                black_box(analysis.breakdown().map(|b| b.headline()).ok());
            }
        });
}

mod codec_ {
    use super::*;

    #[divan::bench(name = "encode_100_ascii60")]
    fn encode_ascii(bencher: Bencher) {
        let (scenario, _) = common::largest_ascii().expect("fits in a link");
        bencher.bench(|| codec::encode(black_box(&scenario)));
    }

    #[divan::bench(name = "decode_100_ascii60")]
    fn decode_ascii(bencher: Bencher) {
        let (_, payload) = common::largest_ascii().expect("fits in a link");
        bencher.bench(|| codec::decode(black_box(&payload)));
    }

    /// The largest payload encode writes (close to 16 KB).
    #[divan::bench(name = "decode_largest")]
    fn decode_largest(bencher: Bencher) {
        let (_, payload) = common::largest_any();
        bencher.bench(|| codec::decode(black_box(&payload)));
    }

    #[divan::bench(name = "encode_largest")]
    fn encode_largest(bencher: Bencher) {
        let (scenario, _) = common::largest_any();
        bencher.bench(|| codec::encode(black_box(&scenario)));
    }
}
