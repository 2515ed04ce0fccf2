//! A decision in one paragraph, for places with room for a few lines only (the embeddable
//! widget): the headline, then the statements that explain it with the comparisons that
//! mattered.

use alloc::string::String;
use alloc::vec::Vec;

use super::{Explanation, FAILED, StatementExplanation};
use crate::eval::trace::Verdict;
use crate::explain::{Lang, tr};
use crate::policy::model::Effect;

impl StatementExplanation {
    /// The comparisons that did not match.
    pub fn failed(&self) -> impl Iterator<Item = &str> {
        self.details
            .iter()
            .map(String::as_str)
            .filter(|d| d.starts_with(FAILED))
    }
}

/// At most this many statements are named in a paragraph.
const MAX_STATEMENTS: usize = 2;

impl Explanation {
    /// The statements that explain the decision: the ones that decided it, or, where nothing
    /// allowed, the Allow statements that came closest to applying in the layers that allowed
    /// nothing (those with the fewest failed comparisons; each says why it did not apply).
    #[must_use]
    pub fn key_statements(&self) -> Vec<&StatementExplanation> {
        let deciding: Vec<&StatementExplanation> = self
            .layers
            .iter()
            .flat_map(|l| &l.statements)
            .filter(|s| s.determining)
            .collect();
        if !deciding.is_empty() {
            return deciding;
        }
        let missed: Vec<(usize, &StatementExplanation)> = self
            .layers
            .iter()
            .filter(|l| l.verdict == Verdict::NoAllow)
            .flat_map(|l| &l.statements)
            .filter(|s| s.effect == Effect::Allow && !s.applies)
            .map(|s| (s.failed().count(), s))
            .collect();
        let closest = missed.iter().map(|(failed, _)| *failed).min();
        missed
            .into_iter()
            .filter(|(failed, _)| Some(*failed) == closest)
            .map(|(_, s)| s)
            .collect()
    }

    /// The decision in one paragraph, in `lang`: the headline, then up to two key statements,
    /// each with the comparisons that made it apply (all of them) or not (the failed ones).
    #[must_use]
    pub fn paragraph(&self, lang: Lang) -> String {
        let mut out = self.headline.clone();
        for statement in self.key_statements().into_iter().take(MAX_STATEMENTS) {
            let reasons: Vec<&str> = if statement.applies {
                statement.details.iter().map(String::as_str).collect()
            } else {
                statement.failed().collect()
            };
            let title = &statement.title;
            if reasons.is_empty() {
                out.push_str(&tr!(lang, " {title}.", "{title}。", "{title}。"));
                continue;
            }
            let reasons = reasons.join(tr!(lang, "; ", "；", "；").as_str());
            out.push_str(&tr!(
                lang,
                " {title}: {reasons}.",
                "{title}：{reasons}。",
                "{title}：{reasons}。"
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::seed;
    use super::*;

    #[test]
    fn a_denial_names_the_allow_that_missed_and_only_its_failed_comparison() {
        let (response, request, set) = seed("PREFIX/234567/");
        for lang in [Lang::En, Lang::ZhCn, Lang::ZhTw] {
            let explanation = super::super::explain_decision(&response, &request, &set, lang);
            let text = explanation.paragraph(lang);
            assert!(text.starts_with(&explanation.headline), "{text}");
            assert!(text.contains("`ListYourObjects`"), "{text}");
            assert!(text.contains("`PREFIX/234567/`"), "{text}");
            assert!(
                text.contains("`${aws:PrincipalTag/userid}` = `123456`"),
                "{text}"
            );
            assert!(!text.contains("✓"), "{text}");
            // The statement for other actions does not explain a listing.
            assert!(!text.contains("ReadWriteDeleteYourObjects"), "{text}");
        }
    }

    #[test]
    fn an_allow_names_the_statement_that_allowed_with_every_comparison() {
        let (response, request, set) = seed("PREFIX/123456/");
        let explanation = super::super::explain_decision(&response, &request, &set, Lang::ZhCn);
        let text = explanation.paragraph(Lang::ZhCn);
        assert!(text.starts_with("允许："), "{text}");
        assert!(text.contains("`ListYourObjects`"), "{text}");
        assert!(text.contains("✓"), "{text}");
        assert!(!text.contains("✗"), "{text}");
        assert_eq!(text.lines().count(), 1, "{text}");
    }
}
