//! The worked example a new visitor sees first: a small bakery.

use crate::number::Amount;
use crate::scenario::{
    Activity, ActivityKind, AudienceSignals, Period, ResultUnit, Scenario, ScenarioParts, Threshold,
};

/// A neighbourhood bakery's month on social media. Three community
/// activities bring 81 % of its sales in 18 % of its time, which is the
/// insight the widget exists to show.
pub fn bakery() -> Scenario {
    use ActivityKind::{Community, Following};
    let rows: [(&str, ActivityKind, u64, u64); 8] = [
        ("Instagram posts of the daily bakes", Following, 22, 1_200),
        ("Replying to comments and messages", Community, 6, 5_200),
        ("Paid Facebook and Instagram ads", Following, 12, 700),
        ("Local food lovers' Facebook group", Community, 5, 3_800),
        ("TikTok trend videos", Following, 18, 300),
        ("Customer of the week feature", Community, 3, 2_700),
        ("Follower giveaways", Following, 8, 150),
        ("Joint posts with the café next door", Community, 3, 400),
    ];
    let activities = rows
        .into_iter()
        .map(|(name, kind, hours, results)| Activity {
            name: name.to_owned(),
            kind,
            hours: Amount::whole(hours),
            results: Amount::whole(results),
        })
        .collect();
    let parts = ScenarioParts {
        period: Period::Month,
        unit: ResultUnit::Currency("USD".to_owned()),
        threshold: Threshold::default(),
        activities,
        signals: AudienceSignals {
            likes: Some(Amount::whole(120)),
            comments: Some(Amount::whole(14)),
            shares: Some(Amount::whole(6)),
            customers: Some(Amount::whole(180)),
            repeat_customers: Some(Amount::whole(58)),
            referred_customers: Some(Amount::whole(31)),
        },
    };
    // The example is constant data; a test checks that it is valid, so the
    // fallback is never taken.
    Scenario::new(parts).unwrap_or_else(|_| minimal())
}

/// The smallest valid scenario: one activity that brings one result.
fn minimal() -> Scenario {
    let parts = ScenarioParts {
        activities: vec![Activity {
            name: "Posts".to_owned(),
            kind: ActivityKind::Following,
            hours: Amount::whole(1),
            results: Amount::whole(1),
        }],
        ..ScenarioParts::default()
    };
    match Scenario::new(parts) {
        Ok(scenario) => scenario,
        Err(_) => unreachable!("a one-row scenario with a name is valid"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pareto;

    #[test]
    fn the_example_is_valid_and_tells_the_story() {
        let example = bakery();
        assert_eq!(example.activities().len(), 8);
        let headline = pareto::breakdown(example).expect("results").headline();
        assert_eq!(headline.vital_count, 3);
        assert_eq!((headline.vital_result_share * 100.0).round(), 81.0);
        assert_eq!(
            headline.vital_time_share.map(|t| (t * 100.0).round()),
            Some(18.0)
        );
        assert_eq!(headline.trivial_hours, 63.0);
    }
}
