//! The words findings are made of: element names, JSON shapes and types, operator families,
//! syntax errors, versions, size rules.

use alloc::string::String;

use super::super::{Lang, tr};
use crate::json::{Expected, SyntaxErrorKind};
use crate::policy::finding::{Element, Shape};
use crate::policy::kind::SizeRule;
use crate::policy::model::{Effect, PrincipalKind, Version};
use crate::policy::operator::{OperatorFamily, SetOperator};

pub(super) fn element(element: Element, lang: Lang) -> String {
    match element {
        Element::Policy => tr!(lang, "the policy", "策略", "政策"),
        Element::ConditionOperator => tr!(
            lang,
            "a condition operator's block",
            "条件运算符的块",
            "條件運算子的區塊"
        ),
        Element::ConditionValues => tr!(lang, "condition values", "条件值", "條件值"),
        Element::PrincipalIds => tr!(lang, "principal ids", "主体 ID", "委託人 ID"),
        named => alloc::format!("`{}`", named.name()),
    }
}

pub(super) fn shape(shape: Shape, lang: Lang) -> String {
    match shape {
        Shape::String => tr!(lang, "a string", "字符串", "字串"),
        Shape::Object => tr!(lang, "an object", "对象", "物件"),
        Shape::ObjectOrArrayOfObjects => tr!(
            lang,
            "an object or an array of objects",
            "对象或对象数组",
            "物件或物件陣列"
        ),
        Shape::StringOrArrayOfStrings => tr!(
            lang,
            "a string or an array of strings",
            "字符串或字符串数组",
            "字串或字串陣列"
        ),
        Shape::StarOrObject => tr!(
            lang,
            "`\"*\"` or an object",
            "`\"*\"` 或对象",
            "`\"*\"` 或物件"
        ),
        Shape::ScalarOrArrayOfScalars => tr!(
            lang,
            "a string, number or boolean, or an array of them",
            "字符串、数字、布尔值或它们的数组",
            "字串、數字、布林值或其陣列"
        ),
    }
}

pub(super) fn json_type(name: &str, lang: Lang) -> String {
    match (name, lang) {
        (_, Lang::En) => name.into(),
        ("string", Lang::ZhCn) => "字符串".into(),
        ("string", Lang::ZhTw) => "字串".into(),
        ("number", Lang::ZhCn) => "数字".into(),
        ("number", Lang::ZhTw) => "數字".into(),
        ("boolean", Lang::ZhCn) => "布尔值".into(),
        ("boolean", Lang::ZhTw) => "布林值".into(),
        ("array", Lang::ZhCn) => "数组".into(),
        ("array", Lang::ZhTw) => "陣列".into(),
        ("object", Lang::ZhCn) => "对象".into(),
        ("object", Lang::ZhTw) => "物件".into(),
        (other, _) => other.into(),
    }
}

pub(super) fn family(family: OperatorFamily, lang: Lang) -> String {
    match family {
        OperatorFamily::String => tr!(lang, "string", "字符串", "字串"),
        OperatorFamily::Numeric => tr!(lang, "numeric", "数字", "數字"),
        OperatorFamily::Date => tr!(lang, "date", "日期", "日期"),
        OperatorFamily::Bool => tr!(lang, "boolean", "布尔", "布林"),
        OperatorFamily::Binary => tr!(lang, "binary", "二进制", "二進位"),
        OperatorFamily::IpAddress => tr!(lang, "IP address", "IP 地址", "IP 位址"),
        OperatorFamily::Arn => tr!(lang, "ARN", "ARN", "ARN"),
        OperatorFamily::Null => tr!(lang, "null check", "空值检查", "空值檢查"),
    }
}

