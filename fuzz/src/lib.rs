//! What the fuzz targets share: the checks that every message the engine words, in each of its
//! three languages, says something and that every location points into the text it locates.
//!
//! A target panics (and libFuzzer keeps the input) when one of these fails.

use iamplay_core::eval::{PolicySet, Request, Response};
use iamplay_core::explain::{
    Explanation, Lang, explain_decision, failure_help, failure_message, finding_help,
    finding_message, note_message,
};
use iamplay_core::policy::Finding;
use iamplay_core::sts::{Authorization, CallOutcome, Note, StsError};

/// Asserts that a message says something.
pub fn said(text: &str, what: &dyn std::fmt::Debug) {
    assert!(!text.trim().is_empty(), "an empty message for {what:?}");
}

/// Words every finding in every language, and checks that it points into `text`.
pub fn check_findings(text: &str, findings: &[Finding]) {
    for finding in findings {
        let span = finding.location.span;
        let (start, end) = (span.start as usize, span.end as usize);
        assert!(
            start <= end && text.get(start..end).is_some(),
            "finding {finding:?} is not within the text ({} bytes)",
            text.len()
        );
        for lang in Lang::ALL {
            said(&finding_message(finding, lang), finding);
            if let Some(help) = finding_help(finding, lang) {
                said(&help, finding);
            }
        }
    }
}

/// Explains a decision (evaluated with an explanation) in every language, and checks that the
/// statements it calls deciding are statements that apply.
pub fn explain_all(response: &Response, request: &Request, set: &PolicySet) {
    for lang in Lang::ALL {
        check_explanation(&explain_decision(response, request, set, lang), lang);
    }
}

/// [`explain_all`] for an authorization an STS call or a request made.
pub fn explain_authorization(authorization: &Authorization) {
    for lang in Lang::ALL {
        check_explanation(&authorization.explain(lang), lang);
    }
}

fn check_explanation(explanation: &Explanation, lang: Lang) {
    said(&explanation.headline, &explanation);
    said(&explanation.paragraph(lang), &explanation);
    said(&explanation.to_text(), &explanation);
    for statement in explanation
        .layers
        .iter()
        .flat_map(|layer| &layer.statements)
    {
        assert!(
            !statement.determining || statement.applies,
            "a deciding statement that does not apply: {statement:?}"
        );
    }
}

/// Words an STS error in every language.
pub fn explain_error(error: &StsError) {
    assert!(
        !error.code.is_empty(),
        "an STS error without a code: {error:?}"
    );
    for lang in Lang::ALL {
        said(&failure_message(&error.reason, lang), error);
        if let Some(help) = failure_help(&error.reason, lang) {
            said(&help, error);
        }
    }
}

/// Words a note in every language.
pub fn explain_note(note: &Note) {
    for lang in Lang::ALL {
        said(&note_message(note, lang), note);
    }
}

/// Checks a call's outcome: a response or an error, never both; on success, every
/// authorization allowed; everything in it worded. `policy` is the inline session policy passed.
pub fn check_call<T: std::fmt::Debug>(outcome: &CallOutcome<T>, policy: Option<&str>) {
    assert_eq!(
        outcome.response.is_some(),
        outcome.error.is_none(),
        "a call with both or neither of a response and an error: {outcome:?}"
    );
    if let Some(error) = &outcome.error {
        explain_error(error);
    } else {
        assert!(
            outcome.authorizations.iter().all(Authorization::is_allowed),
            "a call that succeeded with a denied authorization: {outcome:?}"
        );
    }
    outcome
        .authorizations
        .iter()
        .for_each(explain_authorization);
    outcome.notes.iter().for_each(explain_note);
    if let Some(policy) = policy {
        check_findings(policy, &outcome.policy_findings);
    }
}
