//! Native benchmarks of the core (PRODUCT.md §8): the analysis and the score
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

use divan::{black_box, Bencher};
use social8020_core::score::{self, ScoreConfig};
use social8020_core::{codec, pareto};

fn main() {
    divan::main();
}

#[divan::bench(args = [10, 100])]
fn breakdown(bencher: Bencher, n: usize) {
    let scenario = common::realistic(n);
    bencher.bench(|| pareto::breakdown(black_box(&scenario)));
}

#[divan::bench(args = [10, 100])]
fn score(bencher: Bencher, n: usize) {
    let scenario = common::realistic(n);
    let config = ScoreConfig::standard();
    bencher.bench(|| score::score(black_box(&scenario), &config));
}

/// What the app computes on each edit: the breakdown, its headline, the
/// score.
#[divan::bench(args = [10, 100])]
fn analysis(bencher: Bencher, n: usize) {
    let scenario = common::realistic(n);
    let config = ScoreConfig::standard();
    bencher.bench(|| {
        let s = black_box(&scenario);
        let headline = pareto::breakdown(s).map(|b| b.headline(s));
        (headline, score::score(s, &config))
    });
}

/// 100 scenarios x 100 activities: 10,000 activities of analysis.
#[divan::bench]
fn analysis_x100(bencher: Bencher) {
    let scenarios: Vec<_> = (0..100).map(|_| common::realistic(100)).collect();
    let config = ScoreConfig::standard();
    bencher.bench(|| {
        for s in black_box(&scenarios) {
            black_box(pareto::breakdown(s).map(|b| b.headline(s)).ok());
            black_box(score::score(s, &config).ok());
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
