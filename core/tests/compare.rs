//! Before and after against docs/spec.md §10: one-line cases through
//! [`check`], the comparison CSV through [`check_csv`] (every expected CSV
//! worked out by hand from the rows above it), then properties that hold
//! for any two valid scenarios.

use proptest::prelude::*;
use social8020_core::analysis::Analysis;
use social8020_core::compare::{Basis, Change, Compared, Comparison, Conversion, Move, Status};
use social8020_core::export::{breakdown_csv, comparison_csv, comparison_report_json, report_json};
use social8020_core::number::{decimal, Amount};
use social8020_core::pareto::{self, NoBreakdown};
use social8020_core::scenario::{Period, Scenario};
use social8020_core::score::{NoScore, ScoreConfig};
use social8020_core::testing::{line, rows, C, F};

fn compare(before: Scenario, now: Scenario) -> Comparison {
    Comparison::new(before, now, ScoreConfig::standard())
}

/// A figure as the tables write it: `_` where there is none, else at most
/// two decimals.
fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "_".to_owned(), |v| decimal(v, 2))
}

/// One row as the tables write it:
/// `name status hours_before>hours_now results_before>results_now
/// vital_before>vital_now move`, results on the comparison's basis (result
/// shares in percent, with `%`, when the units differ), vital `y`/`n`/`_`.
fn render(comparison: &Comparison) -> String {
    let shares = comparison.basis() == Basis::Shares;
    comparison
        .rows()
        .map(|row| {
            let pair = |change: Change, scale: f64, suffix: &str| {
                let side = |v: Option<f64>| match v {
                    Some(v) => format!("{}{suffix}", figure(Some(v * scale))),
                    None => "_".to_owned(),
                };
                format!("{}>{}", side(change.before), side(change.now))
            };
            let results = if shares {
                pair(row.result_share, 100.0, "%")
            } else {
                pair(row.results, 1.0, "")
            };
            let vital = |v: Option<bool>| match v {
                Some(true) => "y",
                Some(false) => "n",
                None => "_",
            };
            let movement = match row.movement {
                Move::Entered => "entered",
                Move::Left => "left",
                Move::StayedIn => "in",
                Move::StayedOut => "out",
            };
            format!(
                "{} {} {} {} {}>{} {movement}",
                row.name,
                row.status.key(),
                pair(row.hours, 1.0, ""),
                results,
                vital(row.vital_before()),
                vital(row.vital_now()),
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Compares `before` with `now`, checks the rendered rows (see [`render`])
/// and that every change is now minus before with an absent side as 0, and
/// hands the comparison back for further checks.
#[track_caller]
fn check(before: Scenario, now: Scenario, expected: &str) -> Comparison {
    let comparison = compare(before, now);
    assert_eq!(render(&comparison), expected);
    for row in comparison.rows() {
        for change in [row.hours, row.results] {
            let counted = |side: Option<f64>| side.unwrap_or(0.0);
            let difference = counted(change.now) - counted(change.before);
            assert_eq!(change.change, Some(difference), "{}", row.name);
        }
        assert_eq!(row.status == Status::New, row.before.is_none());
        assert_eq!(row.status == Status::Dropped, row.now.is_none());
    }
    comparison
}

#[test]
fn names_pair_trimmed_and_ignoring_ascii_case() {
    check(
        line("Posts:2/100").build(),
        line("posts:3/150").build(),
        "posts matched 2>3 100>150 y>y in",
    );
    check(
        rows(&[("Reply to DMs", C, "2", "100")]).build(),
        rows(&[("  reply TO dms ", C, "2", "100")]).build(),
        "reply TO dms matched 2>2 100>100 y>y in",
    );
    // Only ASCII letters fold: the rest must be the same.
    check(
        rows(&[("Été", F, "1", "10")]).build(),
        rows(&[("été", F, "1", "10")]).build(),
        "été new _>1 _>10 _>y entered, Été dropped 1>_ 10>_ y>_ left",
    );
    check(
        rows(&[("Ａds", F, "1", "10")]).build(),
        rows(&[("ａds", F, "1", "10")]).build(),
        "ａds new _>1 _>10 _>y entered, Ａds dropped 1>_ 10>_ y>_ left",
    );
    check(
        rows(&[("Über uns", F, "1", "10")]).build(),
        rows(&[("Über UNS", F, "2", "10")]).build(),
        "Über UNS matched 1>2 10>10 y>y in",
    );
}

#[test]
fn duplicates_pair_in_order_of_occurrence() {
    check(
        line("Posts:1/10 Posts:2/20").build(),
        line("posts:3/30").build(),
        "posts matched 1>3 10>30 y>y in, Posts dropped 2>_ 20>_ y>_ left",
    );
    check(
        line("Posts:1/10").build(),
        line("Posts:5/5 POSTS:4/40").build(),
        "POSTS new _>4 _>40 _>y entered, Posts matched 1>5 10>5 y>n left",
    );
    check(
        line("A:1/10 A:2/20 A:3/30").build(),
        line("a:4/1 a:5/2 a:6/3").build(),
        "a matched 3>6 30>3 y>y in, a matched 2>5 20>2 y>y in, a matched 1>4 10>1 n>n out",
    );
}

#[test]
fn new_and_dropped_activities() {
    check(
        line("A:1/10").build(),
        line("B:2/20").build(),
        "B new _>2 _>20 _>y entered, A dropped 1>_ 10>_ y>_ left",
    );
    // Present now first in the now ranking, then dropped in the before
    // ranking: most results, then fewer hours, then entry order.
    check(
        line("X:1/5 Y:2/50 Z:1/50 W:1/0").build(),
        line("New:1/1 Old:1/1").build(),
        "New new _>1 _>1 _>y entered, Old new _>1 _>1 _>y entered, \
         Z dropped 1>_ 50>_ y>_ left, Y dropped 2>_ 50>_ y>_ left, \
         X dropped 1>_ 5>_ n>_ out, W dropped 1>_ 0>_ n>_ out",
    );
}

#[test]
fn the_before_side_is_converted_to_the_now_period() {
    // 3 hours a week are 13 a month; 30 results a week, 130 a month.
    let c = check(
        line("A:3/30 B:1.5/0").week().build(),
        line("A:13/100 B:1/1").build(),
        "A matched 13>13 130>100 y>y in, B matched 6.5>1 0>1 n>n out",
    );
    let conversion = Conversion {
        from: Period::Week,
        to: Period::Month,
    };
    assert_eq!(c.conversion(), Some(conversion));
    assert_eq!(conversion.factor(), 52.0 / 12.0);
    // And back: 13 hours a month are 3 a week.
    let c = check(
        line("A:13/130 B:1/0").build(),
        line("A:3/10 B:1/50").week().build(),
        "B matched 0.23>1 0>50 n>y entered, A matched 3>3 30>10 y>n left",
    );
    assert_eq!(
        c.conversion(),
        Some(Conversion {
            from: Period::Month,
            to: Period::Week
        })
    );
    // Same period: nothing converted.
    let c = check(
        line("A:3/30").week().build(),
        line("A:3/30").week().build(),
        "A matched 3>3 30>30 y>y in",
    );
    assert_eq!(c.conversion(), None);
}

#[test]
fn different_units_compare_result_shares() {
    let c = check(
        line("A:1/30 B:1/10").unit("leads").build(),
        line("A:1/100 B:1/300").unit("EUR").build(),
        "B matched 1>1 25%>75% y>y in, A matched 1>1 75%>25% y>y in",
    );
    assert_eq!(c.basis(), Basis::Shares);
    for (before, now, basis) in [
        ("USD", "USD", Basis::Results),
        ("leads", "Leads", Basis::Results),
        ("sign-ups", "leads", Basis::Shares),
        ("USD", "EUR", Basis::Shares),
        ("EUR", "eur", Basis::Shares),
    ] {
        let comparison = compare(
            line("A:1/1").unit(before).build(),
            line("A:1/1").unit(now).build(),
        );
        assert_eq!(comparison.basis(), basis, "{before} and {now}");
    }
}

#[test]
fn a_side_with_no_results() {
    // No breakdown before: no vital few, no shares, no headline.
    let c = check(
        line("A:1/0 B:2/0").build(),
        line("A:1/5").build(),
        "A matched 1>1 0>5 n>y entered, B dropped 2>_ 0>_ n>_ out",
    );
    assert_eq!(c.headline_before(), Err(NoBreakdown::NoResults));
    assert!(c.headline_now().is_ok());
    let shares: Vec<Change> = c.rows().map(|row| row.result_share).collect();
    assert_eq!(
        shares,
        [
            Change {
                before: None,
                now: Some(1.0),
                change: None
            },
            Change {
                before: None,
                now: None,
                change: None
            },
        ]
    );
    // With different units the results are shares, unknown before.
    check(
        line("A:1/0 B:2/0").unit("leads").build(),
        line("A:1/5").build(),
        "A matched 1>1 _>100% n>y entered, B dropped 2>_ _>_ n>_ out",
    );
    // And the other way round.
    let c = check(
        line("A:1/5").build(),
        line("A:1/0 B:0/0").build(),
        "B new _>0 _>0 _>n out, A matched 1>1 5>0 y>n left",
    );
    assert_eq!(c.headline_now(), Err(NoBreakdown::NoResults));
}

#[test]
fn the_vital_few_moves() {
    // At 80 %: before A alone is 80 %; now B and C are 90 %.
    check(
        line("A:1/80 B:1/10 C:1/10").build(),
        line("A:1/10 B:1/50 C:1/40").build(),
        "B matched 1>1 10>50 n>y entered, C matched 1>1 10>40 n>y entered, \
         A matched 1>1 80>10 y>n left",
    );
    check(
        line("A:1/60 B:1/30 C:1/10").build(),
        line("A:1/50 B:1/40 C:1/10").build(),
        "A matched 1>1 60>50 y>y in, B matched 1>1 30>40 y>y in, C matched 1>1 10>10 n>n out",
    );
    // Each side at its own threshold: 60 % is the vital few at 50 %.
    check(
        line("A:1/60 B:1/40").threshold(50).build(),
        line("A:1/60 B:1/40").threshold(95).build(),
        "A matched 1>1 60>60 y>y in, B matched 1>1 40>40 n>y entered",
    );
    // New and dropped: absent counts as outside.
    check(
        line("Gone:1/90 Low:1/10").build(),
        line("Fresh:1/90 Late:1/10").build(),
        "Fresh new _>1 _>90 _>y entered, Late new _>1 _>10 _>n out, \
         Gone dropped 1>_ 90>_ y>_ left, Low dropped 1>_ 10>_ n>_ out",
    );
}

/// Each signal's sub-score as `key before>now change`, `_` for none.
fn sub_scores(comparison: &Comparison) -> String {
    comparison
        .signal_changes()
        .iter()
        .map(|s| {
            let change = s.sub_score;
            format!(
                "{} {}>{} {}",
                s.signal.key(),
                figure(change.before),
                figure(change.now),
                figure(change.change)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn scores_and_sub_scores_change() {
    // Before: time 1/4 = 25, results 50/100 = 50; (20 x 25 + 25 x 50) / 45
    // = 38.89, so 39. Now: time 50, results 50, conversation (30 + 10) /
    // 100 = 0.4, at its target, 100; (20 x 50 + 25 x 50 + 15 x 100) / 60 =
    // 62.5, so 63.
    let c = compare(
        line("f:3/50 c:1/50").build(),
        line("f:1/50 c:1/50 likes=60 comments=30 shares=10").build(),
    );
    assert_eq!(c.score_before().map(|s| s.value), Ok(39));
    assert_eq!(c.score_now().map(|s| s.value), Ok(63));
    assert_eq!(c.score_change(), Some(24));
    assert_eq!(
        sub_scores(&c),
        "time 25>50 25, results 50>50 0, conversation _>100 _, loyalty _>_ _, advocacy _>_ _"
    );
    // A side with no score: no change, and the reason is kept.
    let c = compare(line("A:0/0").build(), line("c:1/1").build());
    assert_eq!(c.score_before().err(), Some(NoScore::NoSignals));
    assert_eq!(c.score_now().map(|s| s.value), Ok(100));
    assert_eq!(c.score_change(), None);
    assert!(c
        .signal_changes()
        .iter()
        .all(|s| s.sub_score.change.is_none()));
}

#[test]
fn community_hours_per_period() {
    for (before, now, expected) in [
        // 6 community hours a week are 26 a month.
        (
            line("f:3/50 c:6/50").week().build(),
            line("c:20/10 f:5/1").build(),
            (26.0, 20.0),
        ),
        (
            line("c:13/1 c:13/1").build(),
            line("c:2/1").week().build(),
            (6.0, 2.0),
        ),
        (
            line("f:3/1").build(),
            line("c:2.5/1 f:1/1").build(),
            (0.0, 2.5),
        ),
    ] {
        let c = compare(before, now);
        let hours = c.community_hours();
        let round = |v: Option<f64>| v.map(|v| (v * 1e9).round() / 1e9);
        assert_eq!(
            (round(hours.before), round(hours.now), round(hours.change)),
            (
                Some(expected.0),
                Some(expected.1),
                Some(expected.1 - expected.0)
            )
        );
    }
}

#[test]
fn both_headlines_are_each_sides_own() {
    let before = line("A:10/80 B:30/20").week().build();
    let now = line("A:10/50 B:10/50").build();
    let c = compare(before.clone(), now.clone());
    let own = |s: Scenario| pareto::breakdown(s).map(|b| b.headline());
    assert_eq!(c.headline_before(), own(before));
    assert_eq!(c.headline_now(), own(now));
    // In the before side's own period: 30 trivial hours a week.
    assert_eq!(c.headline_before().map(|h| h.trivial_hours), Ok(30.0));
}

// ---------------------------------------------------------------------------
// The comparison CSV

const HEADER: &str = "activity,status,hours_before,hours_now,hours_change,\
                      results_before,results_now,results_change,vital_before,vital_now\r\n";

/// Checks the whole comparison CSV: the header, then `records` in this
/// order, every record ending in CRLF.
#[track_caller]
fn check_csv(before: Scenario, now: Scenario, records: &[&str]) {
    let mut expected = HEADER.to_owned();
    for record in records {
        expected.push_str(record);
        expected.push_str("\r\n");
    }
    assert_eq!(comparison_csv(&compare(before, now)), expected);
}

#[test]
fn csv_of_a_hand_worked_comparison() {
    // Before, 6,700 results: Replies 77.61 %, Posts to 95.52 %: vital few
    // Replies and Posts. Now, 10,000: replies 60 %, Events to 85 %: vital
    // few replies and Events.
    check_csv(
        rows(&[
            ("Replies", C, "6", "5200"),
            ("Posts", F, "10", "1200"),
            ("Ads", F, "4", "300"),
        ])
        .build(),
        rows(&[
            ("replies", C, "8.5", "6000"),
            ("Posts", F, "6", "1500"),
            ("Events", C, "3", "2500"),
        ])
        .build(),
        &[
            "replies,matched,6,8.5,2.5,5200,6000,800,yes,yes",
            "Events,new,,3,3,,2500,2500,,yes",
            "Posts,matched,10,6,-4,1200,1500,300,yes,no",
            "Ads,dropped,4,,-4,300,,-300,no,",
        ],
    );
}

#[test]
fn csv_converts_the_period_and_writes_shares_when_units_differ() {
    // Before per week in leads: A 3 h = 13 h a month, B 1 h = 4.33 h;
    // shares 75 % and 25 %, both vital at 80 %. Now per month in USD:
    // C 75 %, a 25 %, both vital.
    check_csv(
        line("A:3/30 B:1/10").week().unit("leads").build(),
        line("a:10/100 C:2/300").build(),
        &[
            "C,new,,2,2,,75,75,,yes",
            "a,matched,13,10,-3,75,25,-50,yes,yes",
            "B,dropped,4.33,,-4.33,25,,-25,yes,",
        ],
    );
    // Month to week: 10 h a month are 2.31 a week (2.3077), 1 result a
    // month 0.23 a week (0.2308).
    check_csv(
        line("A:10/1").build(),
        line("A:2.5/1").week().build(),
        &["A,matched,2.31,2.5,0.19,0.23,1,0.77,yes,yes"],
    );
}

#[test]
fn csv_of_a_side_with_no_results() {
    check_csv(
        line("A:1/0 B:2/0").build(),
        line("A:1/5").build(),
        &["A,matched,1,1,0,0,5,5,no,yes", "B,dropped,2,,-2,0,,0,no,"],
    );
    // As shares: unknown before, so the changes are empty too.
    check_csv(
        line("A:1/0 B:2/0").unit("leads").build(),
        line("A:1/5").build(),
        &["A,matched,1,1,0,,100,,no,yes", "B,dropped,2,,-2,,,,no,"],
    );
}

#[test]
fn csv_names_are_defused_but_numbers_are_not() {
    // A hostile name is defused; the negative changes beside it stay
    // numbers.
    let record = |cell: &str| format!("{cell},dropped,2,,-2,10,,-10,yes,");
    for (name, cell) in [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1 ads", "'+1 ads"),
        ("-5 tips", "'-5 tips"),
        ("@mentions", "'@mentions"),
        ("=1+1,2", "\"'=1+1,2\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("-", "'-"),
    ] {
        check_csv(
            rows(&[(name, F, "2", "10")]).build(),
            line("Other:1/1").build(),
            &["Other,new,,1,1,,1,1,,yes", &record(cell)],
        );
    }
    // Whatever the one cell rule of the exports becomes, a name is written
    // exactly as the breakdown CSV writes it.
    for name in [
        "x;=1+1",
        "a\t=b",
        "=cmd|' /C calc'!A0",
        "line\nbreak",
        "  @x",
    ] {
        let scenario = rows(&[(name, F, "2", "10")]).build();
        let breakdown = breakdown_csv(&pareto::breakdown(scenario.clone()).expect("results"));
        let breakdown_cell = breakdown
            .split_once("\r\n")
            .and_then(|(_, record)| record.strip_prefix("1,"))
            .and_then(|rest| rest.strip_suffix(",following,2,10,100,100,100,5,1,vital_few\r\n"))
            .expect("one record");
        let csv = comparison_csv(&compare(scenario.clone(), scenario));
        let compared_cell = csv
            .strip_prefix(HEADER)
            .and_then(|record| record.strip_suffix(",matched,2,2,0,10,10,0,yes,yes\r\n"))
            .expect("one record");
        assert_eq!(compared_cell, breakdown_cell, "{name:?}");
    }
}

// ---------------------------------------------------------------------------
// Properties

/// Names from a small pool, in varied ASCII case, so that matches,
/// duplicates and unmatched names all come up.
fn name() -> impl Strategy<Value = String> {
    let base = prop::sample::select(vec!["Posts", "Replies", "Ads", "Events", "Été", "Live"]);
    (base, any::<bool>(), any::<bool>()).prop_map(|(base, upper, padded)| {
        let name = if upper {
            base.to_ascii_uppercase()
        } else {
            base.to_owned()
        };
        if padded {
            format!(" {name} ")
        } else {
            name
        }
    })
}

/// A valid scenario of 1 to 30 activities, week or month, in one of three
/// units, through the shared builder.
fn scenarios() -> impl Strategy<Value = Scenario> {
    let value = |max: u64| prop_oneof![Just(0u64), 0..=300u64, 0..=max];
    let row = (
        name(),
        any::<bool>(),
        value(1_000_000),
        value(100_000_000_000_000),
    );
    (
        prop::collection::vec(row, 1..=30),
        any::<bool>(),
        prop::sample::select(vec!["USD", "EUR", "leads"]),
    )
        .prop_map(|(table, week, unit)| {
            let texts: Vec<(String, _, String, String)> = table
                .into_iter()
                .map(|(name, community, hours, results)| {
                    let kind = if community { C } else { F };
                    let amount = |h: u64| Amount::from_hundredths(h).to_string();
                    (name, kind, amount(hours), amount(results))
                })
                .collect();
            let borrowed: Vec<_> = texts
                .iter()
                .map(|(name, kind, hours, results)| {
                    (name.as_str(), *kind, hours.as_str(), results.as_str())
                })
                .collect();
            let build = rows(&borrowed).unit(unit);
            if week { build.week() } else { build }.build()
        })
}

/// Equal up to rounding, relative to `scale`, the size of the figures
/// summed.
fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * scale.max(1.0)
}

/// A number cell of the CSV in hundredths; `None` for an empty cell.
fn cell(text: &str) -> Option<i128> {
    if text.is_empty() {
        return None;
    }
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = format!("{fraction:0<2}");
    let value: i128 = format!("{whole}{fraction}").parse().expect("a number cell");
    Some(sign * value)
}

proptest! {
    #[test]
    fn every_activity_once_and_the_changes_add_up(before in scenarios(), now in scenarios()) {
        let c = compare(before.clone(), now.clone());
        let rows: Vec<_> = c.rows().collect();

        // Every activity of both sides exactly once.
        let mut before_seen: Vec<usize> = rows.iter().filter_map(|r| r.before.map(|s| s.number)).collect();
        let mut now_seen: Vec<usize> = rows.iter().filter_map(|r| r.now.map(|s| s.number)).collect();
        before_seen.sort_unstable();
        now_seen.sort_unstable();
        prop_assert_eq!(before_seen, (1..=before.activities().len()).collect::<Vec<_>>());
        prop_assert_eq!(now_seen, (1..=now.activities().len()).collect::<Vec<_>>());

        // Matched rows share a name up to trimming and ASCII case; a name
        // is not both new and dropped.
        let key = |name: &str| name.trim().to_ascii_lowercase();
        for r in &rows {
            if let (Some(b), Some(n)) = (r.before, r.now) {
                prop_assert_eq!(key(&b.activity.name), key(&n.activity.name));
            }
        }
        for new in rows.iter().filter(|r| r.status == Status::New) {
            prop_assert!(rows.iter().filter(|r| r.status == Status::Dropped).all(|d| key(d.name) != key(new.name)));
        }
        // Dropped rows last.
        let first_dropped = rows.iter().position(|r| r.status == Status::Dropped).unwrap_or(rows.len());
        prop_assert!(rows[first_dropped..].iter().all(|r| r.status == Status::Dropped));

        // The changes add up to the change of the totals.
        let sum = |read: &dyn Fn(&Change) -> Option<f64>, pick: &dyn Fn(&Compared) -> Change| {
            rows.iter().filter_map(|r| read(&pick(r))).sum::<f64>()
        };
        let (hours, results) = (c.total_hours(), c.total_results());
        let size = |total: Change| total.before.unwrap_or(0.0) + total.now.unwrap_or(0.0);
        let (hours_size, results_size) = (size(hours), size(results));
        prop_assert!(close(sum(&|c| c.change, &|r| r.hours), hours.change.unwrap_or(f64::NAN), hours_size));
        prop_assert!(close(sum(&|c| c.change, &|r| r.results), results.change.unwrap_or(f64::NAN), results_size));
        prop_assert!(close(sum(&|c| c.before, &|r| r.hours), hours.before.unwrap_or(f64::NAN), hours_size));
        prop_assert!(close(sum(&|c| c.now, &|r| r.results), results.now.unwrap_or(f64::NAN), results_size));
        let shares_known = rows.iter().all(|r| r.result_share.change.is_some());
        if shares_known {
            prop_assert!(close(sum(&|c| c.change, &|r| r.result_share), 0.0, 1.0));
        }

        // The vital few as each side's own breakdown has them.
        for (scenario, side) in [(&before, 0), (&now, 1)] {
            let vital: usize = rows.iter().filter(|r| if side == 0 { r.vital_before() } else { r.vital_now() } == Some(true)).count();
            let expected = pareto::breakdown(scenario.clone()).map_or(0, |b| b.vital_count());
            prop_assert_eq!(vital, expected);
        }

        // The CSV: one record per row, and each record adds up as written.
        let csv = comparison_csv(&c);
        let records: Vec<&str> = csv.strip_suffix("\r\n").expect("CRLF at the end").split("\r\n").collect();
        prop_assert_eq!(records.len(), rows.len() + 1);
        for record in &records[1..] {
            // Names from the pool hold no comma or quote.
            let cells: Vec<&str> = record.split(',').collect();
            prop_assert_eq!(cells.len(), 10);
            for at in [2, 5] {
                let (b, n, change) = (cell(cells[at]), cell(cells[at + 1]), cell(cells[at + 2]));
                match change {
                    Some(change) => prop_assert_eq!(change, n.unwrap_or(0) - b.unwrap_or(0)),
                    None => prop_assert!(c.basis() == Basis::Shares),
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The JSON report's `comparison` object

/// The report of `now` compared with `before`, parsed back, after checking
/// that it is valid JSON with no NaN or infinity; its `comparison` object.
#[track_caller]
fn report(before: Scenario, now: Scenario) -> serde_json::Value {
    let text = comparison_report_json(&compare(before, now), Some("https://x/#s=1a&b=1b"));
    for word in ["NaN", "Infinity"] {
        assert!(!text.contains(word), "{word} in {text}");
    }
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["format"], "social8020-report");
    assert_eq!(value["share_link"], "https://x/#s=1a&b=1b");
    value["comparison"].clone()
}

/// A row of the report's comparison as a CSV record would write it.
fn as_record(row: &serde_json::Value) -> String {
    let cell = |key: &str| match &row[key] {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Bool(b) => (if *b { "yes" } else { "no" }).to_owned(),
        other => other.to_string(),
    };
    let keys = HEADER.trim_end().split(',');
    keys.map(cell).collect::<Vec<_>>().join(",")
}

#[test]
fn the_report_holds_the_comparison() {
    let before = line("A:3/30 B:1/10 f:1/0 likes=60 comments=30 shares=10")
        .week()
        .unit("leads")
        .build();
    let now = line("a:10/100 C:2/300").build();
    let c = report(before.clone(), now.clone());
    assert_eq!(
        c["conversion"],
        serde_json::json!({"from": "week", "to": "month"})
    );
    assert_eq!(c["results_compared_as"], "shares");
    assert_eq!(c["before"]["scenario"]["period"], "week");
    assert_eq!(c["before"]["breakdown"]["vital_few"], 2);
    // Before: time 0, results 0, conversation 100; (15 x 100) / 60 = 25.
    // Now: time 0, results 0, so 0.
    assert_eq!(
        c["score"],
        serde_json::json!({"before": 25, "now": 0, "change": -25})
    );
    assert_eq!(
        c["signals"][2],
        serde_json::json!({"key": "conversation", "before": 100, "now": null, "change": null})
    );
    assert_eq!(
        c["community_hours"],
        serde_json::json!({"before": 0, "now": 0, "change": 0})
    );
    // The rows say what the CSV says, plus the move.
    let rows = c["rows"].as_array().expect("rows");
    let csv = comparison_csv(&compare(before, now));
    let records: Vec<String> = rows.iter().map(as_record).collect();
    assert_eq!(format!("{HEADER}{}\r\n", records.join("\r\n")), csv);
    let moves: Vec<&str> = rows.iter().filter_map(|r| r["move"].as_str()).collect();
    assert_eq!(moves, ["entered", "stayed_in", "left", "stayed_out"]);
}

#[test]
fn a_report_without_comparison_says_null() {
    let analysis = Analysis::new(line("A:1/1").build(), ScoreConfig::standard());
    let value: serde_json::Value =
        serde_json::from_str(&report_json(&analysis, None)).expect("valid JSON");
    assert_eq!(value["comparison"], serde_json::Value::Null);
    // A side with no breakdown and no score keeps its reasons.
    let c = report(line("A:0/0").build(), line("A:1/1").build());
    assert_eq!(c["before"]["breakdown"], serde_json::Value::Null);
    assert_eq!(c["before"]["breakdown_unavailable"]["reason"], "no_results");
    assert_eq!(c["before"]["score_unavailable"]["reason"], "no_signals");
    assert_eq!(c["score"]["change"], serde_json::Value::Null);
    assert_eq!(c["conversion"], serde_json::Value::Null);
}

#[test]
fn the_analysis_on_screen_is_kept() {
    let now = Analysis::new(line("A:1/1 c:1/1").build(), ScoreConfig::standard());
    let c = Comparison::with_now(line("A:2/2").build(), now.clone());
    assert_eq!(c.now(), &now);
    assert_eq!(
        c,
        compare(line("A:2/2").build(), line("A:1/1 c:1/1").build())
    );
}

#[test]
fn the_largest_scenarios_compare_without_overflow() {
    let many = |case: fn(usize) -> String| {
        let names: Vec<String> = (0..100).map(case).collect();
        let table: Vec<_> = names
            .iter()
            .map(|name| (name.as_str(), C, "10000", "1000000000000"))
            .collect();
        rows(&table)
    };
    let before = many(|i| format!("Activity {i}")).week().build();
    let now = many(|i| format!("ACTIVITY {}", i + 50)).build();
    let c = compare(before, now);
    let statuses: Vec<Status> = c.rows().map(|row| row.status).collect();
    assert_eq!(statuses.len(), 150);
    assert_eq!(
        statuses.iter().filter(|s| **s == Status::Matched).count(),
        50
    );
    // 10,000 hours a week are 43,333.33 a month.
    let csv = comparison_csv(&c);
    assert!(csv.contains(
        "\r\nACTIVITY 50,matched,43333.33,10000,-33333.33,4333333333333.33,1000000000000,\
         -3333333333333.33,"
    ));
    assert_eq!(c.community_hours().now, Some(1_000_000.0));
}
