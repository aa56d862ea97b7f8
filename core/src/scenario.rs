//! The scenario a visitor enters, and its one validating constructor.
//!
//! Every path into a [`Scenario`] (the form, a share link, an imported file)
//! goes through [`Scenario::new`], so a `Scenario` value is always valid and
//! the analysis never has to check its input again.

use std::borrow::Cow;

use crate::number::Amount;
use crate::text;

/// Most activities a scenario may hold.
pub const MAX_ACTIVITIES: usize = 100;
/// Longest activity name, in characters, after trimming.
pub const MAX_NAME_CHARS: usize = 60;
/// Longest custom result label, in characters, after trimming.
pub const MAX_LABEL_CHARS: usize = 24;
/// Most hours one activity may take in a period.
pub const MAX_HOURS: Amount = Amount::whole(10_000);
/// Most results one activity may bring in a period.
pub const MAX_RESULTS: Amount = Amount::whole(1_000_000_000_000);
/// Largest value of any audience signal.
pub const MAX_SIGNAL: Amount = Amount::whole(1_000_000_000);

/// The period that hours and results are counted over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Period {
    Week,
    #[default]
    Month,
}

impl Period {
    pub const ALL: [Period; 2] = [Period::Week, Period::Month];

    /// The machine name used in forms, exports and links.
    pub fn key(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    pub fn from_key(key: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// What an activity is built for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ActivityKind {
    /// Broadcast, promotion, ads, follower growth.
    #[default]
    Following,
    /// Conversations, replies, groups, events, featuring customers,
    /// partnerships, referral programmes.
    Community,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 2] = [ActivityKind::Following, ActivityKind::Community];

    pub fn key(self) -> &'static str {
        match self {
            ActivityKind::Following => "following",
            ActivityKind::Community => "community",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::Following => "Following",
            ActivityKind::Community => "Community",
        }
    }

    pub fn from_key(key: &str) -> Option<ActivityKind> {
        let key = key.trim();
        ActivityKind::ALL
            .into_iter()
            .find(|k| k.key().eq_ignore_ascii_case(key))
    }
}

/// What results are counted in: money of one currency, or a count of
/// something such as leads or sign-ups.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ResultUnit {
    /// An ISO 4217 code: three ASCII capital letters.
    Currency(String),
    /// A label of 1 to 24 characters, trimmed.
    Count(String),
}

impl Default for ResultUnit {
    fn default() -> Self {
        ResultUnit::Currency("USD".to_owned())
    }
}

impl ResultUnit {
    /// Reads what a visitor typed: three capital letters name a currency,
    /// anything else is a count label.
    pub fn parse(text: &str) -> Result<ResultUnit, Problem> {
        let text = text.trim();
        if is_currency_code(text) {
            return Ok(ResultUnit::Currency(text.to_owned()));
        }
        match text.chars().count() {
            0 => Err(Problem::UnitMissing),
            n if n > MAX_LABEL_CHARS => Err(Problem::UnitTooLong),
            _ => Ok(ResultUnit::Count(text.to_owned())),
        }
    }

    /// The text a visitor would type for this unit.
    pub fn text(&self) -> &str {
        match self {
            ResultUnit::Currency(code) | ResultUnit::Count(code) => code,
        }
    }

    fn check(&self) -> Result<(), Problem> {
        match self {
            ResultUnit::Currency(code) if is_currency_code(code) => Ok(()),
            ResultUnit::Currency(_) => Err(Problem::UnitMissing),
            ResultUnit::Count(label) => match ResultUnit::parse(label) {
                Ok(ResultUnit::Count(parsed)) if &parsed == label => Ok(()),
                Ok(_) => Err(Problem::UnitMissing),
                Err(problem) => Err(problem),
            },
        }
    }
}

/// Whether `text` is written as an ISO 4217 code: three capital letters.
/// The one rule for the result unit and the host's currency setting.
pub fn is_currency_code(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// The share of results that the vital few must reach, in percent:
/// 50 to 95 in steps of 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Threshold(u8);

impl Threshold {
    pub const MIN: u8 = 50;
    pub const MAX: u8 = 95;
    pub const STEP: u8 = 5;

    pub fn new(percent: u8) -> Result<Threshold, Problem> {
        if (Self::MIN..=Self::MAX).contains(&percent) && percent.is_multiple_of(Self::STEP) {
            Ok(Threshold(percent))
        } else {
            Err(Problem::ThresholdOutOfRange)
        }
    }

    pub fn percent(self) -> u8 {
        self.0
    }

    pub fn fraction(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold(80)
    }
}

/// One thing the visitor does on social media.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Activity {
    pub name: String,
    pub kind: ActivityKind,
    pub hours: Amount,
    pub results: Amount,
}

