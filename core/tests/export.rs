//! The exports against docs/spec.md §6. Every expected CSV below was worked
//! out by hand from the rows above it, not produced by running the code:
//! each case goes through [`check_csv`], each report through [`report`].

use serde_json::Value;
use social8020_core::analysis::Analysis;
use social8020_core::export::{breakdown_csv, file_name, report_json, CSV_COLUMNS};
use social8020_core::pareto;
use social8020_core::scenario::{ActivityKind, Scenario};
use social8020_core::score::ScoreConfig;
use social8020_core::testing::{rows, C, F};
use social8020_core::{example, number::Amount};

/// One activity as typed: name, kind, hours, results.
type Row<'a> = (&'a str, ActivityKind, &'a str, &'a str);

/// A valid scenario of these rows at a threshold in percent.
fn scenario(table: &[Row], threshold: u8) -> Scenario {
    rows(table).threshold(threshold).build()
}

/// Checks the whole CSV of `scenario`: the header, then `records` in this
/// order, every record ending in CRLF.
#[track_caller]
fn check_csv(scenario: &Scenario, records: &[&str]) {
    let breakdown = pareto::breakdown(scenario.clone()).expect("results above zero");
    let mut expected = String::from(
        "rank,activity,type,hours,results,result_share_pct,cumulative_share_pct,\
         time_share_pct,results_per_hour,leverage,group\r\n",
    );
    for record in records {
        expected.push_str(record);
        expected.push_str("\r\n");
    }
    assert_eq!(breakdown_csv(&breakdown), expected);
}

#[test]
fn the_header_is_the_contract() {
    assert_eq!(
        CSV_COLUMNS.join(","),
        "rank,activity,type,hours,results,result_share_pct,cumulative_share_pct,\
         time_share_pct,results_per_hour,leverage,group"
    );
}

#[test]
fn the_bakery() {
    // Total results 14450 = 289 x 50, total hours 77. Shares are n/289,
    // time shares h/77, leverage r x 77 / (14450 x h).
    check_csv(
        &example::bakery(),
        &[
            "1,Replying to comments and messages,community,6,5200,35.99,35.99,7.79,866.67,4.62,vital_few",
            "2,Local food lovers' Facebook group,community,5,3800,26.3,62.28,6.49,760,4.05,vital_few",
            "3,Customer of the week feature,community,3,2700,18.69,80.97,3.9,900,4.8,vital_few",
            "4,Instagram posts of the daily bakes,following,22,1200,8.3,89.27,28.57,54.55,0.29,trivial_many",
            "5,Paid Facebook and Instagram ads,following,12,700,4.84,94.12,15.58,58.33,0.31,trivial_many",
            "6,Joint posts with the café next door,community,3,400,2.77,96.89,3.9,133.33,0.71,trivial_many",
            "7,TikTok trend videos,following,18,300,2.08,98.96,23.38,16.67,0.09,trivial_many",
            "8,Follower giveaways,following,8,150,1.04,100,10.39,18.75,0.1,trivial_many",
        ],
    );
}

#[test]
fn names_are_quoted_per_rfc_4180() {
    let one = |name: &str| scenario(&[(name, F, "1", "1")], 80);
    let row = |cell: &str| format!("1,{cell},following,1,1,100,100,100,1,1,vital_few");
    for (name, cell) in [
        ("Posts, reels", "\"Posts, reels\""),
        ("Say \"hi\"", "\"Say \"\"hi\"\"\""),
        ("\"Quoted\"", "\"\"\"Quoted\"\"\""),
        // A name holds no line break or tab: the scenario makes them spaces.
        ("Line one\nline two", "Line one line two"),
        ("Carriage\rreturn", "Carriage return"),
        ("Windows\r\nbreak", "Windows  break"),
        ("It's fine", "It's fine"),
        ("Tabs\tare fine", "Tabs are fine"),
        // Quoted too: a `;` is a separator to many spreadsheets.
        ("Semi; colon", "\"Semi; colon\""),
    ] {
        check_csv(&one(name), &[&row(cell)]);
    }
}

