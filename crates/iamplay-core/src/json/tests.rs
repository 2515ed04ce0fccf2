use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::*;

fn read(text: &str) -> Json {
    parse(text, DEFAULT_MAX_DEPTH).unwrap()
}

fn error(text: &str) -> SyntaxError {
    parse(text, DEFAULT_MAX_DEPTH).unwrap_err()
}

fn span(start: usize, end: usize) -> Span {
    Span::new(start, end)
}

#[test]
fn every_value_keeps_its_span() {
    let text = r#" {"a": [true, null, -1.5e3], "b": "x"} "#;
    let json = read(text);
    assert_eq!(json.span, span(1, 38));
    let Value::Object(members) = &json.value else {
        panic!()
    };
    assert_eq!(members[0].key, "a");
    assert_eq!(members[0].key_span, span(2, 5));
    let Value::Array(items) = &members[0].value.value else {
        panic!()
    };
    assert_eq!(
        items[0],
        Json {
            value: Value::Bool(true),
            span: span(8, 12)
        }
    );
    assert_eq!(
        items[1],
        Json {
            value: Value::Null,
            span: span(14, 18)
        }
    );
    assert_eq!(
        items[2],
        Json {
            value: Value::Number("-1.5e3".into()),
            span: span(20, 26)
        }
    );
    assert_eq!(
        members[1].value,
        Json {
            value: Value::String("x".into()),
            span: span(34, 37)
        }
    );
}

#[test]
fn duplicate_keys_are_kept_in_order() {
    let json = read(r#"{"Effect": "Deny", "Effect": "Allow"}"#);
    let Value::Object(members) = json.value else {
        panic!()
    };
    let keys: Vec<&str> = members.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, ["Effect", "Effect"]);
}

