//! Words for what the core found and decided, in English, 简体中文 and 繁體中文.
//!
//! The rest of the core returns data (codes, values, locations); this module is the one message
//! catalog that turns it into sentences, for the web playground and the npm package alike.
//! English messages start in lower case and put what the user typed in backticks; the Chinese
//! ones use AWS's own terms in each script (策略 / 政策, 主体 / 委託人, 操作 / 動作).

mod code;
mod decision;
mod findings;
mod input;
mod scenario;
mod sts;
mod whatif;
mod world;

pub use code::{
    generic_code_message, placeholder_message, profile_omits_message, signer_profile_omits_message,
};
pub use decision::{
    Explanation, LayerExplanation, StatementExplanation, explain_decision, layer_name,
};
pub use findings::{finding_help, finding_message};
pub use input::input_problem_message;
pub use scenario::{scenario_problem_message, shape_message, share_error_message, skip_message};
pub use sts::{caller_kind_name, failure_help, failure_message, note_message};
pub use whatif::change_message;
pub use world::{
    entity_name, world_problem_help, world_problem_kind_message, world_problem_message,
    world_warning_help, world_warning_message,
};

/// A language iamplay speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese (简体中文).
    ZhCn,
    /// Traditional Chinese (繁體中文).
    ZhTw,
}

impl Lang {
    /// Every language.
    pub const ALL: [Self; 3] = [Self::En, Self::ZhCn, Self::ZhTw];

    /// The BCP 47 tag: `en`, `zh-CN`, `zh-TW`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhCn => "zh-CN",
            Self::ZhTw => "zh-TW",
        }
    }

    /// The language for a BCP 47 tag, as browsers and pages give them: `zh-CN`, `zh-Hans`,
    /// `zh-SG` and plain `zh` are Simplified; `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant` are
    /// Traditional; `en`, `en-US` are English. `None` for other languages.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        match parts.next()? {
            "en" => Some(Self::En),
            "zh" => {
                let rest: alloc::vec::Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|part| matches!(*part, "tw" | "hk" | "mo" | "hant"));
                Some(if traditional { Self::ZhTw } else { Self::ZhCn })
            }
            _ => None,
        }
    }
}

/// Picks the text for `lang`, formatting only that one:
/// `tr!(lang, "unknown `{x}`", "未知的 `{x}`", "未知的 `{x}`")`.
macro_rules! tr {
    ($lang:expr, $en:literal, $zh_cn:literal, $zh_tw:literal $(,)?) => {
        match $lang {
            $crate::explain::Lang::En => alloc::format!($en),
            $crate::explain::Lang::ZhCn => alloc::format!($zh_cn),
            $crate::explain::Lang::ZhTw => alloc::format!($zh_tw),
        }
    };
}
pub(crate) use tr;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_languages_as_browsers_send_them() {
        for (tag, lang) in [
            ("en", Lang::En),
            ("en-US", Lang::En),
            ("zh", Lang::ZhCn),
            ("zh-CN", Lang::ZhCn),
            ("zh-Hans-CN", Lang::ZhCn),
            ("zh_SG", Lang::ZhCn),
            ("zh-TW", Lang::ZhTw),
            ("zh-HK", Lang::ZhTw),
            ("zh-Hant", Lang::ZhTw),
        ] {
            assert_eq!(Lang::from_tag(tag), Some(lang), "{tag}");
        }
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
