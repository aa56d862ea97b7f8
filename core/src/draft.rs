//! The scenario as the visitor is typing it: text that may not be valid yet.
//!
//! A draft is never thrown away by validation. [`ScenarioDraft::validate`]
//! reads the text and hands the values to [`Scenario::new`], so the form uses
//! the same rules as every other way in.

use crate::number::{parse_amount, Amount};
use crate::scenario::{
    Activity, ActivityKind, AudienceSignals, Column, Field, FieldError, Invalid, Period, Problem,
    ResultUnit, Scenario, ScenarioParts, SignalField, Threshold,
};

/// One activity row as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityDraft {
    pub name: String,
    pub kind: ActivityKind,
    pub hours: String,
    pub results: String,
}

impl ActivityDraft {
    /// True when nothing has been typed in the row.
    pub fn is_blank(&self) -> bool {
        self.name.trim().is_empty()
            && self.hours.trim().is_empty()
            && self.results.trim().is_empty()
    }
}

/// The whole form as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioDraft {
    pub period: Period,
    pub unit: String,
    pub threshold: Threshold,
    pub activities: Vec<ActivityDraft>,
    /// Text of each audience signal, in [`SignalField::ALL`] order; empty
    /// means "not known".
    pub signals: [String; 6],
}

impl Default for ScenarioDraft {
    /// A fresh form: one empty activity row, default settings.
    fn default() -> Self {
        ScenarioDraft {
            period: Period::default(),
            unit: ResultUnit::default().text().to_owned(),
            threshold: Threshold::default(),
            activities: vec![ActivityDraft::default()],
            signals: Default::default(),
        }
    }
}

impl ScenarioDraft {
    /// The form that shows `scenario`.
    pub fn from_scenario(scenario: &Scenario) -> ScenarioDraft {
        let signals = scenario.signals();
        ScenarioDraft {
            period: scenario.period(),
            unit: scenario.unit().text().to_owned(),
            threshold: scenario.threshold(),
            activities: scenario
                .activities()
                .iter()
                .map(|a| ActivityDraft {
                    name: a.name.clone(),
                    kind: a.kind,
                    hours: a.hours.to_string(),
                    results: a.results.to_string(),
                })
                .collect(),
            signals: SignalField::ALL
                .map(|f| signals.get(f).map_or(String::new(), |v| v.to_string())),
        }
    }

    pub fn signal(&self, field: SignalField) -> &str {
        &self.signals[signal_slot(field)]
    }

    pub fn signal_mut(&mut self, field: SignalField) -> &mut String {
        &mut self.signals[signal_slot(field)]
    }

    /// Reads the text and checks the result. On failure every problem is
    /// reported at its field.
    pub fn validate(&self) -> Result<Scenario, Invalid> {
        let mut errors = Vec::new();
        // Rows left completely blank are not part of the scenario yet, so an
        // added row does not hide the results. `rows[i]` is the draft index
        // of the scenario's activity `i`.
        let rows: Vec<usize> = (0..self.activities.len())
            .filter(|&i| !self.activities[i].is_blank())
            .collect();
        let activities: Vec<Activity> = rows
            .iter()
            .map(|&i| {
                let row = &self.activities[i];
                Activity {
                    name: row.name.clone(),
                    kind: row.kind,
                    hours: read(Field::Activity(i, Column::Hours), &row.hours, &mut errors)
                        .unwrap_or_default(),
                    results: read(
                        Field::Activity(i, Column::Results),
                        &row.results,
                        &mut errors,
                    )
                    .unwrap_or_default(),
                }
            })
            .collect();
        let mut signals = AudienceSignals::default();
        for field in SignalField::ALL {
            let text = self.signal(field);
            if !text.trim().is_empty() {
                signals.set(field, read(Field::Signal(field), text, &mut errors));
            }
        }
        let unit = ResultUnit::parse(&self.unit).unwrap_or_else(|problem| {
            errors.push(FieldError {
                field: Field::Unit,
                problem,
            });
            ResultUnit::default()
        });

        let parts = ScenarioParts {
            period: self.period,
            unit,
            threshold: self.threshold,
            activities,
            signals,
        };
        let customers_unreadable = errors
            .iter()
            .any(|e| e.field == Field::Signal(SignalField::Customers));
        match Scenario::new(parts) {
            Ok(scenario) if errors.is_empty() => return Ok(scenario),
            Ok(_) => {}
            Err(Invalid(more)) => {
                for mut error in more {
                    if let Field::Activity(i, column) = error.field {
                        error.field = Field::Activity(rows.get(i).copied().unwrap_or(i), column);
                    }
                    let already = errors.iter().any(|e| e.field == error.field);
                    let follows_from_customers =
                        customers_unreadable && error.problem == Problem::CustomersMissing;
                    if !already && !follows_from_customers {
                        errors.push(error);
                    }
                }
            }
        }
        Err(Invalid(errors))
    }
}