#[test]
fn escapes_are_decoded_including_surrogate_pairs() {
    let json = read(r#""a\"b\\c\/d\b\f\n\r\t\u00e9\u667a\ud83d\ude00""#);
    assert_eq!(
        json.value,
        Value::String("a\"b\\c/d\u{8}\u{c}\n\r\té智😀".into())
    );
}

#[test]
fn lone_surrogates_and_bad_escapes_are_errors() {
    assert_eq!(error(r#""\ud800""#).kind, SyntaxErrorKind::LoneSurrogate);
    assert_eq!(
        error(r#""\ud800\u0041""#).kind,
        SyntaxErrorKind::LoneSurrogate
    );
    assert_eq!(error(r#""\udc00""#).kind, SyntaxErrorKind::LoneSurrogate);
    let bad = error(r#""a\qb""#);
    assert_eq!(bad.kind, SyntaxErrorKind::InvalidEscape);
    assert_eq!(bad.span, span(2, 4));
    // Found by the `policy` fuzz target: the span of `\ᣓ` ends after the whole character.
    let wide = error("\"\\\u{18d3}\0");
    assert_eq!(wide.kind, SyntaxErrorKind::InvalidEscape);
    assert_eq!(wide.span, span(1, 5));
    assert!(matches!(
        error(r#""\u12G4""#).kind,
        SyntaxErrorKind::UnexpectedCharacter {
            found: 'G',
            expected: Expected::HexDigits
        }
    ));
}

#[test]
fn raw_control_characters_in_strings_are_errors() {
    let err = error("\"a\nb\"");
    assert_eq!(err.kind, SyntaxErrorKind::ControlCharacter);
    assert_eq!(err.span, span(2, 3));
}

#[test]
fn numbers_are_kept_as_written_however_large() {
    for text in [
        "0",
        "-0",
        "12",
        "1.25",
        "1e9",
        "1E-9",
        "-3.5e+10",
        "123456789012345678901234567890",
    ] {
        assert_eq!(read(text).value, Value::Number(text.into()), "{text}");
    }
    let huge = "9".repeat(10_000);
    assert_eq!(read(&huge).value, Value::Number(huge.clone()));
    for text in ["01", "1.", "-", "1e", "1e+", "-a", "--1"] {
        assert_eq!(error(text).kind, SyntaxErrorKind::InvalidNumber, "{text}");
    }
    assert!(matches!(
        error(".5").kind,
        SyntaxErrorKind::UnexpectedCharacter { found: '.', .. }
    ));
}

#[test]
fn empty_text_and_trailing_content_are_errors() {
    assert_eq!(error("").kind, SyntaxErrorKind::Empty);
    assert_eq!(error(" \n\t ").kind, SyntaxErrorKind::Empty);
    let trailing = error("{} {}");
    assert_eq!(trailing.kind, SyntaxErrorKind::TrailingContent);
    assert_eq!(trailing.span, span(3, 5));
}

#[test]
fn unexpected_characters_say_what_was_expected() {
    let cases = [
        ("{\"a\" 1}", '1', Expected::Colon),
        ("{\"a\": 1 \"b\": 2}", '"', Expected::CommaOrEndOfObject),
        ("[1 2]", '2', Expected::CommaOrEndOfArray),
        ("{a: 1}", 'a', Expected::KeyOrEnd),
        ("{\"a\": 1, }", '}', Expected::Key),
        ("[1, ]", ']', Expected::Value),
        ("tru", 't', Expected::Value),
        ("{\"a\": 智}", '智', Expected::Value),
    ];
    for (text, found, expected) in cases {
        assert_eq!(
            error(text).kind,
            SyntaxErrorKind::UnexpectedCharacter { found, expected },
            "{text}"
        );
    }
    let cjk = error("{\"a\": 智}");
    assert_eq!(cjk.span, span(6, 9));
}

#[test]
fn truncated_text_says_what_was_missing() {
    let cases = [
        ("{", Expected::KeyOrEnd),
        ("{\"a\"", Expected::Colon),
        ("{\"a\":", Expected::Value),
        ("[1,", Expected::Value),
        ("[1", Expected::CommaOrEndOfArray),
        ("\"abc", Expected::EndOfString),
    ];
    for (text, expected) in cases {
        assert_eq!(
            error(text).kind,
            SyntaxErrorKind::UnexpectedEnd { expected },
            "{text}"
        );
    }
    assert_eq!(error("\"abc").span, span(0, 4));
}

#[test]
fn nesting_ten_thousand_deep_is_an_error_not_a_crash() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let err = error(&deep);
    assert_eq!(
        err.kind,
        SyntaxErrorKind::TooDeep {
            limit: DEFAULT_MAX_DEPTH
        }
    );
    assert_eq!(err.span, span(64, 65));
    let objects = "{\"a\":".repeat(10_000);
    assert_eq!(
        error(&objects).kind,
        SyntaxErrorKind::TooDeep {
            limit: DEFAULT_MAX_DEPTH
        }
    );
    let ok = "[".repeat(64) + &"]".repeat(64);
    assert!(parse(&ok, DEFAULT_MAX_DEPTH).is_ok());
}

#[test]
fn invalid_utf8_is_an_error_at_its_place() {
    let err = parse_bytes(b"{\"a\": \"\xff\"}", DEFAULT_MAX_DEPTH).unwrap_err();
    assert_eq!(err.kind, SyntaxErrorKind::InvalidUtf8);
    assert_eq!(err.span, span(7, 8));
    assert!(parse_bytes(b"{\"a\": 1}", DEFAULT_MAX_DEPTH).is_ok());
}

#[test]
fn ten_megabytes_of_text_are_read() {
    let big = String::from("[\"") + &"x".repeat(10 * 1024 * 1024) + "\"]";
    let json = read(&big);
    let Value::Array(items) = json.value else {
        panic!()
    };
    let Value::String(text) = &items[0].value else {
        panic!()
    };
    assert_eq!(text.len(), 10 * 1024 * 1024);
    let many = String::from("[") + &vec!["1"; 100_000].join(",") + "]";
    let Value::Array(items) = read(&many).value else {
        panic!()
    };
    assert_eq!(items.len(), 100_000);
    assert_eq!(items[99_999].value.type_name(), "number");
    assert_eq!(Value::Null.type_name().to_string(), "null");
}
