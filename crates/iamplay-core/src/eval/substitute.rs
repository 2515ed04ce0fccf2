//! Substituting policy variables from the request
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>): a
//! variable takes the value of a single-valued key in the request, else its default; with
//! neither, the text has no value and matches nothing. Substituted values are plain text, never
//! wildcards.

use alloc::string::String;
use alloc::vec::Vec;

use super::compile::{OwnedPiece, Variable};
use super::context;
use super::detail::VariableDetail;
use super::request::Request;
use crate::pattern::Glob;

/// The most variables one pattern can hold (one more than any real policy needs).
pub(crate) const MAX_SLOTS: usize = 8;

/// The values of a pattern's variables, borrowed from the request: `None` when one has no
/// value and no default.
pub(crate) fn slot_values<'a>(
    request: &'a Request,
    variables: &'a [Variable],
) -> Option<([&'a str; MAX_SLOTS], usize)> {
    let mut values = [""; MAX_SLOTS];
    if variables.len() > MAX_SLOTS {
        return None;
    }
    for (slot, variable) in values.iter_mut().zip(variables) {
        *slot = context::lookup(request, &variable.key)
            .single()
            .or(variable.default.as_deref())?;
    }
    Some((values, variables.len()))
}

/// Text after substitution.
pub(crate) struct Substituted {
    /// The text, for showing.
    pub(crate) text: String,
    /// The same as a pattern: the policy's own `*` and `?` are wildcards, substituted values and
    /// `${*}`-style escapes are literal.
    pub(crate) glob: Glob,
}

/// Substitutes `pieces`; `None` when a variable has no value. Each variable is recorded in
/// `variables` when given.
pub(crate) fn substitute(
    request: &Request,
    pieces: &[OwnedPiece],
    mut variables: Option<&mut Vec<VariableDetail>>,
) -> Option<Substituted> {
    let mut text = String::new();
    let mut glob = Glob::new();
    let mut resolved = true;
    for piece in pieces {
        match piece {
            OwnedPiece::Text(part) => {
                text.push_str(part);
                glob.push_pattern(part);
            }
            OwnedPiece::Literal(ch) => {
                text.push(*ch);
                glob.push_literal_char(*ch);
            }
            OwnedPiece::Variable {
                source,
                key,
                default,
            } => {
                let value = match context::lookup(request, key).single() {
                    Some(value) => Some((String::from(value), false)),
                    None => default.clone().map(|d| (d, true)),
                };
                if let Some(trace) = variables.as_deref_mut() {
                    trace.push(VariableDetail {
                        variable: source.clone(),
                        value: value.as_ref().map(|(v, _)| v.clone()),
                        from_default: value.as_ref().is_some_and(|(_, d)| *d),
                    });
                }
                match value {
                    Some((value, _)) => {
                        text.push_str(&value);
                        glob.push_literal(&value);
                    }
                    None => resolved = false,
                }
            }
        }
    }
    resolved.then_some(Substituted { text, glob })
}
