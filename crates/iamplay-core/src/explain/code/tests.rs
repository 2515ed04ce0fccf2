use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::*;

#[test]
fn every_limitation_is_explained_in_three_languages() {
    for omits in ProfileOmits::ALL {
        let messages: Vec<String> = Lang::ALL
            .iter()
            .map(|lang| profile_omits_message(omits, *lang))
            .collect();
        let parameter = format!("`{}`", omits.parameter());
        for message in &messages {
            assert!(message.contains(&parameter), "{message}");
        }
        let [en, zh_cn, zh_tw] = messages.as_slice() else {
            panic!("three languages");
        };
        assert!(en.starts_with("a profile "), "{en}");
        assert!(zh_cn.starts_with("配置文件"), "{zh_cn}");
        assert!(zh_tw.starts_with("設定檔"), "{zh_tw}");
        assert_ne!(zh_cn, zh_tw);
        for (lang, message) in Lang::ALL.iter().zip(&messages) {
            let signer = signer_profile_omits_message(omits, *lang);
            assert!(signer.ends_with(message.as_str()), "{signer}");
            assert!(signer.contains("`--profile`"), "{signer}");
        }
    }
}

#[test]
fn traditional_chinese_uses_taiwans_aws_terms() {
    let tw = |omits| profile_omits_message(omits, Lang::ZhTw);
    assert!(tw(ProfileOmits::Tags).contains("工作階段標籤"));
    assert!(tw(ProfileOmits::Policy).contains("內嵌工作階段政策"));
    assert!(tw(ProfileOmits::PolicyArns).contains("受管工作階段政策"));
    assert!(tw(ProfileOmits::SourceIdentity).contains("來源身分"));
    assert!(tw(ProfileOmits::TokenCode).contains("擔任角色"));
    let cn = |omits| profile_omits_message(omits, Lang::ZhCn);
    assert!(cn(ProfileOmits::Tags).contains("会话标签"));
    assert!(cn(ProfileOmits::PolicyArns).contains("托管会话策略"));
    assert!(cn(ProfileOmits::TokenCode).contains("代入角色"));
    for lang in Lang::ALL {
        assert!(placeholder_message("Body", lang).contains("`Body`"));
        assert!(!generic_code_message(lang).is_empty());
    }
    assert!(generic_code_message(Lang::ZhTw).contains("動作"));
    assert!(generic_code_message(Lang::ZhCn).contains("操作"));
}
