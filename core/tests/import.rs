//! Pasted rows and imported CSV against docs/spec.md §6: every case goes
//! through [`check`], which compares the rows found (line, name, type,
//! hours, results) and the problems as facts (the app words them).

use proptest::prelude::*;
use social8020_core::draft::{ActivityDraft, ScenarioDraft};
use social8020_core::export::breakdown_csv;
use social8020_core::import::{
    parse_rows, parse_rows_with_room, Import, Reason, RowProblem, MAX_INPUT_BYTES,
};
use social8020_core::number::Amount;
use social8020_core::scenario::{Activity, ActivityKind, Scenario, ScenarioParts};
use social8020_core::{example, pareto};

/// Checks the rows of `import`, each as `"line: name | type | hours |
/// results"`, and its problems, each as [`fact`] writes it.
#[track_caller]
fn check(import: Import, rows: &[&str], problems: &[&str]) {
    let found_rows: Vec<String> = import
        .rows
        .iter()
        .map(|row| {
            let a = &row.activity;
            format!(
                "{}: {} | {} | {} | {}",
                row.line,
                a.name,
                a.kind.key(),
                a.hours,
                a.results
            )
        })
        .collect();
    let found_problems: Vec<String> = import.problems.iter().map(fact).collect();
    assert_eq!(
        (found_rows, found_problems),
        (
            rows.iter().map(|r| (*r).to_owned()).collect::<Vec<_>>(),
            problems.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>()
        )
    );
}

/// A problem in one line: `Row 4: Hours "abc" Number(NotANumber)` for a
/// cell (its column, the text quoted, the scenario's problem), `Row 10:
/// type "blog"`, `Row 1: no Results column`, `Row 3: room 2` (only two more
/// fit), `Row 51: 10 rows not listed`, `Row 0: too large`.
fn fact(problem: &RowProblem) -> String {
    let reason = match &problem.reason {
        Reason::Cell {
            column,
            text,
            problem,
        } => format!("{column:?} {text:?} {problem:?}"),
        Reason::UnknownType { text } => format!("type {text:?}"),
        Reason::MissingColumn(column) => format!("no {column:?} column"),
        Reason::NoRoom { room } => format!("room {room}"),
        Reason::MoreProblems { rows } => format!("{rows} rows not listed"),
        Reason::InputTooLarge => "too large".to_owned(),
    };
    format!("Row {}: {reason}", problem.line)
}

#[test]
fn a_spreadsheet_paste_without_a_header() {
    // Google Sheets copies rows as tab-separated lines ending in LF.
    check(
        parse_rows(
            "Instagram posts\t22\t1200\tFollowing\n\
             Replying to comments\t6\t5,200\tCommunity\n\
             Facebook group\t2,5\t3800\tc\n\
             Giveaways\t8\t150\n",
        ),
        &[
            "1: Instagram posts | following | 22 | 1200",
            "2: Replying to comments | community | 6 | 5200",
            "3: Facebook group | community | 2.5 | 3800",
            "4: Giveaways | following | 8 | 150",
        ],
        &[],
    );
    // Excel ends lines in CRLF, copies formatted cells as shown, and quotes a
    // cell with a line break in it.
    check(
        parse_rows(
            "Ads\t12\t$700.00\tf\r\n\
             \"Local food\r\nlovers' group\"\t5\t\"3,800\"\tCOMMUNITY\r\n\
             TikTok\t18\t300 €\t\r\n",
        ),
        &[
            "1: Ads | following | 12 | 700",
            "2: Local food lovers' group | community | 5 | 3800",
            "4: TikTok | following | 18 | 300",
        ],
        &[],
    );
    // Commas in the cells do not hide the tabs.
    check(
        parse_rows("Ads, paid, boosted\t1,5\t3,400\n"),
        &["1: Ads, paid, boosted | following | 1.5 | 3400"],
        &[],
    );
    // A title line above the rows does not hide that they are a paste.
    check(
        parse_rows("My month\nPosts\t1\t2\nAds\t3\t4\n"),
        &["2: Posts | following | 1 | 2", "3: Ads | following | 3 | 4"],
        &[
            "Row 1: Hours \"\" Number(Empty)",
            "Row 1: Results \"\" Number(Empty)",
        ],
    );
}