#[test]
fn formulas_are_defused() {
    let one = |name: &str| scenario(&[(name, C, "2", "10")], 80);
    let row = |cell: &str| format!("1,{cell},community,2,10,100,100,100,5,1,vital_few");
    for (name, cell) in [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1 ads", "'+1 ads"),
        ("-5 tips", "'-5 tips"),
        ("@mentions", "'@mentions"),
        ("=1+1,2", "\"'=1+1,2\""),
        (
            "=HYPERLINK(\"http://x\")",
            "\"'=HYPERLINK(\"\"http://x\"\")\"",
        ),
        ("-", "'-"),
        // Only the first character counts.
        ("a=b", "a=b"),
        ("Q&A -", "Q&A -"),
        ("'quoted'", "'quoted'"),
    ] {
        check_csv(&one(name), &[&row(cell)]);
    }
}

#[test]
fn any_script_passes_through() {
    check_csv(
        &scenario(
            &[
                ("Каналы в Telegram", C, "4", "300"),
                ("日本語の投稿", F, "2", "100"),
                ("🍞 Brot & Café", F, "2", "100"),
            ],
            50,
        ),
        &[
            "1,Каналы в Telegram,community,4,300,60,60,50,75,1.2,vital_few",
            "2,日本語の投稿,following,2,100,20,80,25,50,0.8,trivial_many",
            "3,🍞 Brot & Café,following,2,100,20,100,25,50,0.8,trivial_many",
        ],
    );
}

#[test]
fn no_hours_leave_cells_empty() {
    // A has no hours: a time share of 0 but no results per hour or
    // leverage. Ties on results go to fewer hours first.
    check_csv(
        &scenario(&[("B", F, "2", "50"), ("A", C, "0", "50")], 80),
        &[
            "1,A,community,0,50,50,50,0,,,vital_few",
            "2,B,following,2,50,50,100,100,25,0.5,vital_few",
        ],
    );
    // No hours anywhere: no time shares either.
    check_csv(
        &scenario(
            &[
                ("A", F, "0", "30"),
                ("B", C, "0", "60"),
                ("C", F, "0", "10"),
            ],
            80,
        ),
        &[
            "1,B,community,0,60,60,60,,,,vital_few",
            "2,A,following,0,30,30,90,,,,vital_few",
            "3,C,following,0,10,10,100,,,,trivial_many",
        ],
    );
    // An activity with no results still has a row.
    check_csv(
        &scenario(&[("A", F, "1", "0"), ("B", F, "3", "9")], 95),
        &[
            "1,B,following,3,9,100,100,75,3,1.33,vital_few",
            "2,A,following,1,0,0,100,25,0,0,trivial_many",
        ],
    );
}

#[test]
fn fractions_round_half_up_to_two_decimals() {
    // Results 3, hours 1.75: A is 2.25/3 = 75 % in 1.5/1.75 = 85.714 % of
    // the time; leverage 0.75 / (6/7) = 0.875 rounds up to 0.88.
    check_csv(
        &scenario(&[("A", F, "1.5", "2.25"), ("B", C, "0.25", "0.75")], 75),
        &[
            "1,A,following,1.5,2.25,75,75,85.71,1.5,0.88,vital_few",
            "2,B,community,0.25,0.75,25,100,14.29,3,1.75,trivial_many",
        ],
    );
    // 159/160 = 99.375 % and 1/160 = 0.625 %: halves that binary cannot
    // hold exactly still round up. Leverage 159/80 = 1.9875.
    check_csv(
        &scenario(&[("A", F, "1", "1"), ("B", F, "1", "159")], 95),
        &[
            "1,B,following,1,159,99.38,99.38,50,159,1.99,vital_few",
            "2,A,following,1,1,0.63,100,50,1,0.01,trivial_many",
        ],
    );
    // A third of the results in 0.01 of 10.11 hours: leverage (1/3) x 1011.
    check_csv(
        &scenario(&[("A", F, "0.01", "0.05"), ("B", F, "10.1", "0.1")], 50),
        &[
            "1,B,following,10.1,0.1,66.67,66.67,99.9,0.01,0.67,vital_few",
            "2,A,following,0.01,0.05,33.33,100,0.1,5,337,trivial_many",
        ],
    );
    // The largest amounts are written in full, without grouping.
    check_csv(
        &scenario(&[("Big", F, "10000", "1000000000000")], 80),
        &["1,Big,following,10000,1000000000000,100,100,100,100000000,1,vital_few"],
    );
}

