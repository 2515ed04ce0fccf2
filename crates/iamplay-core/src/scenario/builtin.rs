//! The built-in scenarios (`scenarios/*.json`): the course's lessons, each a world and the
//! steps that show one idea, with their expected outcomes.

/// A built-in scenario: its id and its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Builtin {
    /// The id (`course-platform`), also the file name.
    pub id: &'static str,
    /// The scenario document.
    pub text: &'static str,
}

macro_rules! builtin {
    ($($id:literal),* $(,)?) => {
        /// Every built-in scenario, the default first (none without the `lessons` feature:
        /// a build that loads its lessons itself, such as the embeddable widget, leaves
        /// their text out).
        #[cfg(feature = "lessons")]
        pub static ALL: &[Builtin] = &[
            $(Builtin {
                id: $id,
                text: include_str!(concat!("../../../../scenarios/", $id, ".json")),
            }),*
        ];
        /// Every built-in scenario, the default first (none without the `lessons` feature:
        /// a build that loads its lessons itself, such as the embeddable widget, leaves
        /// their text out).
        #[cfg(not(feature = "lessons"))]
        pub static ALL: &[Builtin] = &[];
        /// The ids of the built-in scenarios (`scenarios/ID.json`), with or without their
        /// text.
        pub static IDS: &[&str] = &[$($id),*];
    };
}

builtin![
    "course-platform",
    "per-user-folders",
    "session-policy",
    "mfa-session-token",
    "federation-token",
    "trust-pitfalls",
    "delegate-read",
    "cli-profile-chain",
    "role-chaining",
    "confused-deputy",
];

/// The scenario the playground opens with.
#[must_use]
pub fn default_scenario() -> Builtin {
    ALL.first().copied().unwrap_or(Builtin {
        id: "empty",
        text: r#"{"version": 1, "title": {"en": "Empty"}, "world": {}, "steps": []}"#,
    })
}

/// The built-in scenario `id`.
#[must_use]
pub fn find(id: &str) -> Option<Builtin> {
    ALL.iter().copied().find(|b| b.id == id)
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::String;
    use alloc::vec::Vec;

    use super::*;

    #[test]
    fn the_ids_are_the_lessons() {
        assert_eq!(ALL.iter().map(|b| b.id).collect::<Vec<_>>(), IDS);
    }
    use crate::explain::Lang;
    use crate::scenario::{read, run, share};

    #[test]
    fn every_builtin_scenario_reads_runs_green_and_speaks_three_languages() {
        let mut failures: Vec<String> = Vec::new();
        for builtin in ALL {
            let read = read(builtin.text);
            let errors: Vec<_> = read
                .problems
                .iter()
                .filter(|p| p.severity == crate::policy::Severity::Error)
                .collect();
            if !errors.is_empty() {
                failures.push(format!("{}: {errors:#?}", builtin.id));
                continue;
            }
            let Some(scenario) = read.scenario else {
                continue;
            };
            if scenario.id.as_deref() != Some(builtin.id) {
                failures.push(format!("{}: its id is {:?}", builtin.id, scenario.id));
            }
            for lang in Lang::ALL {
                let title = scenario.title.get(lang);
                let exact = match lang {
                    Lang::En => &scenario.title.en,
                    Lang::ZhCn => &scenario.title.zh_cn,
                    Lang::ZhTw => &scenario.title.zh_tw,
                };
                if exact.is_none() || title.is_none() {
                    failures.push(format!("{}: no title in {}", builtin.id, lang.tag()));
                }
            }
            let result = run(&scenario);
            for step in &result.steps {
                if step.met == Some(false) {
                    failures.push(format!(
                        "{} step {} ({:?}): expected {:?}, got {:?} {:?}",
                        builtin.id,
                        step.index,
                        step.id,
                        step.expected,
                        step.actual,
                        step.error()
                    ));
                }
            }
            if !scenario.steps.iter().any(|s| s.expect.is_some()) {
                failures.push(format!("{}: no step has an expectation", builtin.id));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn every_builtin_scenario_survives_a_share_link() {
        for builtin in ALL {
            let link = share::encode(builtin.text).unwrap_or_default();
            let text = share::decode(&link).unwrap_or_default();
            let original = read(builtin.text).scenario;
            assert!(original.is_some(), "{}", builtin.id);
            assert_eq!(read(&text).scenario, original, "{}", builtin.id);
        }
        assert_eq!(default_scenario().id, "course-platform");
        assert!(find("course-platform").is_some() && find("nope").is_none());
    }

    #[test]
    fn every_explained_statement_names_the_world_document_it_comes_from() {
        let mut sources = 0;
        for builtin in ALL {
            let Some(scenario) = read(builtin.text).scenario else {
                continue;
            };
            let Ok(json) = crate::json::parse(builtin.text, 64) else {
                continue;
            };
            for step in &run(&scenario).steps {
                for authorization in step.authorizations() {
                    let explained = authorization.explain(Lang::En);
                    for statement in explained.layers.iter().flat_map(|l| &l.statements) {
                        let Some(source) = &statement.source else {
                            continue;
                        };
                        sources += 1;
                        let document = json.get_pointer(&format!("/world{source}"));
                        assert!(
                            document.is_some(),
                            "{}: `{source}` is not in the world",
                            builtin.id
                        );
                    }
                }
            }
        }
        assert!(
            sources > 20,
            "only {sources} statements named their document"
        );
    }

    #[test]
    fn builtin_scenarios_list_their_warnings_with_their_places() {
        let mut all: Vec<(&str, &str, String)> = Vec::new();
        for builtin in ALL {
            let Some(scenario) = read(builtin.text).scenario else {
                continue;
            };
            let result = run(&scenario);
            for warning in result.warnings() {
                for lang in Lang::ALL {
                    let text = crate::explain::world_warning_message(&warning, lang);
                    assert!(!text.trim().is_empty(), "{}: {warning:?}", builtin.id);
                }
                all.push((builtin.id, warning.code(), warning.pointer().into()));
                if let crate::sts::WorldWarning::Policy {
                    finding, pointer, ..
                } = warning
                    && let crate::policy::FindingKind::SensitiveActionWithoutMfa {
                        action,
                        more,
                        ..
                    } = &finding.kind
                    && builtin.id == "mfa-session-token"
                {
                    // OpsAdmin's Deny with BoolIfExists protects s3:DeleteBucket and
                    // iam:DeleteRole; the same Deny with Bool does not (long-term keys pass).
                    let expected = if pointer.starts_with("/accounts/0/users/0/") {
                        17
                    } else {
                        19
                    };
                    assert_eq!(
                        (*action, *more),
                        ("iam:CreateAccessKey", expected),
                        "{pointer}"
                    );
                }
            }
        }
        let has = |id: &str, code: &str, pointer: &str| {
            all.iter()
                .any(|(i, c, p)| *i == id && *c == code && p == pointer)
        };
        assert!(has(
            "trust-pitfalls",
            "WholeAccountTrust",
            "/accounts/0/roles/0/trustPolicy"
        ));
        assert!(has(
            "session-policy",
            "WildcardAction",
            "/accounts/0/roles/0/inlinePolicies/0/document"
        ));
        assert!(has(
            "mfa-session-token",
            "SensitiveActionWithoutMfa",
            "/accounts/0/users/1/inlinePolicies/0/document"
        ));
        // The 12-hour CourseAccessRole is assumed by a user, not through an OIDC provider.
        assert!(
            !all.iter()
                .any(|(_, code, _)| *code == "longSessionForWorkload"),
            "{all:#?}"
        );
    }
}