#[test]
fn a_spreadsheet_paste_with_a_header() {
    check(
        parse_rows(
            "Activity\tType\tHours per month\tRevenue (USD)\tNotes\r\n\
             Replies\tcommunity\t6\t$5,200.00\tbest\r\n\
             Ads\tfollowing\t12\t700\t\r\n",
        ),
        &[
            "2: Replies | community | 6 | 5200",
            "3: Ads | following | 12 | 700",
        ],
        &[],
    );
    // Header names are matched whole, whatever their case and spacing.
    check(
        parse_rows("  RESULTS , name,time\n120,Posts,2\n"),
        &["2: Posts | following | 2 | 120"],
        &[],
    );
    check(
        parse_rows("Name\tHours\tNotes\nPosts\t1\t2\n"),
        &[],
        &["Row 1: no Results column"],
    );
    // One header word alone is a name, not a header.
    check(
        parse_rows("Sales\t2\t300\n"),
        &["1: Sales | following | 2 | 300"],
        &[],
    );
    // A header alone is nothing to import, and not a problem.
    assert!(parse_rows("name,hours,results\r\n").is_empty());
}

#[test]
fn comma_csv_with_quotes() {
    check(
        parse_rows(
            "name,hours,results,type\n\
             \"Ads, paid\",12,700,following\n\
             \"Say \"\"hi\"\" back\",\"2,5\",\"1,200.50\",community\n\
             \"Two\nlines\",1,2\n\
             Plain , 3 , 4 , community \n\
             \"\" ,1,2\n",
        ),
        &[
            "2: Ads, paid | following | 12 | 700",
            "3: Say \"hi\" back | community | 2.5 | 1200.5",
            "4: Two lines | following | 1 | 2",
            "6: Plain | community | 3 | 4",
        ],
        &["Row 7: Name \"\" NameMissing"],
    );
    // A semicolon or a tab inside a name does not change the delimiter.
    check(
        parse_rows("Ads; paid,1,2\nTab\tin name,3,4\n"),
        &[
            "1: Ads; paid | following | 1 | 2",
            "2: Tab in name | following | 3 | 4",
        ],
        &[],
    );
    // A quote that is not a proper quoted cell is read as typed, and does
    // not swallow the rows after it.
    check(
        parse_rows("\"Best\" posts,1,2\nAds,3,4\n\"Unclosed,5,6\nLast,7,8"),
        &[
            "1: \"Best\" posts | following | 1 | 2",
            "2: Ads | following | 3 | 4",
            "3: \"Unclosed | following | 5 | 6",
            "4: Last | following | 7 | 8",
        ],
        &[],
    );
}

#[test]
fn semicolon_csv_with_decimal_commas() {
    check(
        parse_rows(
            "Name;Stunden;Umsatz\n\
             Posts;2,5;1.200,50\n\
             Gruppe;4;3.800;community\n\
             \"Anzeigen; bezahlt\";12;700;following\n",
        ),
        &[
            "2: Posts | following | 2.5 | 1200.5",
            "3: Gruppe | community | 4 | 3800",
            "4: Anzeigen; bezahlt | following | 12 | 700",
        ],
        // A header in another language is read as a row, and says so.
        &[
            "Row 1: Hours \"Stunden\" Number(NotANumber)",
            "Row 1: Results \"Umsatz\" Number(NotANumber)",
        ],
    );
    // Excel's `sep=` line, a byte-order mark and CR line ends.
    check(
        parse_rows("\u{feff}sep=;\rActivity;Hours;Value\rPosts;1,25;10\r"),
        &["3: Posts | following | 1.25 | 10"],
        &[],
    );
}

