//! The Pareto breakdown against docs/spec.md §2: one-line cases through
//! [`check`], then properties that hold for every valid scenario.

use proptest::prelude::*;
use social8020_core::number::Amount;
use social8020_core::pareto::{self, Breakdown, Figures, NoBreakdown, Ranked, TOLERANCE};
use social8020_core::scenario::{Activity, ActivityKind, Scenario, ScenarioParts, Threshold};
use social8020_core::testing::line;

/// A valid scenario from one line of `name:hours/results` rows, such as
/// `"Posts:2/150 Replies:1.5/90"`, at a threshold in percent.
fn scenario(rows: &str, threshold: u8) -> Scenario {
    line(rows).threshold(threshold).build()
}

/// Checks the sorted order (names, space-separated) and the size of the
/// vital few, and hands back the breakdown for any further checks.
#[track_caller]
fn check(rows: &str, threshold: u8, order: &str, vital: usize) -> Breakdown {
    let breakdown = pareto::breakdown(scenario(rows, threshold)).expect("results above zero");
    let names: Vec<&str> = breakdown.rows().map(|r| r.activity.name.as_str()).collect();
    assert_eq!(names.join(" "), order, "order of {rows:?}");
    assert_eq!(breakdown.vital_count(), vital, "vital few of {rows:?}");
    breakdown
}

/// The figures of every row, in ranked order.
fn figures(breakdown: &Breakdown) -> Vec<Figures> {
    breakdown.rows().map(|r| r.figures).collect()
}

#[track_caller]
fn assert_close(found: f64, expected: f64) {
    let close = (found - expected).abs() <= 1e-12 * expected.abs().max(1.0);
    assert!(close, "{found} is not {expected}");
}