/// Optional numbers about the audience. A missing value is `None`, which is
/// not the same as zero.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct AudienceSignals {
    pub likes: Option<Amount>,
    pub comments: Option<Amount>,
    pub shares: Option<Amount>,
    pub customers: Option<Amount>,
    pub repeat_customers: Option<Amount>,
    pub referred_customers: Option<Amount>,
}

/// One of the audience-signal fields, to say where a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignalField {
    Likes,
    Comments,
    Shares,
    Customers,
    RepeatCustomers,
    ReferredCustomers,
}

impl SignalField {
    pub const ALL: [SignalField; 6] = [
        SignalField::Likes,
        SignalField::Comments,
        SignalField::Shares,
        SignalField::Customers,
        SignalField::RepeatCustomers,
        SignalField::ReferredCustomers,
    ];

    /// Customers are people, so they are counted in whole numbers; the
    /// per-post figures are averages and may have decimals.
    pub fn is_whole(self) -> bool {
        matches!(
            self,
            SignalField::Customers | SignalField::RepeatCustomers | SignalField::ReferredCustomers
        )
    }
}

impl AudienceSignals {
    pub fn get(&self, field: SignalField) -> Option<Amount> {
        match field {
            SignalField::Likes => self.likes,
            SignalField::Comments => self.comments,
            SignalField::Shares => self.shares,
            SignalField::Customers => self.customers,
            SignalField::RepeatCustomers => self.repeat_customers,
            SignalField::ReferredCustomers => self.referred_customers,
        }
    }

    pub fn set(&mut self, field: SignalField, value: Option<Amount>) {
        let slot = match field {
            SignalField::Likes => &mut self.likes,
            SignalField::Comments => &mut self.comments,
            SignalField::Shares => &mut self.shares,
            SignalField::Customers => &mut self.customers,
            SignalField::RepeatCustomers => &mut self.repeat_customers,
            SignalField::ReferredCustomers => &mut self.referred_customers,
        };
        *slot = value;
    }
}

/// A column of an activity row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Hours,
    Results,
}

/// Where in a scenario a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Unit,
    Threshold,
    /// The list of activities as a whole (too few or too many).
    Activities,
    /// A cell of the activity at this index (0-based, in entry order).
    Activity(usize, Column),
    Signal(SignalField),
}

/// What is wrong with a value; the app says how to fix it, with the limits
/// above (such as [`MAX_NAME_CHARS`]) where the rule has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Number(crate::number::NumberError),
    NameMissing,
    /// Longer than [`MAX_NAME_CHARS`].
    NameTooLong,
    /// Above [`MAX_HOURS`].
    HoursTooLarge,
    /// Above [`MAX_RESULTS`].
    ResultsTooLarge,
    /// Above [`MAX_SIGNAL`].
    SignalTooLarge,
    /// Customers come in whole numbers.
    NotWhole,
    UnitMissing,
    /// A count label longer than [`MAX_LABEL_CHARS`].
    UnitTooLong,
    /// Not from [`Threshold::MIN`] to [`Threshold::MAX`] in steps of
    /// [`Threshold::STEP`].
    ThresholdOutOfRange,
    NoActivities,
    /// More than [`MAX_ACTIVITIES`].
    TooManyActivities,
    /// Repeat or referred customers need a number of customers to be a
    /// share of.
    CustomersMissing,
    MoreThanCustomers,
}

/// A problem at a place in the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// Every problem found in a candidate scenario; never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    pub fn errors(&self) -> &[FieldError] {
        &self.0
    }

    /// The first problem at `field`, if any.
    pub fn at(&self, field: Field) -> Option<Problem> {
        self.0.iter().find(|e| e.field == field).map(|e| e.problem)
    }
}

/// The pieces of a scenario before they are checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioParts {
    pub period: Period,
    pub unit: ResultUnit,
    pub threshold: Threshold,
    pub activities: Vec<Activity>,
    pub signals: AudienceSignals,
}

/// A checked scenario: everything the analysis and the score need.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scenario {
    period: Period,
    unit: ResultUnit,
    threshold: Threshold,
    activities: Vec<Activity>,
    signals: AudienceSignals,
}