#[test]
fn blank_lines_and_line_ends() {
    check(
        parse_rows("\r\nPosts,1,2\r\n\r\n   \r\n,,\r\n\t\r\nAds,3,4"),
        &["2: Posts | following | 1 | 2", "7: Ads | following | 3 | 4"],
        &[],
    );
    check(parse_rows(""), &[], &[]);
    check(parse_rows("\n\n\r\n"), &[], &[]);
}

#[test]
fn unicode_names() {
    let long = "名".repeat(60);
    check(
        parse_rows(&format!(
            "Публикации\t2\t10\n投稿\t1\t5\nمنشورات\t3\t7\n🥐 Croissant club\t1\t1\n{long}\t1\t1\n"
        )),
        &[
            "1: Публикации | following | 2 | 10",
            "2: 投稿 | following | 1 | 5",
            "3: منشورات | following | 3 | 7",
            "4: 🥐 Croissant club | following | 1 | 1",
            &format!("5: {long} | following | 1 | 1"),
        ],
        &[],
    );
}

#[test]
fn bad_rows_are_listed_and_good_rows_kept() {
    let too_long = "x".repeat(61);
    check(
        parse_rows(&format!(
            "name,hours,results,type\n\
             Good,1,2\n\
             ,1,2\n\
             Bad hours,abc,2\n\
             Negative,-3,2\n\
             Decimals,1.005,2\n\
             Huge hours,10000.01,2\n\
             Huge results,1,1000000000000.01\n\
             Missing results,1\n\
             Blog,1,2,blog\n\
             {too_long},1,2\n\
             ,abc,,x\n\
             Limits,10000,1000000000000,C\n"
        )),
        &[
            "2: Good | following | 1 | 2",
            "13: Limits | community | 10000 | 1000000000000",
        ],
        &[
            "Row 3: Name \"\" NameMissing",
            "Row 4: Hours \"abc\" Number(NotANumber)",
            "Row 5: Hours \"-3\" Number(Negative)",
            "Row 6: Hours \"1.005\" Number(TooManyDecimals)",
            "Row 7: Hours \"10000.01\" HoursTooLarge",
            "Row 8: Results \"1000000000000.01\" ResultsTooLarge",
            "Row 9: Results \"\" Number(Empty)",
            "Row 10: type \"blog\"",
            "Row 11: Name \"xxxxxxxxxxxxxxxxxxxxxxxx…\" NameTooLong",
            "Row 12: Name \"\" NameMissing",
            "Row 12: Hours \"abc\" Number(NotANumber)",
            "Row 12: Results \"\" Number(Empty)",
            "Row 12: type \"x\"",
        ],
    );
}

#[test]
fn rows_beyond_the_room_are_left_out() {
    let input: String = (1..=101).map(|i| format!("Activity {i},1,{i}\n")).collect();
    let first_hundred: Vec<String> = (1..=100)
        .map(|i| format!("{i}: Activity {i} | following | 1 | {i}"))
        .collect();
    let first_hundred: Vec<&str> = first_hundred.iter().map(String::as_str).collect();
    let no_room = "Row 101: room 100";
    check(parse_rows(&input), &first_hundred, &[no_room]);
    // However much room is asked for, a scenario holds 100 activities.
    check(
        parse_rows_with_room(&input, usize::MAX),
        &first_hundred,
        &[no_room],
    );
    check(
        parse_rows_with_room(&input, 2),
        &[
            "1: Activity 1 | following | 1 | 1",
            "2: Activity 2 | following | 1 | 2",
        ],
        &["Row 3: room 2"],
    );
    // Bad rows before the room runs out are listed; blank rows do not count.
    check(
        parse_rows_with_room("bad\nA,1,1\n\nB,1,1\n", 1),
        &["2: A | following | 1 | 1"],
        &[
            "Row 1: Hours \"\" Number(Empty)",
            "Row 1: Results \"\" Number(Empty)",
            "Row 4: room 1",
        ],
    );
    check(
        parse_rows_with_room("\nA,1,1\n", 0),
        &[],
        &["Row 2: room 0"],
    );
}