/// Parses one number, reporting a problem at `field`.
fn read(field: Field, text: &str, errors: &mut Vec<FieldError>) -> Option<Amount> {
    parse_amount(text)
        .map_err(|e| {
            errors.push(FieldError {
                field,
                problem: Problem::Number(e),
            })
        })
        .ok()
}

fn signal_slot(field: SignalField) -> usize {
    SignalField::ALL
        .iter()
        .position(|f| *f == field)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example;
    use crate::number::NumberError;

    fn row(name: &str, hours: &str, results: &str) -> ActivityDraft {
        ActivityDraft {
            name: name.into(),
            kind: ActivityKind::Community,
            hours: hours.into(),
            results: results.into(),
        }
    }

    fn errors_of(draft: &ScenarioDraft) -> Vec<(Field, Problem)> {
        match draft.validate() {
            Ok(_) => vec![],
            Err(invalid) => invalid.0.iter().map(|e| (e.field, e.problem)).collect(),
        }
    }

    #[test]
    fn the_example_survives_a_trip_through_the_form() {
        let example = example::bakery();
        assert_eq!(
            ScenarioDraft::from_scenario(&example).validate(),
            Ok(example)
        );
    }

    #[test]
    fn a_fresh_form_asks_for_an_activity() {
        assert_eq!(
            errors_of(&ScenarioDraft::default()),
            vec![(Field::Activities, Problem::NoActivities)]
        );
    }

    #[test]
    fn blank_rows_are_skipped_and_errors_point_at_the_draft_row() {
        use Column::*;
        let draft = ScenarioDraft {
            activities: vec![
                row("Replies", "4", "120"),
                ActivityDraft::default(),
                row("", "2", ""),
            ],
            ..ScenarioDraft::default()
        };
        assert_eq!(
            errors_of(&draft),
            vec![
                (
                    Field::Activity(2, Results),
                    Problem::Number(NumberError::Empty)
                ),
                (Field::Activity(2, Name), Problem::NameMissing),
            ]
        );
        let draft = ScenarioDraft {
            activities: vec![ActivityDraft::default(), row("Replies", "4", "120")],
            ..ScenarioDraft::default()
        };
        assert_eq!(draft.validate().map(|s| s.activities().len()), Ok(1));
    }

    #[test]
    fn errors_are_reported_where_they_are_and_text_is_kept() {
        use Column::*;
        let mut draft = ScenarioDraft {
            activities: vec![row("Replies", "4,5", "120"), row("Ads", "-2", "lots")],
            ..ScenarioDraft::default()
        };
        *draft.signal_mut(SignalField::Customers) = "ten".into();
        *draft.signal_mut(SignalField::RepeatCustomers) = "3".into();
        let kept = draft.clone();
        assert_eq!(
            errors_of(&draft),
            vec![
                (
                    Field::Activity(1, Hours),
                    Problem::Number(NumberError::Negative)
                ),
                (
                    Field::Activity(1, Results),
                    Problem::Number(NumberError::NotANumber)
                ),
                (
                    Field::Signal(SignalField::Customers),
                    Problem::Number(NumberError::NotANumber)
                ),
            ]
        );
        assert_eq!(draft, kept);
    }

    #[test]
    fn cross_field_rules_come_from_the_scenario() {
        let mut draft = ScenarioDraft {
            activities: vec![row("Replies", "4", "120")],
            ..ScenarioDraft::default()
        };
        *draft.signal_mut(SignalField::Customers) = "10".into();
        *draft.signal_mut(SignalField::ReferredCustomers) = "12".into();
        assert_eq!(
            errors_of(&draft),
            vec![(
                Field::Signal(SignalField::ReferredCustomers),
                Problem::MoreThanCustomers
            )]
        );
    }

    #[test]
    fn blank_signals_are_unknown_not_zero() {
        let draft = ScenarioDraft {
            activities: vec![row("Replies", "4", "120")],
            ..ScenarioDraft::default()
        };
        let scenario = draft.validate().expect("valid");
        assert_eq!(scenario.signals(), &AudienceSignals::default());
    }
}