#[test]
fn a_hundred_rows() {
    // Activity i takes 1 hour and brings i results: 5050 in all. The top
    // 56 bring 56 x 145 / 2 = 4060 (80.40 %), the top 55 only 4015.
    let names: Vec<String> = (1..=100).map(|i| format!("Activity {i}")).collect();
    let results: Vec<String> = (1..=100).map(|i| i.to_string()).collect();
    let rows: Vec<Row> = names
        .iter()
        .zip(&results)
        .map(|(name, results)| (name.as_str(), F, "1", results.as_str()))
        .collect();
    let scenario = scenario(&rows, 80);
    let csv = breakdown_csv(&pareto::breakdown(scenario).expect("results"));
    let records: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(records.len(), 102, "header, 100 rows, and the empty rest");
    assert_eq!(records[101], "");
    assert_eq!(
        records[1],
        "1,Activity 100,following,1,100,1.98,1.98,1,100,1.98,vital_few"
    );
    assert_eq!(
        records[56],
        "56,Activity 45,following,1,45,0.89,80.4,1,45,0.89,vital_few"
    );
    assert_eq!(
        records[57],
        "57,Activity 44,following,1,44,0.87,81.27,1,44,0.87,trivial_many"
    );
    assert_eq!(
        records[100],
        "100,Activity 1,following,1,1,0.02,100,1,1,0.02,trivial_many"
    );
    for (rank, record) in records[1..101].iter().enumerate() {
        assert!(record.starts_with(&format!("{},", rank + 1)), "{record}");
        assert_eq!(record.split(',').count(), 11, "{record}");
    }
}

// ---------------------------------------------------------------------------
// The JSON report

/// The report of `scenario` with the standard score settings, parsed back,
/// after checking what every report must keep: valid JSON, the format and
/// version, no NaN or infinity, and every share from 0 to 100.
#[track_caller]
fn report(scenario: &Scenario, share_link: Option<&str>) -> Value {
    let analysis = Analysis::new(scenario.clone(), ScoreConfig::standard());
    let text = report_json(&analysis, share_link);
    for word in ["NaN", "Infinity"] {
        assert!(!text.contains(word), "{word} in {text}");
    }
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["format"], "social8020-report");
    assert_eq!(value["version"], 2);
    check_numbers(&value, "");
    value
}