#[test]
fn past_fifty_bad_rows_the_rest_are_counted() {
    let mut input: String = (0..60).map(|_| "x,abc,1\n").collect();
    input.push_str("Good,1,1\n");
    let listed: Vec<String> = (1..=50)
        .map(|line| format!("Row {line}: Hours \"abc\" Number(NotANumber)"))
        .collect();
    let mut problems: Vec<&str> = listed.iter().map(String::as_str).collect();
    problems.push("Row 51: 10 rows not listed");
    check(
        parse_rows(&input),
        &["61: Good | following | 1 | 1"],
        &problems,
    );
    // The count comes before a later row that finds no room: line order.
    input.push_str("Extra,1,1\n");
    problems.push("Row 62: room 1");
    check(
        parse_rows_with_room(&input, 1),
        &["61: Good | following | 1 | 1"],
        &problems,
    );
}

#[test]
fn input_over_one_megabyte_is_refused_whole() {
    let big = "Posts,1,2\n".repeat(MAX_INPUT_BYTES / 10 + 1);
    assert!(big.len() > MAX_INPUT_BYTES);
    check(parse_rows(&big), &[], &["Row 0: too large"]);
}

/// Named for what it checks: quotes and separators up to the size limit
/// give a bounded list of problems. Time is not asserted; a quote rescanned
/// per line would make this test take minutes rather than fail it.
#[test]
fn awkward_input_up_to_the_limit_gives_few_problems() {
    for unit in [
        "\"x\n", "\"", "\"\"", ",\"", "\"\"\"\n", "a\",\"\n", ";\"\t", "\n",
    ] {
        let text = unit.repeat(MAX_INPUT_BYTES / unit.len());
        let import = parse_rows(&text);
        assert!(import.problems.len() <= 50 * 4 + 1, "input {unit:?}");
    }
    let wide = ",".repeat(MAX_INPUT_BYTES);
    assert!(parse_rows(&wide).is_empty());
}

/// The bakery's activities, in entry order.
fn bakery_rows() -> Vec<ActivityDraft> {
    ScenarioDraft::from_scenario(&example::bakery()).activities
}

#[test]
fn the_exported_bakery_comes_back_the_same() {
    let bakery = example::bakery();
    let csv = breakdown_csv(&pareto::breakdown(bakery.clone()).expect("results"));
    // The export is ranked by results, so the rows come back in that order.
    check(
        parse_rows(&csv),
        &[
            "2: Replying to comments and messages | community | 6 | 5200",
            "3: Local food lovers' Facebook group | community | 5 | 3800",
            "4: Customer of the week feature | community | 3 | 2700",
            "5: Instagram posts of the daily bakes | following | 22 | 1200",
            "6: Paid Facebook and Instagram ads | following | 12 | 700",
            "7: Joint posts with the café next door | community | 3 | 400",
            "8: TikTok trend videos | following | 18 | 300",
            "9: Follower giveaways | following | 8 | 150",
        ],
        &[],
    );
    // As a set, they are the example's activities.
    let mut imported: Vec<ActivityDraft> = parse_rows(&csv)
        .rows
        .into_iter()
        .map(|r| r.activity)
        .collect();
    let mut expected = bakery_rows();
    imported.sort_by(|a, b| a.name.cmp(&b.name));
    expected.sort_by(|a, b| a.name.cmp(&b.name));
    assert_eq!(imported, expected);
}

/// A scenario of these names, each with 1 hour and its position as results.
fn named(names: &[&str]) -> Scenario {
    let activities = names
        .iter()
        .enumerate()
        .map(|(i, name)| Activity {
            name: (*name).to_owned(),
            kind: ActivityKind::Community,
            hours: Amount::whole(1),
            results: Amount::whole(i as u64 + 1),
        })
        .collect();
    Scenario::new(ScenarioParts {
        activities,
        ..ScenarioParts::default()
    })
    .expect("valid")
}

