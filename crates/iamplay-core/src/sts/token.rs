//! Reading a web identity token: a JWT (`header.payload.signature`, base64url) whose payload
//! is a JSON object of claims. The signature is not checked: the scenario vouches for the token.

use alloc::string::String;
use alloc::vec::Vec;

use crate::json::{self, Value};
use crate::value::base64;

/// The claims of a token that STS and policies use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Claims {
    /// `iss`.
    pub(crate) issuer: Option<String>,
    /// `aud` (one or several).
    pub(crate) audiences: Vec<String>,
    /// `sub`.
    pub(crate) subject: Option<String>,
    /// `exp`, epoch seconds.
    pub(crate) expires: Option<i64>,
    /// `amr` (Cognito's authentication methods).
    pub(crate) amr: Vec<String>,
    /// `azp` (Google's authorized party).
    pub(crate) authorized_party: Option<String>,
    /// Session tags from `https://aws.amazon.com/tags`: `principal_tags` (each value a one-item
    /// list) and `transitive_tag_keys`.
    pub(crate) tags: Vec<(String, String)>,
    /// The transitive tag keys of the same claim.
    pub(crate) transitive_tag_keys: Vec<String>,
    /// `https://aws.amazon.com/source_identity`.
    pub(crate) source_identity: Option<String>,
}

/// Decodes base64url without padding.
fn base64url(text: &str) -> Option<Vec<u8>> {
    let mut standard: String = text
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while !standard.len().is_multiple_of(4) {
        standard.push('=');
    }
    base64::decode(&standard)
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => alloc::vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(|item| match &item.value {
                Value::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn first_string(value: &Value) -> Option<String> {
    strings(value).into_iter().next()
}

/// The claims of `token`, or `None` when it is not a JWT with a JSON object as its payload.
pub(crate) fn read(token: &str) -> Option<Claims> {
    let mut parts = token.split('.');
    let (_header, payload) = (parts.next()?, parts.next()?);
    let bytes = base64url(payload)?;
    let Value::Object(members) = json::parse_bytes(&bytes, 16).ok()?.value else {
        return None;
    };
    let mut claims = Claims::default();
    for member in &members {
        let value = &member.value.value;
        match member.key.as_str() {
            "iss" => claims.issuer = first_string(value),
            "aud" => claims.audiences = strings(value),
            "sub" => claims.subject = first_string(value),
            "azp" => claims.authorized_party = first_string(value),
            "amr" => claims.amr = strings(value),
            "exp" => {
                if let Value::Number(n) = value {
                    claims.expires = n.split('.').next().and_then(|n| n.parse().ok());
                }
            }
            "https://aws.amazon.com/source_identity" => {
                claims.source_identity = first_string(value)
            }
            "https://aws.amazon.com/tags" => read_tags(value, &mut claims),
            _ => {}
        }
    }
    Some(claims)
}

fn read_tags(value: &Value, claims: &mut Claims) {
    let Value::Object(members) = value else {
        return;
    };
    for member in members {
        match (member.key.as_str(), &member.value.value) {
            ("principal_tags", Value::Object(tags)) => {
                for tag in tags {
                    if let Some(value) = first_string(&tag.value.value) {
                        claims.tags.push((tag.key.clone(), value));
                    }
                }
            }
            ("transitive_tag_keys", keys) => claims.transitive_tag_keys = strings(keys),
            _ => {}
        }
    }
}

/// A JWT with `claims` (JSON object text) as its payload and no signature, for tests and for
/// the playground's token form.
#[must_use]
pub fn unsigned_jwt(claims: &str) -> String {
    let encode = |text: &str| {
        base64::encode(text.as_bytes())
            .trim_end_matches('=')
            .replace('+', "-")
            .replace('/', "_")
    };
    alloc::format!(
        "{}.{}.",
        encode(r#"{"alg":"none","typ":"JWT"}"#),
        encode(claims)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_are_read_from_the_payload() {
        let token = unsigned_jwt(
            r#"{"iss": "https://token.actions.githubusercontent.com", "aud": "sts.amazonaws.com",
                "sub": "repo:octo-org/octo-repo:ref:refs/heads/main", "exp": 1767229200,
                "https://aws.amazon.com/tags": {"principal_tags": {"team": ["courses"]},
                                                 "transitive_tag_keys": ["team"]}}"#,
        );
        let claims = read(&token).unwrap_or_default();
        assert_eq!(
            claims.issuer.as_deref(),
            Some("https://token.actions.githubusercontent.com")
        );
        assert_eq!(claims.audiences, ["sts.amazonaws.com"]);
        assert_eq!(claims.expires, Some(1_767_229_200));
        assert_eq!(claims.tags, [("team".into(), "courses".into())]);
        assert_eq!(claims.transitive_tag_keys, ["team"]);
        assert_eq!(read("not a token"), None);
        assert_eq!(read("a.b.c"), None);
    }
}
