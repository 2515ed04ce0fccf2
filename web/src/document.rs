//! The scenario as text: read with the core's reader (errors in the user's language), written
//! for local storage (exactly as edited) and for export (policies as JSON objects where they
//! are valid JSON, so that the file reads like the built-in ones).

use iamplay_core::explain::{Lang, scenario_problem_message};
use iamplay_core::json::DOCUMENT_FIELDS;
use iamplay_core::policy::Severity;
use iamplay_core::scenario::{self, Localized, Scenario};
use serde_json::Value;

/// Reads a scenario document; the errors, worded in `lang`, when its shape is wrong. A
/// scenario whose shape is right opens even with other errors (a policy that is not valid
/// yet): the editors show those where they are.
pub(crate) fn read(text: &str, lang: Lang) -> Result<Scenario, Vec<String>> {
    let read = scenario::read(text);
    match read.scenario {
        Some(scenario) => Ok(scenario),
        None => Err(read
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| scenario_problem_message(p, lang))
            .collect()),
    }
}

/// The scenario exactly as it is, every document as the text the user typed.
pub(crate) fn to_storage_text(scenario: &Scenario) -> String {
    serde_json::to_string(scenario).unwrap_or_default()
}

/// The scenario as a readable file: pretty, with each valid policy document as a JSON object.
pub(crate) fn to_export_text(scenario: &Scenario) -> String {
    let Ok(mut value) = serde_json::to_value(scenario) else {
        return to_storage_text(scenario);
    };
    inline_documents(&mut value);
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

fn inline_documents(value: &mut Value) {
    match value {
        Value::Object(members) => {
            for (key, member) in members.iter_mut() {
                if DOCUMENT_FIELDS.contains(&key.as_str())
                    && let Value::String(text) = member
                    && let Ok(parsed @ (Value::Object(_) | Value::Array(_))) =
                        serde_json::from_str::<Value>(text)
                {
                    *member = parsed;
                    continue;
                }
                inline_documents(member);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(inline_documents),
        _ => {}
    }
}

/// A new scenario with one account, ready to be filled in.
pub(crate) fn empty_scenario() -> Scenario {
    let text = r#"{
  "version": 1,
  "title": {"en": "New scenario", "zh-CN": "新场景", "zh-TW": "新情境"},
  "world": {"accounts": [{"id": "111122223333", "name": "Account A"}]},
  "steps": []
}"#;
    scenario::read(text).scenario.unwrap_or_else(|| Scenario {
        version: scenario::FORMAT_VERSION,
        title: Localized {
            en: Some("New scenario".into()),
            ..Localized::default()
        },
        ..Scenario::default()
    })
}

#[cfg(test)]
mod tests {
    use iamplay_core::scenario::builtin;

    use super::*;

    #[test]
    fn every_builtin_scenario_survives_storage_and_export() {
        for b in builtin::ALL {
            let scenario = read(b.text, Lang::En).unwrap_or_else(|e| panic!("{}: {e:?}", b.id));
            let stored = read(&to_storage_text(&scenario), Lang::En);
            assert_eq!(stored.as_ref(), Ok(&scenario), "{}", b.id);
            let exported = read(&to_export_text(&scenario), Lang::En)
                .unwrap_or_else(|e| panic!("{}: {e:?}", b.id));
            assert_eq!(exported.steps.len(), scenario.steps.len(), "{}", b.id);
            assert_eq!(
                scenario::run(&exported).passed,
                scenario::run(&scenario).passed,
                "{}",
                b.id
            );
        }
    }

    #[test]
    fn invalid_policy_text_is_kept_exactly() {
        let mut scenario = empty_scenario();
        let typed = "{ \"Version\": \"2012-10-17\", \"Statement\": [ oops";
        scenario.steps.push(scenario::Step {
            wait: Some(1),
            ..Default::default()
        });
        scenario.world.accounts[0]
            .policies
            .push(iamplay_core::sts::world::ManagedPolicy {
                name: "draft".into(),
                path: None,
                document: typed.into(),
            });
        for text in [to_storage_text(&scenario), to_export_text(&scenario)] {
            let back = read(&text, Lang::En).unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(back.world.accounts[0].policies[0].document, typed);
        }
    }

    #[test]
    fn the_empty_scenario_reads_and_runs() {
        let scenario = empty_scenario();
        assert_eq!(scenario.world.accounts.len(), 1);
        assert!(scenario::run(&scenario).passed);
    }
}