impl Scenario {
    /// The one validating constructor. Names and count labels are cleaned
    /// of characters that could disguise them ([`text::visible`]) and
    /// trimmed; every other value must already be in range. All problems
    /// are reported, not just the first.
    pub fn new(mut parts: ScenarioParts) -> Result<Scenario, Invalid> {
        for activity in &mut parts.activities {
            if let Cow::Owned(clean) = text::visible(&activity.name) {
                activity.name = clean;
            }
        }
        if let ResultUnit::Count(label) = &mut parts.unit {
            if let Cow::Owned(clean) = text::visible(label) {
                *label = clean.trim().to_owned();
            }
        }
        Scenario::keeping_text(parts)
    }

    /// [`Scenario::new`] without the cleaning: names are only trimmed. The
    /// share-link decoder checks with it that a link is the one spelling of
    /// what it holds, as links were written before names were cleaned, and
    /// then cleans through [`Scenario::new`].
    pub(crate) fn keeping_text(parts: ScenarioParts) -> Result<Scenario, Invalid> {
        let ScenarioParts {
            period,
            unit,
            threshold,
            mut activities,
            signals,
        } = parts;
        let mut errors = Vec::new();
        let mut report = |field, problem| errors.push(FieldError { field, problem });

        if let Err(problem) = unit.check() {
            report(Field::Unit, problem);
        }
        if let Err(problem) = Threshold::new(threshold.percent()) {
            report(Field::Threshold, problem);
        }
        if activities.is_empty() {
            report(Field::Activities, Problem::NoActivities);
        }
        if activities.len() > MAX_ACTIVITIES {
            report(Field::Activities, Problem::TooManyActivities);
        }
        for (index, activity) in activities.iter_mut().enumerate() {
            let trimmed = activity.name.trim();
            if trimmed.len() != activity.name.len() {
                activity.name = trimmed.to_owned();
            }
            match activity.name.chars().count() {
                0 => report(Field::Activity(index, Column::Name), Problem::NameMissing),
                n if n > MAX_NAME_CHARS => {
                    report(Field::Activity(index, Column::Name), Problem::NameTooLong)
                }
                _ => {}
            }
            if activity.hours > MAX_HOURS {
                report(
                    Field::Activity(index, Column::Hours),
                    Problem::HoursTooLarge,
                );
            }
            if activity.results > MAX_RESULTS {
                report(
                    Field::Activity(index, Column::Results),
                    Problem::ResultsTooLarge,
                );
            }
        }
        for field in SignalField::ALL {
            if let Some(value) = signals.get(field) {
                if value > MAX_SIGNAL {
                    report(Field::Signal(field), Problem::SignalTooLarge);
                } else if field.is_whole() && !value.is_whole() {
                    report(Field::Signal(field), Problem::NotWhole);
                }
            }
        }
        for part in [SignalField::RepeatCustomers, SignalField::ReferredCustomers] {
            match (signals.get(part), signals.customers) {
                (Some(_), None) => report(Field::Signal(part), Problem::CustomersMissing),
                (Some(value), Some(customers)) if value > customers => {
                    report(Field::Signal(part), Problem::MoreThanCustomers)
                }
                _ => {}
            }
        }

        if errors.is_empty() {
            Ok(Scenario {
                period,
                unit,
                threshold,
                activities,
                signals,
            })
        } else {
            Err(Invalid(errors))
        }
    }

    pub fn period(&self) -> Period {
        self.period
    }

    pub fn unit(&self) -> &ResultUnit {
        &self.unit
    }

    pub fn threshold(&self) -> Threshold {
        self.threshold
    }

    pub fn activities(&self) -> &[Activity] {
        &self.activities
    }

    pub fn signals(&self) -> &AudienceSignals {
        &self.signals
    }