/// Every number is finite, and every `_pct` field is null or from 0 to 100.
#[track_caller]
fn check_numbers(value: &Value, key: &str) {
    match value {
        Value::Number(n) => {
            let n = n.as_f64().expect("a number");
            assert!(n.is_finite(), "{key}: {n}");
            if key.ends_with("_pct") {
                assert!((0.0..=100.0).contains(&n), "{key}: {n}");
            }
        }
        Value::Array(items) => items.iter().for_each(|v| check_numbers(v, key)),
        Value::Object(fields) => fields.iter().for_each(|(k, v)| check_numbers(v, k)),
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
}

/// A JSON value as text: strings bare, numbers as written, null as `-`.
fn spell(value: &Value) -> String {
    match value {
        Value::Null => "-".to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn the_bakery_report() {
    let link = "https://example.com/80-20#s=1abc";
    let r = report(&example::bakery(), Some(link));

    let s = &r["scenario"];
    assert_eq!(s["period"], "month");
    assert_eq!(
        s["unit"],
        serde_json::json!({"kind": "currency", "text": "USD"})
    );
    assert_eq!(s["threshold_pct"], 80);
    assert_eq!(s["activities"].as_array().map(Vec::len), Some(8));
    assert_eq!(
        s["activities"][0],
        serde_json::json!({"number": 1, "name": "Instagram posts of the daily bakes",
            "type": "following", "hours": 22, "results": 1200})
    );
    assert_eq!(
        s["signals"],
        serde_json::json!({"likes": 120, "comments": 14, "shares": 6, "customers": 180,
            "repeat_customers": 58, "referred_customers": 31})
    );

    let b = &r["breakdown"];
    assert_eq!(r["breakdown_unavailable"], Value::Null);
    assert_eq!(b["vital_few"], 3);
    assert_eq!(
        b["rows"][0],
        serde_json::json!({"rank": 1, "activity_number": 2,
            "activity": "Replying to comments and messages", "type": "community",
            "hours": 6, "results": 5200, "result_share_pct": 35.99,
            "cumulative_share_pct": 35.99, "time_share_pct": 7.79,
            "results_per_hour": 866.67, "leverage": 4.62, "group": "vital_few"})
    );
    assert_eq!(b["rows"][7]["cumulative_share_pct"], 100);
    assert_eq!(b["rows"][7]["group"], "trivial_many");
    // 3 of 8; 234/289 of the results in 14/77 of the hours; the other five
    // take 63 hours for 55/289 of the results.
    assert_eq!(
        b["headline"],
        serde_json::json!({"activity_count": 8, "vital_count": 3, "vital_count_pct": 37.5,
            "vital_result_pct": 80.97, "vital_time_pct": 18.18, "trivial_hours": 63,
            "trivial_result_pct": 19.03, "total_hours": 77, "total_results": 14450,
            "community_in_vital_few": 3})
    );

    let score = &r["score"];
    assert_eq!(r["score_unavailable"], Value::Null);
    assert_eq!(score["value"], 54);
    assert_eq!(score["exact"], 53.71);
    assert_eq!(
        score["band"],
        serde_json::json!({"key": "growing_community"})
    );
    assert_eq!(score["signals_used"], 5);
    assert_eq!(score["biggest_lever"], "time");
    // Measures 17/77, 12100/14450, 20/140, 58/180, 31/180; weights 20, 25,
    // 15, 20, 20 of 100.
    // Each signal as "key measure_pct sub_score weight weight_share_pct
    // target_pct contribution", with "-" for null.
    let signals = score["signals"].as_array().expect("signals");
    let fields = [
        "key",
        "measure_pct",
        "sub_score",
        "weight",
        "weight_share_pct",
        "target_pct",
        "contribution",
    ];
    let found: Vec<String> = signals
        .iter()
        .map(|s| fields.map(|f| spell(&s[f])).join(" "))
        .collect();
    assert_eq!(
        found,
        [
            "time 22.08 22.08 20 20 - 4.42",
            "results 83.74 83.74 25 25 - 20.93",
            "conversation 14.29 35.71 15 15 40 5.36",
            "loyalty 32.22 80.56 20 20 40 16.11",
            "advocacy 17.22 34.44 20 20 50 6.89",
        ]
    );
    assert_eq!(signals[0]["used"], true);
    // Machine names and numbers only, the same in every language: no words.
    let mut names: Vec<&str> = signals[0]
        .as_object()
        .expect("a signal")
        .keys()
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "contribution",
            "key",
            "measure_pct",
            "sub_score",
            "target_pct",
            "used",
            "weight",
            "weight_share_pct"
        ]
    );

    assert_eq!(
        r["config"],
        serde_json::json!({
            "weights": {"time": 20, "results": 25, "conversation": 15, "loyalty": 20,
                "advocacy": 20},
            "targets_pct": {"conversation": 40, "loyalty": 40, "advocacy": 50},
            "bands": {"growing": 40, "community": 70}})
    );
    assert_eq!(r["share_link"], link);
}

#[test]
fn a_report_without_breakdown_or_score_says_why() {
    let r = report(&scenario(&[("Nothing yet", F, "0", "0")], 80), None);
    assert_eq!(r["breakdown"], Value::Null);
    assert_eq!(
        r["breakdown_unavailable"],
        serde_json::json!({"reason": "no_results"})
    );
    assert_eq!(r["score"], Value::Null);
    assert_eq!(
        r["score_unavailable"],
        serde_json::json!({"reason": "no_signals"})
    );
    assert_eq!(r["share_link"], Value::Null);
    // Missing signals are explicit nulls, not missing fields.
    let signals = r["scenario"]["signals"].as_object().expect("signals");
    assert_eq!(signals.len(), 6);
    assert!(signals.values().all(Value::is_null));
    // The settings in force are there even without a score.
    assert_eq!(r["config"]["bands"]["community"], 70);
}

#[test]
fn a_score_without_a_breakdown() {
    // Hours but no results: the time signal alone scores.
    let r = report(&scenario(&[("Replies", C, "3", "0")], 80), None);
    assert_eq!(r["breakdown"], Value::Null);
    assert_eq!(r["score"]["value"], 100);
    assert_eq!(r["score"]["signals_used"], 1);
    assert_eq!(r["score"]["biggest_lever"], Value::Null);
    let results = &r["score"]["signals"][1];
    assert_eq!(results["key"], "results");
    assert_eq!(results["used"], false);
    assert_eq!(results["measure_pct"], Value::Null);
    assert_eq!(results["sub_score"], Value::Null);
    assert_eq!(results["weight_share_pct"], 0);
}

#[test]
fn names_survive_the_report_and_figures_match_the_csv() {
    let cases: [&[Row]; 4] = [
        &[
            ("Say \"hi\" =1,2 🍞", F, "1", "3"),
            ("\\ back", C, "2", "1"),
        ],
        &[("A", F, "0", "30"), ("B", C, "0", "60")],
        &[("A", F, "1.5", "2.25"), ("B", C, "0.25", "0.75")],
        &[("A", F, "0.01", "0.05"), ("B", F, "10.1", "0.1")],
    ];
    for rows in cases {
        let scenario = scenario(rows, 80);
        let r = report(&scenario, None);
        for (i, &(name, ..)) in rows.iter().enumerate() {
            assert_eq!(r["scenario"]["activities"][i]["name"], name);
        }
        // Each figure of each row, as the JSON has it, is spelt exactly as
        // the CSV cell (names aside, which may hold commas).
        let csv = breakdown_csv(&pareto::breakdown(scenario.clone()).expect("results"));
        let json_rows = r["breakdown"]["rows"].as_array().expect("rows");
        for (row, record) in json_rows.iter().zip(csv.split("\r\n").skip(1)) {
            let cells: Vec<&str> = record.rsplitn(10, ',').collect();
            let columns = [
                "group",
                "leverage",
                "results_per_hour",
                "time_share_pct",
                "cumulative_share_pct",
                "result_share_pct",
                "results",
                "hours",
                "type",
            ];
            for (column, cell) in columns.iter().zip(&cells) {
                let spelt = match &row[*column] {
                    Value::Null => String::new(),
                    other => spell(other),
                };
                assert_eq!(&spelt, cell, "{column} of {record:?}");
            }
        }
    }
}

#[test]
fn signals_are_numbers_or_null() {
    let mut parts = scenario(&[("A", F, "1", "1")], 80).into_parts();
    parts.signals.likes = Some(Amount::from_hundredths(1250));
    parts.signals.customers = Some(Amount::whole(0));
    let r = report(&Scenario::new(parts).expect("valid"), None);
    assert_eq!(
        r["scenario"]["signals"],
        serde_json::json!({"likes": 12.5, "comments": null, "shares": null,
            "customers": 0, "repeat_customers": null, "referred_customers": null})
    );
}

#[test]
fn file_names_are_safe() {
    for (date, extension, expected) in [
        ("2026-11-25", "csv", "social-80-20-2026-11-25.csv"),
        ("2026-11-25", ".json", "social-80-20-2026-11-25.json"),
        (" 2026-01-05 ", "CSV", "social-80-20-2026-01-05.csv"),
        ("", "csv", "social-80-20.csv"),
        ("---", "csv", "social-80-20.csv"),
        ("2026/11/25", "csv", "social-80-20.csv"),
        ("../../etc/passwd", "csv", "social-80-20.csv"),
        ("2026-11-25-0000000", "csv", "social-80-20.csv"),
        ("2026-11-25", "c/sv", "social-80-20-2026-11-25"),
        ("2026-11-25", "", "social-80-20-2026-11-25"),
        ("2026-11-25", "toolongext", "social-80-20-2026-11-25"),
    ] {
        assert_eq!(
            file_name(date, extension),
            expected,
            "{date:?} {extension:?}"
        );
    }
}