#[test]
fn sorts_by_results_then_fewer_hours_then_entry_order() {
    check("A:1/10 B:1/30 C:1/20", 80, "B C A", 2);
    check("A:5/100 B:3/100 C:4/100", 80, "B C A", 3);
    check("A:3/100 B:3/100 C:3/100", 50, "A B C", 2);
    check("A:2/50 B:1/50 C:1/50 D:0/60", 50, "D B C A", 2);
    check("A:0.01/7 B:0/7", 50, "B A", 1);
    check("A:0/0 B:5/0 C:0/1", 95, "C A B", 1);
    // Duplicate names are allowed; entry order still decides.
    let b = check("Posts:2/5 Posts:2/5", 50, "Posts Posts", 1);
    assert_eq!(b.rows().map(|r| r.number).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn reaching_the_threshold_exactly_counts() {
    check("A:20/80 B:80/20", 80, "A B", 1);
    check("A:1/50 B:1/50", 50, "A B", 1);
    check("A:1/95 B:1/5", 95, "A B", 1);
    check("A:1/94.99 B:1/5.01", 95, "A B", 2);
    check("A:1/60 B:1/25 C:1/15", 85, "A B C", 2);
    check("A:1/60 B:1/24.99 C:1/15.01", 85, "A B C", 3);
    // Ten equal activities: 8 of 10 is exactly 80 %.
    check(
        "A:1/1 B:1/1 C:1/1 D:1/1 E:1/1 F:1/1 G:1/1 H:1/1 I:1/1 J:1/1",
        80,
        "A B C D E F G H I J",
        8,
    );
}

#[test]
fn decimal_results_reach_the_threshold_despite_binary_floats() {
    // 0.7 + 0.2 is 0.8999999999999999 in f64; the breakdown still counts
    // the first two as reaching 90 %.
    check("A:1/0.7 B:1/0.2 C:1/0.1", 90, "A B C", 2);
    check("A:1/0.1 B:1/0.2 C:1/0.7", 90, "C B A", 2);
    check("A:1/0.07 B:1/0.02 C:1/0.01", 90, "A B C", 2);
    check("A:1/0.3 B:1/0.3 C:1/0.3 D:1/0.1", 90, "A B C D", 3);
    check(
        "A:1/0.1 B:1/0.1 C:1/0.1 D:1/0.1 E:1/0.1 F:1/0.1 G:1/0.1 H:1/0.1 I:1/0.1 J:1/0.1",
        70,
        "A B C D E F G H I J",
        7,
    );
}

#[test]
fn an_activity_without_hours_has_no_rate_and_no_leverage() {
    let b = check("A:0/60 B:10/40", 80, "A B", 2);
    let rows = figures(&b);
    let (a, other) = (&rows[0], &rows[1]);
    assert_eq!(
        (a.time_share, a.results_per_hour, a.leverage),
        (Some(0.0), None, None)
    );
    assert_eq!(other.time_share, Some(1.0));
    assert_eq!(other.results_per_hour, Some(4.0));
    assert_eq!(other.leverage, Some(0.4));
}

#[test]
fn without_any_hours_time_figures_are_left_out() {
    let b = check("A:0/60 B:0/40", 80, "A B", 2);
    for r in figures(&b) {
        assert_eq!(
            (r.time_share, r.results_per_hour, r.leverage),
            (None, None, None)
        );
    }
    let headline = b.headline();
    assert_eq!(headline.vital_time_share, None);
    assert_eq!(headline.trivial_hours, 0.0);
    assert_eq!(b.total_hours(), 0.0);
}

#[test]
fn zero_total_results_is_no_breakdown() {
    for rows in ["A:5/0 B:0/0", "A:0/0"] {
        let breakdown = pareto::breakdown(scenario(rows, 80));
        assert_eq!(breakdown, Err(NoBreakdown::NoResults), "{rows}");
    }
    assert_eq!(NoBreakdown::NoResults.key(), "no_results");
}

#[test]
fn one_activity_is_the_vital_few_on_its_own() {
    let b = check("A:3/12", 95, "A", 1);
    let r = &figures(&b)[0];
    assert_eq!(
        (r.result_share, r.cumulative_share, r.time_share),
        (1.0, 1.0, Some(1.0))
    );
    assert_eq!((r.results_per_hour, r.leverage), (Some(4.0), Some(1.0)));
    let h = b.headline();
    assert_eq!(
        (h.vital_count, h.activity_count, h.trivial_hours),
        (1, 1, 0.0)
    );
    assert_eq!((h.vital_result_share, h.trivial_result_share), (1.0, 0.0));
}

#[test]
fn a_hundred_activities() {
    // Activity i brings i results in one hour: the top ones come first, and
    // the shortest prefix reaching 80 % of 5050 (4040) has 56 entries
    // (100 + 99 + ... + 45 = 4060; one fewer makes 4015).
    let rows: Vec<String> = (1..=100).map(|i| format!("A{i}:1/{i}")).collect();
    let order: Vec<String> = (1..=100).rev().map(|i| format!("A{i}")).collect();
    let b = check(&rows.join(" "), 80, &order.join(" "), 56);
    let h = b.headline();
    assert_close(h.vital_result_share, 4060.0 / 5050.0);
    assert_close(h.vital_time_share.expect("hours"), 0.56);
    assert_eq!(h.trivial_hours, 44.0);
}

#[test]
fn huge_and_tiny_values() {
    let rows = "Big:10000/1000000000000 Small:0.01/0.01 Mid:10000/1000000000000";
    let b = check(rows, 95, "Big Mid Small", 2);
    let rows = figures(&b);
    assert_close(b.total_results(), 2e12 + 0.01);
    assert_close(b.total_hours(), 20_000.01);
    assert_close(rows[0].results_per_hour.expect("hours"), 1e8);
    assert_close(rows[2].results_per_hour.expect("hours"), 1.0);
    assert_close(rows[2].result_share, 0.01 / (2e12 + 0.01));
    assert_eq!(rows[2].cumulative_share, 1.0);
    // A hundred of the largest activities allowed.
    let rows = vec!["Max:10000/1000000000000"; 100].join(" ");
    let b = check(&rows, 95, &vec!["Max"; 100].join(" "), 95);
    assert_eq!(b.total_results(), 1e14);
    assert_eq!(figures(&b)[99].cumulative_share, 1.0);
}

#[test]
fn headline_numbers() {
    // 1 of 4 activities (25 %) brings 80 % of the results in 10 % of the
    // time; 18 hours go to the other 20 %.
    let rows = "A:2/80 B:8/10 C:6/6 D:4/4";
    let b = check(rows, 80, "A B C D", 1);
    let h = b.headline();
    assert_eq!((h.vital_count, h.activity_count), (1, 4));
    assert_close(h.vital_count_share, 0.25);
    assert_close(h.vital_result_share, 0.8);
    assert_close(h.vital_time_share.expect("hours"), 0.1);
    assert_eq!(h.trivial_hours, 18.0);
    assert_close(h.trivial_result_share, 0.2);
    assert_close(figures(&b)[0].leverage.expect("hours"), 8.0);
    assert_close(figures(&b)[3].leverage.expect("hours"), 0.2);
    // The same at 90 %: the vital few grow to two.
    let b = check(rows, 90, "A B C D", 2);
    let h = b.headline();
    assert_close(h.vital_time_share.expect("hours"), 0.5);
    assert_eq!(h.trivial_hours, 10.0);
}

#[test]
fn the_bakery_headline() {
    let b = pareto::breakdown(social8020_core::example::bakery()).expect("results");
    let h = b.headline();
    assert_eq!((h.vital_count, h.activity_count), (3, 8));
    assert_close(h.vital_result_share, 11_700.0 / 14_450.0);
    assert_close(h.vital_time_share.expect("hours"), 14.0 / 77.0);
    assert_eq!(h.trivial_hours, 63.0);
}

/// Hours and results in hundredths: often zero or small, so that ties and
/// zero hours come up, otherwise anywhere in the allowed range.
fn value(max_hundredths: u64) -> impl Strategy<Value = u64> {
    prop_oneof![Just(0), 0..=300u64, 0..=max_hundredths]
}

fn scenarios() -> impl Strategy<Value = Scenario> {
    let row = (value(1_000_000), value(100_000_000_000_000));
    let threshold = (10u8..=19).prop_map(|step| step * 5);
    (prop::collection::vec(row, 1..=100), threshold).prop_map(|(rows, threshold)| {
        let activities = rows
            .into_iter()
            .enumerate()
            .map(|(i, (hours, results))| Activity {
                name: format!("A{i}"),
                kind: ActivityKind::Following,
                hours: Amount::from_hundredths(hours),
                results: Amount::from_hundredths(results),
            })
            .collect();
        Scenario::new(ScenarioParts {
            threshold: Threshold::new(threshold).expect("threshold"),
            activities,
            ..ScenarioParts::default()
        })
        .expect("valid scenario")
    })
}

proptest! {
    #[test]
    fn breakdown_properties(scenario in scenarios()) {
        let activities = scenario.activities();
        let total_results: u64 = activities.iter().map(|a| a.results.hundredths()).sum();
        let total_hours: u64 = activities.iter().map(|a| a.hours.hundredths()).sum();
        let b = match pareto::breakdown(scenario.clone()) {
            Ok(b) => b,
            Err(NoBreakdown::NoResults) => {
                prop_assert_eq!(total_results, 0);
                return Ok(());
            }
        };
        prop_assert!(total_results > 0);
        let rows: Vec<_> = b.rows().collect();
        prop_assert_eq!(rows.len(), activities.len());

        // Every activity once, in the specified order.
        let mut seen: Vec<usize> = rows.iter().map(|r| r.number).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (1..=activities.len()).collect::<Vec<_>>());
        for pair in rows.windows(2) {
            let key = |r: &Ranked| (std::cmp::Reverse(r.activity.results), r.activity.hours, r.number);
            prop_assert!(key(&pair[0]) < key(&pair[1]));
            prop_assert_eq!(pair[1].rank, pair[0].rank + 1);
        }

        let result_sum: f64 = rows.iter().map(|r| r.figures.result_share).sum();
        prop_assert!((result_sum - 1.0).abs() <= 1e-9, "result shares sum to {}", result_sum);
        if total_hours > 0 {
            let time_sum: f64 = rows.iter().filter_map(|r| r.figures.time_share).sum();
            prop_assert!((time_sum - 1.0).abs() <= 1e-9, "time shares sum to {}", time_sum);
            prop_assert!(rows.iter().all(|r| r.figures.time_share.is_some()));
        } else {
            prop_assert!(rows.iter().all(|r| r.figures.time_share.is_none() && r.figures.leverage.is_none()));
        }
        for r in &rows {
            let hours = r.activity.hours;
            prop_assert_eq!(r.figures.results_per_hour.is_some(), hours > Amount::ZERO);
            prop_assert_eq!(r.figures.leverage.is_some(), hours > Amount::ZERO);
        }

        let mut previous = 0.0;
        for r in &rows {
            prop_assert!(r.figures.cumulative_share >= previous);
            previous = r.figures.cumulative_share;
        }
        prop_assert_eq!(previous, 1.0);

        // The vital few: never empty, the shortest prefix reaching the threshold.
        let threshold = scenario.threshold().fraction();
        let vital = b.vital_count();
        prop_assert!(vital >= 1 && vital <= rows.len());
        prop_assert!(rows.iter().all(|r| r.vital == (r.rank <= vital)));
        prop_assert!(rows[vital - 1].figures.cumulative_share >= threshold - TOLERANCE);
        if vital >= 2 {
            prop_assert!(rows[vital - 2].figures.cumulative_share < threshold - TOLERANCE);
        }

        let h = b.headline();
        prop_assert_eq!(h.vital_count, vital);
        prop_assert!((h.vital_result_share + h.trivial_result_share - 1.0).abs() <= 1e-9);
        prop_assert_eq!(h.vital_time_share.is_some(), total_hours > 0);
    }
}

mod reallocation {
    use social8020_core::example;
    use social8020_core::pareto::{breakdown, NoProjection};

    #[test]
    fn moving_half_the_bakery_trivial_hours_follows_the_vital_rate() {
        let b = breakdown(example::bakery()).expect("results");
        // Vital few: 14 hours bring 11,700 (835.71 an hour). Trivial many: 63
        // hours bring 2,750. Moving half: -1,375 + 31.5 x 835.714... = +24,950.
        let p = b.reallocate(0.5).expect("a projection");
        assert_eq!(p.moved_hours, 31.5);
        assert!((p.lost_results - 1_375.0).abs() < 1e-9);
        assert!((p.gained_results - 26_325.0).abs() < 1e-6);
        assert!((p.projected_results - 39_400.0).abs() < 1e-6);
        assert!((p.change - (39_400.0 / 14_450.0 - 1.0)).abs() < 1e-12);
        let none = b.reallocate(0.0).expect("a projection");
        assert_eq!(none.projected_results, none.current_results);
        let clamped = b.reallocate(f64::NAN).expect("a projection");
        assert_eq!(clamped.moved_hours, 0.0);
    }

    #[test]
    fn says_why_there_is_nothing_to_project() {
        use social8020_core::number::Amount;
        use social8020_core::scenario::*;
        let make = |rows: &[(u64, u64)]| {
            Scenario::new(ScenarioParts {
                activities: rows
                    .iter()
                    .map(|&(hours, results)| Activity {
                        name: "a".into(),
                        kind: ActivityKind::Following,
                        hours: Amount::whole(hours),
                        results: Amount::whole(results),
                    })
                    .collect(),
                ..ScenarioParts::default()
            })
            .expect("valid")
        };
        let check = |rows: &[(u64, u64)], expected: NoProjection| {
            let b = breakdown(make(rows)).expect("results");
            assert_eq!(b.reallocate(0.5), Err(expected), "{rows:?}");
        };
        check(&[(3, 10)], NoProjection::NoTrivialMany);
        check(&[(3, 90), (0, 10)], NoProjection::NoHoursToMove);
        check(&[(0, 90), (4, 10)], NoProjection::VitalFewUntimed);
    }
}
