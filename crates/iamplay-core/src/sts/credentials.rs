//! Simulated temporary credentials: shaped like the ones STS returns (an `ASIA...` access key
//! id of 20 characters, a 40-character secret, a long session token, an ISO 8601 expiration;
//! <https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html>), made from the
//! call's inputs so that the same scenario always gives the same credentials, and marked as
//! simulated in every part: the key id starts `ASIAIAMPLAY`, the secret `iamplaySimulated`, and
//! the token decodes to a sentence saying it is not valid with AWS.

use alloc::format;
use alloc::string::String;

use serde::Serialize;

use super::names::id_chars;
use crate::value::base64;
use crate::value::date::Instant;

/// Temporary security credentials, as STS returns them (simulated).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TemporaryCredentials {
    /// The access key id (`ASIAIAMPLAY...`).
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: String,
    /// The session token.
    pub session_token: String,
    /// When they expire, ISO 8601 in UTC.
    pub expiration: String,
}

/// The start of every simulated access key id.
pub const ACCESS_KEY_PREFIX: &str = "ASIAIAMPLAY";

/// Makes the credentials of the session `arn`, issued at `issued` until `expires`; `sequence`
/// tells apart sessions made by identical calls.
#[must_use]
pub(crate) fn simulated(
    arn: &str,
    issued: Instant,
    expires: Instant,
    sequence: u64,
) -> TemporaryCredentials {
    let issued_text = format!("{issued}");
    let expires_text = format!("{expires}");
    let sequence_text = format!("{sequence}");
    let parts = [
        arn,
        issued_text.as_str(),
        expires_text.as_str(),
        sequence_text.as_str(),
    ];
    let key_id = format!(
        "{ACCESS_KEY_PREFIX}{}",
        id_chars(&parts, 20 - ACCESS_KEY_PREFIX.len())
    );
    let secret = format!(
        "iamplaySimulated/{}",
        id_chars(&[&key_id, "secret"], 40 - "iamplaySimulated/".len()).to_ascii_lowercase()
    );
    let token_text = format!(
        "iamplay simulated session token, not valid with AWS. session={arn} issued={issued} \
         expires={expires} key={key_id}"
    );
    TemporaryCredentials {
        access_key_id: key_id,
        secret_access_key: secret,
        session_token: base64::encode(token_text.as_bytes()),
        expiration: expires_text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::date;

    #[test]
    fn credentials_look_like_aws_ones_and_say_they_are_simulated() {
        let issued = date::parse("2026-03-01T09:00:00Z").unwrap_or_default();
        let arn = "arn:aws:sts::111122223333:assumed-role/CourseAccessRole/my-session";
        let credentials = simulated(arn, issued, issued.plus_seconds(1800), 1);
        assert_eq!(credentials.access_key_id.len(), 20);
        assert!(credentials.access_key_id.starts_with("ASIAIAMPLAY"));
        assert!(
            credentials
                .access_key_id
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        );
        assert_eq!(credentials.secret_access_key.len(), 40);
        assert_eq!(credentials.expiration, "2026-03-01T09:30:00Z");
        let token = base64::decode(&credentials.session_token).unwrap_or_default();
        let token = String::from_utf8(token).unwrap_or_default();
        assert!(token.starts_with("iamplay simulated session token, not valid with AWS."));
        assert!(token.contains(arn));
        assert_eq!(
            credentials,
            simulated(arn, issued, issued.plus_seconds(1800), 1),
            "the same inputs give the same credentials"
        );
        assert_ne!(
            credentials.access_key_id,
            simulated(arn, issued, issued.plus_seconds(1800), 2).access_key_id
        );
    }
}
