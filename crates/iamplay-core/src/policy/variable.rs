//! Policy variables in text: `${aws:username}`, `${aws:PrincipalTag/team, 'none'}` and the
//! escapes `${*}`, `${?}`, `${$}` for literal `*`, `?`, `$`
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>).
//!
//! Text that only looks like the start of a variable (`${` with no closing `}`) stays text.

use alloc::vec::Vec;

/// A piece of text with variables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Plain text.
    Text(&'a str),
    /// `${*}`, `${?}` or `${$}`: the character itself, never a wildcard.
    Literal(char),
    /// `${key}` or `${key, 'default'}`.
    Variable {
        /// The whole variable as written, `${...}` included.
        source: &'a str,
        /// The context key, trimmed.
        key: &'a str,
        /// The default value, without its quotes.
        default: Option<&'a str>,
    },
}

/// Splits `text` into plain text, literal characters and variables.
#[must_use]
pub fn parse(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(after) = rest.get(start + 2..) else {
            break;
        };
        let Some(len) = after.find('}') else { break };
        let (Some(before), Some(inner), Some(source), Some(next)) = (
            rest.get(..start),
            after.get(..len),
            rest.get(start..start + 3 + len),
            after.get(len + 1..),
        ) else {
            break;
        };
        if !before.is_empty() {
            pieces.push(Piece::Text(before));
        }
        pieces.push(match inner {
            "*" => Piece::Literal('*'),
            "?" => Piece::Literal('?'),
            "$" => Piece::Literal('$'),
            _ => variable(source, inner),
        });
        rest = next;
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

fn variable<'a>(source: &'a str, inner: &'a str) -> Piece<'a> {
    match inner.split_once(',') {
        Some((key, default)) => {
            let default = default.trim();
            let unquoted = default
                .strip_prefix('\'')
                .and_then(|d| d.strip_suffix('\''))
                .unwrap_or(default);
            Piece::Variable {
                source,
                key: key.trim(),
                default: Some(unquoted),
            }
        }
        None => Piece::Variable {
            source,
            key: inner.trim(),
            default: None,
        },
    }
}

/// The variables in `text`, as written (`${...}`), escapes excluded.
pub fn variables(text: &str) -> impl Iterator<Item = &str> {
    parse(text).into_iter().filter_map(|piece| match piece {
        Piece::Variable { source, .. } => Some(source),
        Piece::Text(_) | Piece::Literal(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use alloc::vec;

    use super::*;

    #[test]
    fn variables_defaults_and_escapes_are_split_out() {
        assert_eq!(
            parse("arn:aws:s3:::bucket/${aws:PrincipalTag/userid}/*"),
            vec![
                Piece::Text("arn:aws:s3:::bucket/"),
                Piece::Variable {
                    source: "${aws:PrincipalTag/userid}",
                    key: "aws:PrincipalTag/userid",
                    default: None
                },
                Piece::Text("/*"),
            ]
        );
        assert_eq!(
            parse("${aws:PrincipalTag/team, 'company-wide'}${*}x${$}"),
            vec![
                Piece::Variable {
                    source: "${aws:PrincipalTag/team, 'company-wide'}",
                    key: "aws:PrincipalTag/team",
                    default: Some("company-wide")
                },
                Piece::Literal('*'),
                Piece::Text("x"),
                Piece::Literal('$'),
            ]
        );
    }

    #[test]
    fn unterminated_variables_stay_text() {
        assert_eq!(
            parse("a${aws:username"),
            vec![Piece::Text("a${aws:username")]
        );
        assert_eq!(parse(""), vec![]);
        assert_eq!(
            variables("${a}-${b}-${*}").collect::<Vec<_>>(),
            ["${a}", "${b}"]
        );
    }
}