#[test]
fn formula_guarded_names_come_back_as_they_were() {
    let scenario = named(&[
        "=SUM(A1:A9)",
        "+1 idea",
        "-minus",
        "@handle",
        "'quoted",
        "Half \"quoted\", with a comma",
        "=cmd|' /C calc'!A0, \"x\"",
    ]);
    let csv = breakdown_csv(&pareto::breakdown(scenario.clone()).expect("results"));
    check(
        parse_rows(&csv),
        &[
            "2: =cmd|' /C calc'!A0, \"x\" | community | 1 | 7",
            "3: Half \"quoted\", with a comma | community | 1 | 6",
            "4: 'quoted | community | 1 | 5",
            "5: @handle | community | 1 | 4",
            "6: -minus | community | 1 | 3",
            "7: +1 idea | community | 1 | 2",
            "8: =SUM(A1:A9) | community | 1 | 1",
        ],
        &[],
    );
}

/// Names as the form can hold them: trimmed, 1 to 60 characters, no line
/// breaks (a text field has none; the import turns them into spaces), and
/// not starting with `'` before a formula character (see the module doc).
fn name() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,;\t\"'=+@.é名🥐-]{1,60}".prop_filter_map("a name the form can hold", |name| {
        let name = name.trim().to_owned();
        let guarded = name.starts_with('\'') && name[1..].starts_with(['=', '+', '-', '@']);
        (!name.is_empty() && !guarded).then_some(name)
    })
}

fn amount(max: u64) -> impl Strategy<Value = Amount> {
    prop_oneof![
        (0..=max).prop_map(Amount::whole),
        (0..=max * 100).prop_map(Amount::from_hundredths),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_is_read_without_panic(text in any::<String>()) {
        let import = parse_rows(&text);
        prop_assert!(import.rows.len() <= 100);
    }

    #[test]
    fn csv_like_text_gives_rows_the_form_accepts(
        text in "[a-c0-9,;\t\"\r\n .'$-]{0,300}",
        room in 0..5usize,
    ) {
        let import = parse_rows_with_room(&text, room);
        prop_assert!(import.rows.len() <= room);
        prop_assert!(import.problems.windows(2).all(|w| w[0].line <= w[1].line));
        prop_assert!(import.problems.iter().all(|p| p.line >= 1));
        if !import.rows.is_empty() {
            let draft = ScenarioDraft {
                activities: import.rows.iter().map(|r| r.activity.clone()).collect(),
                ..ScenarioDraft::default()
            };
            prop_assert!(draft.validate().is_ok());
        }
    }
}

proptest! {
    // Each case exports and reads back up to 100 rows.
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_exported_scenario_comes_back(
        rows in proptest::collection::vec(
            (name(), any::<bool>(), amount(10_000), amount(1_000_000_000_000)),
            1..=100,
        ),
    ) {
        let activities = rows
            .into_iter()
            .map(|(name, community, hours, results)| Activity {
                name,
                kind: if community { ActivityKind::Community } else { ActivityKind::Following },
                hours,
                results: results.max(Amount::from_hundredths(1)),
            })
            .collect();
        let scenario = Scenario::new(ScenarioParts { activities, ..ScenarioParts::default() })
            .expect("valid");
        let breakdown = pareto::breakdown(scenario).expect("results");
        let import = parse_rows(&breakdown_csv(&breakdown));
        prop_assert_eq!(&import.problems, &vec![]);
        let expected: Vec<ActivityDraft> = breakdown
            .rows()
            .map(|r| {
                let a = r.activity;
                ActivityDraft {
                    name: a.name.clone(),
                    kind: a.kind,
                    hours: a.hours.to_string(),
                    results: a.results.to_string(),
                }
            })
            .collect();
        let found: Vec<ActivityDraft> = import.rows.into_iter().map(|r| r.activity).collect();
        prop_assert_eq!(found, expected);
    }
}