    /// The parts, to change and check again.
    pub fn into_parts(self) -> ScenarioParts {
        ScenarioParts {
            period: self.period,
            unit: self.unit,
            threshold: self.threshold,
            activities: self.activities,
            signals: self.signals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::Amount;

    fn activity(name: &str, hours: u64, results: u64) -> Activity {
        Activity {
            name: name.to_owned(),
            kind: ActivityKind::Following,
            hours: Amount::whole(hours),
            results: Amount::whole(results),
        }
    }

    fn parts_with(edit: impl FnOnce(&mut ScenarioParts)) -> ScenarioParts {
        let mut parts = ScenarioParts {
            activities: vec![activity("Posts", 4, 100)],
            ..ScenarioParts::default()
        };
        edit(&mut parts);
        parts
    }

    /// Checks that `edit` makes the scenario invalid with exactly `expected`.
    fn check_invalid(edit: impl FnOnce(&mut ScenarioParts), expected: &[(Field, Problem)]) {
        let found = Scenario::new(parts_with(edit)).expect_err("should be invalid");
        let found: Vec<_> = found.0.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn accepts_a_plain_scenario_and_trims_names() {
        let scenario = Scenario::new(parts_with(|p| p.activities[0].name = "  Posts \n".into()))
            .expect("valid");
        assert_eq!(scenario.activities()[0].name, "Posts");
        assert_eq!(scenario.period(), Period::Month);
        assert_eq!(scenario.threshold().percent(), 80);
    }

    #[test]
    fn reports_every_problem_at_its_field() {
        use Column::*;
        use Field::*;
        check_invalid(
            |p| p.activities.clear(),
            &[(Activities, Problem::NoActivities)],
        );
        check_invalid(
            |p| p.activities = vec![activity("x", 1, 1); 101],
            &[(Activities, Problem::TooManyActivities)],
        );
        check_invalid(
            |p| p.activities[0].name = "   ".into(),
            &[(Activity(0, Name), Problem::NameMissing)],
        );
        check_invalid(
            |p| p.activities[0].name = "é".repeat(61),
            &[(Activity(0, Name), Problem::NameTooLong)],
        );
        check_invalid(
            |p| p.activities[0].hours = Amount::from_hundredths(1_000_001),
            &[(Activity(0, Hours), Problem::HoursTooLarge)],
        );
        check_invalid(
            |p| p.activities[0].results = Amount::whole(1_000_000_000_001),
            &[(Activity(0, Results), Problem::ResultsTooLarge)],
        );
        check_invalid(
            |p| p.unit = ResultUnit::Count("x".repeat(25)),
            &[(Unit, Problem::UnitTooLong)],
        );
        check_invalid(
            |p| p.unit = ResultUnit::Currency("usd".into()),
            &[(Unit, Problem::UnitMissing)],
        );
        check_invalid(
            |p| p.unit = ResultUnit::Count(" leads".into()),
            &[(Unit, Problem::UnitMissing)],
        );
        check_invalid(
            |p| p.threshold = super::Threshold(81),
            &[(Threshold, Problem::ThresholdOutOfRange)],
        );
        check_invalid(
            |p| {
                p.signals.customers = Some(Amount::whole(10));
                p.signals.repeat_customers = Some(Amount::whole(11));
                p.signals.referred_customers = Some(Amount::whole(10));
            },
            &[(
                Signal(SignalField::RepeatCustomers),
                Problem::MoreThanCustomers,
            )],
        );
        check_invalid(
            |p| p.signals.referred_customers = Some(Amount::whole(1)),
            &[(
                Signal(SignalField::ReferredCustomers),
                Problem::CustomersMissing,
            )],
        );
        check_invalid(
            |p| p.signals.customers = Some(Amount::from_hundredths(150)),
            &[(Signal(SignalField::Customers), Problem::NotWhole)],
        );
        check_invalid(
            |p| p.signals.likes = Some(Amount::whole(1_000_000_001)),
            &[(Signal(SignalField::Likes), Problem::SignalTooLarge)],
        );
    }

    #[test]
    fn accepts_the_limits_themselves() {
        let parts = parts_with(|p| {
            p.activities = vec![activity(&"名".repeat(60), 10_000, 1_000_000_000_000); 100];
            p.unit = ResultUnit::Count("x".repeat(24));
            p.threshold = Threshold(95);
            p.signals.customers = Some(Amount::whole(1_000_000_000));
            p.signals.repeat_customers = Some(Amount::whole(1_000_000_000));
        });
        assert!(Scenario::new(parts).is_ok());
    }

    #[test]
    fn thresholds_are_fifty_to_ninety_five_in_fives() {
        let accepted: Vec<u8> = (0..=255).filter(|p| Threshold::new(*p).is_ok()).collect();
        assert_eq!(accepted, vec![50, 55, 60, 65, 70, 75, 80, 85, 90, 95]);
    }

    #[test]
    fn units_read_as_typed() {
        assert_eq!(
            ResultUnit::parse(" EUR "),
            Ok(ResultUnit::Currency("EUR".into()))
        );
        assert_eq!(
            ResultUnit::parse("leads"),
            Ok(ResultUnit::Count("leads".into()))
        );
        assert_eq!(
            ResultUnit::parse("eur"),
            Ok(ResultUnit::Count("eur".into()))
        );
        assert_eq!(ResultUnit::parse("  "), Err(Problem::UnitMissing));
    }
}