pub(super) fn expected(expected: Expected, lang: Lang) -> String {
    match expected {
        Expected::Value => tr!(lang, "a value", "一个值", "一個值"),
        Expected::KeyOrEnd => tr!(
            lang,
            "a key in quotes or `}}`",
            "带引号的键或 `}}`",
            "加引號的索引鍵或 `}}`"
        ),
        Expected::Key => tr!(lang, "a key in quotes", "带引号的键", "加引號的索引鍵"),
        Expected::Colon => tr!(lang, "`:`", "`:`", "`:`"),
        Expected::CommaOrEndOfArray => tr!(lang, "`,` or `]`", "`,` 或 `]`", "`,` 或 `]`"),
        Expected::CommaOrEndOfObject => tr!(lang, "`,` or `}}`", "`,` 或 `}}`", "`,` 或 `}}`"),
        Expected::EndOfString => tr!(lang, "the closing `\"`", "结束的 `\"`", "結尾的 `\"`"),
        Expected::HexDigits => tr!(
            lang,
            "four hexadecimal digits",
            "四个十六进制数字",
            "四個十六進位數字"
        ),
    }
}

pub(super) fn syntax(error: &SyntaxErrorKind, lang: Lang) -> String {
    match error {
        SyntaxErrorKind::Empty => tr!(lang, "the policy is empty", "策略为空", "政策是空的"),
        SyntaxErrorKind::InvalidUtf8 => tr!(
            lang,
            "the text is not valid UTF-8",
            "文本不是有效的 UTF-8",
            "文字不是有效的 UTF-8"
        ),
        SyntaxErrorKind::UnexpectedEnd { expected: e } => {
            let e = expected(*e, lang);
            tr!(
                lang,
                "the text ends where {e} was expected",
                "文本在应为{e}的位置结束",
                "文字在應為{e}的位置結束"
            )
        }
        SyntaxErrorKind::UnexpectedCharacter { found, expected: e } => {
            let e = expected(*e, lang);
            tr!(
                lang,
                "unexpected `{found}`: expected {e}",
                "意外的 `{found}`：应为{e}",
                "非預期的 `{found}`：應為{e}"
            )
        }
        SyntaxErrorKind::InvalidEscape => tr!(
            lang,
            "invalid escape in a string",
            "字符串中有无效的转义",
            "字串中有無效的跳脫字元"
        ),
        SyntaxErrorKind::LoneSurrogate => tr!(
            lang,
            "a `\\u` escape is half of a surrogate pair",
            "`\\u` 转义只是代理对的一半",
            "`\\u` 跳脫只是代理對的一半"
        ),
        SyntaxErrorKind::ControlCharacter => tr!(
            lang,
            "a line break or control character inside a string",
            "字符串中有换行或控制字符",
            "字串中有換行或控制字元"
        ),
        SyntaxErrorKind::InvalidNumber => tr!(lang, "invalid number", "无效的数字", "無效的數字"),
        SyntaxErrorKind::TooDeep { limit } => tr!(
            lang,
            "nested more than {limit} levels deep",
            "嵌套超过 {limit} 层",
            "巢狀超過 {limit} 層"
        ),
        SyntaxErrorKind::TrailingContent => tr!(
            lang,
            "more text after the policy's closing `}}`",
            "策略结束的 `}}` 之后还有内容",
            "政策結尾的 `}}` 之後還有內容"
        ),
    }
}

pub(super) fn version(version: Option<Version>, lang: Lang) -> String {
    match version {
        Some(v) => alloc::format!("`{}`", v.as_str()),
        None => tr!(lang, "none", "无", "無"),
    }
}

pub(super) fn size_rule(rule: SizeRule, lang: Lang) -> String {
    match rule {
        SizeRule::CharactersWithoutWhiteSpace => tr!(
            lang,
            "characters, not counting white space",
            "个字符（不计空白）",
            "個字元（不計空白）"
        ),
        SizeRule::AllCharacters => tr!(
            lang,
            "characters, white space included",
            "个字符（包括空白）",
            "個字元（包括空白）"
        ),
        SizeRule::Bytes => tr!(lang, "bytes", "字节", "位元組"),
    }
}

pub(super) fn principal_kind(kind: PrincipalKind) -> &'static str {
    kind.as_str()
}

pub(super) fn set_operator(set: SetOperator) -> &'static str {
    set.prefix()
}

pub(super) fn effect(effect: Effect) -> &'static str {
    effect.as_str()
}
