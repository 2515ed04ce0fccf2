//! Policies prepared for evaluation: read and checked once, then evaluated against many
//! requests. Action patterns are lower-cased, condition values parsed by their operator's
//! family, and text with policy variables kept in pieces to substitute per request.

use alloc::string::String;
use alloc::vec::Vec;

use crate::pattern::Glob;
use crate::policy::model::{
    ConditionValue, Effect, Policy, Principal, PrincipalKind, Statement, Version,
};
use crate::policy::operator::{BaseOperator, Operator, OperatorFamily};
use crate::policy::variable::{self, Piece};
use crate::value::{date, ip, number};

/// A policy ready for evaluation.
#[derive(Clone, Debug)]
pub struct CompiledPolicy {
    /// The name the explanation uses for it (a policy name or ARN).
    pub name: String,
    /// Where its document is in the world (a JSON pointer such as
    /// `/accounts/0/roles/1/inlinePolicies/0/document`), when it comes from the world.
    pub source: Option<String>,
    pub(crate) statements: Vec<CompiledStatement>,
}

impl CompiledPolicy {
    /// The policy, noting where its document is in the world.
    #[must_use]
    pub fn from_source(mut self, pointer: impl Into<String>) -> Self {
        self.source = Some(pointer.into());
        self
    }
}

#[derive(Clone, Debug)]
pub(crate) struct CompiledStatement {
    pub(crate) index: usize,
    pub(crate) pointer: String,
    pub(crate) sid: Option<String>,
    pub(crate) effect: Effect,
    pub(crate) principal: Option<CompiledPrincipal>,
    pub(crate) actions: Matchers<Glob>,
    pub(crate) resources: Option<Matchers<Text>>,
    pub(crate) conditions: Vec<CompiledCondition>,
}

/// A list of patterns, or (negated) everything but them.
#[derive(Clone, Debug)]
pub(crate) struct Matchers<T> {
    pub(crate) negated: bool,
    /// Each pattern with the text it was written as.
    pub(crate) patterns: Vec<(String, T)>,
}

/// Text that may hold policy variables: fixed, or a pattern with a slot per variable.
#[derive(Clone, Debug)]
pub(crate) enum Text {
    /// No variables (or a 2008-10-17 policy, where they are plain text).
    Fixed(Glob),
    /// With variables: `glob` has slot `n` for `variables[n]`; `pieces` is the text as
    /// written, for showing it substituted.
    Variable {
        glob: Glob,
        variables: Vec<Variable>,
        pieces: Vec<OwnedPiece>,
    },
}

/// A policy variable: its key and default.
#[derive(Clone, Debug)]
pub(crate) struct Variable {
    pub(crate) key: String,
    pub(crate) default: Option<String>,
}

/// A [`Piece`] that owns its text.
#[derive(Clone, Debug)]
pub(crate) enum OwnedPiece {
    Text(String),
    Literal(char),
    Variable {
        source: String,
        key: String,
        default: Option<String>,
    },
}

#[derive(Clone, Debug)]
pub(crate) struct CompiledPrincipal {
    pub(crate) negated: bool,
    pub(crate) everyone: bool,
    /// `(type, id)` pairs.
    pub(crate) ids: Vec<(PrincipalKind, String)>,
}

#[derive(Clone, Debug)]
pub(crate) struct CompiledCondition {
    pub(crate) operator: Operator,
    pub(crate) key: String,
    pub(crate) values: Vec<CompiledValue>,
}

/// A condition value: as written, and parsed for its operator (unless it has variables).
#[derive(Clone, Debug)]
pub(crate) struct CompiledValue {
    pub(crate) written: String,
    pub(crate) value: ValueForm,
}

#[derive(Clone, Debug)]
pub(crate) enum ValueForm {
    /// Parsed once.
    Fixed(Parsed),
    /// Substituted per request, then parsed.
    Variable(Vec<OwnedPiece>),
}

/// A condition value parsed for its operator family; `Unreadable` never matches.
#[derive(Clone, Debug)]
pub(crate) enum Parsed {
    Text(String),
    Pattern(Glob),
    Number(number::Decimal),
    Date(date::Instant),
    Cidr(ip::Cidr),
    Bool(bool),
    Bytes(Vec<u8>),
    Arn(Vec<Glob>),
    Unreadable,
}

/// Compiles a checked policy; `name` is what explanations call it.
#[must_use]
pub fn compile(name: impl Into<String>, policy: &Policy) -> CompiledPolicy {
    let variables = policy.effective_version() == Version::V2012_10_17;
    CompiledPolicy {
        name: name.into(),
        source: None,
        statements: policy
            .statements
            .items
            .iter()
            .enumerate()
            .map(|(index, statement)| compile_statement(index, &statement.value, variables))
            .collect(),
    }
}

fn compile_statement(index: usize, statement: &Statement, variables: bool) -> CompiledStatement {
    let actions = Matchers {
        negated: statement.action.negated,
        patterns: statement
            .action
            .actions
            .items
            .iter()
            .map(|a| (a.value.clone(), Glob::parse(&a.value.to_ascii_lowercase())))
            .collect(),
    };
    let resources = statement.resource.as_ref().map(|block| Matchers {
        negated: block.negated,
        patterns: block
            .resources
            .items
            .iter()
            .map(|r| (r.value.clone(), text(&r.value, variables)))
            .collect(),
    });
    let principal = statement.principal.as_ref().map(|block| {
        let (everyone, ids) = match &block.value {
            Principal::Everyone => (true, Vec::new()),
            Principal::Map(entries) => (
                false,
                entries
                    .iter()
                    .flat_map(|e| {
                        e.ids
                            .items
                            .iter()
                            .map(move |id| (e.kind.value, id.value.clone()))
                    })
                    .collect(),
            ),
        };
        CompiledPrincipal {
            negated: block.negated,
            everyone,
            ids,
        }
    });
    let conditions = statement
        .condition
        .iter()
        .flat_map(|c| &c.operators)
        .flat_map(|block| {
            block.keys.iter().map(move |key| CompiledCondition {
                operator: block.operator.value,
                key: key.key.value.clone(),
                values: key
                    .values
                    .items
                    .iter()
                    .map(|v| compile_value(&v.value, block.operator.value, variables))
                    .collect(),
            })
        })
        .collect();
    CompiledStatement {
        index,
        pointer: statement.loc.pointer.clone(),
        sid: statement.sid.as_ref().map(|s| s.value.clone()),
        effect: statement.effect.value,
        principal,
        actions,
        resources,
        conditions,
    }
}

/// Pieces of `written`, if it holds variables (and they are substituted).
fn pieces(written: &str, variables: bool) -> Option<Vec<OwnedPiece>> {
    if !variables || !written.contains("${") {
        return None;
    }
    let parsed = variable::parse(written);
    parsed
        .iter()
        .any(|p| !matches!(p, Piece::Text(_)))
        .then(|| parsed.into_iter().map(own).collect())
}

fn own(piece: Piece<'_>) -> OwnedPiece {
    match piece {
        Piece::Text(text) => OwnedPiece::Text(text.into()),
        Piece::Literal(ch) => OwnedPiece::Literal(ch),
        Piece::Variable {
            source,
            key,
            default,
        } => OwnedPiece::Variable {
            source: source.into(),
            key: key.into(),
            default: default.map(String::from),
        },
    }
}

fn text(written: &str, substitute: bool) -> Text {
    let Some(pieces) = pieces(written, substitute) else {
        return Text::Fixed(Glob::parse(written));
    };
    let mut glob = Glob::new();
    let mut variables = Vec::new();
    for piece in &pieces {
        match piece {
            OwnedPiece::Text(text) => glob.push_pattern(text),
            OwnedPiece::Literal(ch) => glob.push_literal_char(*ch),
            OwnedPiece::Variable { key, default, .. } => {
                // More variables than slots cannot be filled: the pattern then matches nothing.
                glob.push_slot(u8::try_from(variables.len()).unwrap_or(u8::MAX));
                variables.push(Variable {
                    key: key.clone(),
                    default: default.clone(),
                });
            }
        }
    }
    Text::Variable {
        glob,
        variables,
        pieces,
    }
}

fn compile_value(value: &ConditionValue, operator: Operator, variables: bool) -> CompiledValue {
    let written = value.as_text();
    CompiledValue {
        written: written.into(),
        value: match pieces(written, variables) {
            Some(pieces) => ValueForm::Variable(pieces),
            None => ValueForm::Fixed(parse_value(written, operator.base, false)),
        },
    }
}

/// Parses a policy value for `base`'s family. For `StringLike` and the ARN operators,
/// `literal` says whether `*` and `?` are plain characters (text that came from a variable).
pub(crate) fn parse_value(text: &str, base: BaseOperator, literal: bool) -> Parsed {
    let glob = |text: &str| {
        if literal {
            let mut glob = Glob::new();
            glob.push_literal(text);
            glob
        } else {
            Glob::parse(text)
        }
    };
    match base.family() {
        OperatorFamily::String => match base {
            BaseOperator::StringLike | BaseOperator::StringNotLike => Parsed::Pattern(glob(text)),
            _ => Parsed::Text(text.into()),
        },
        OperatorFamily::Numeric => number::parse(text).map_or(Parsed::Unreadable, Parsed::Number),
        OperatorFamily::Date => date::parse(text).map_or(Parsed::Unreadable, Parsed::Date),
        OperatorFamily::IpAddress => ip::parse_cidr(text).map_or(Parsed::Unreadable, Parsed::Cidr),
        OperatorFamily::Bool | OperatorFamily::Null => {
            if text.eq_ignore_ascii_case("true") {
                Parsed::Bool(true)
            } else if text.eq_ignore_ascii_case("false") {
                Parsed::Bool(false)
            } else {
                Parsed::Unreadable
            }
        }
        OperatorFamily::Binary => {
            crate::value::base64::decode(text).map_or(Parsed::Unreadable, Parsed::Bytes)
        }
        OperatorFamily::Arn => Parsed::Arn(arn_segments(text).iter().map(|s| glob(s)).collect()),
    }
}

/// An ARN's six segments (the last keeps its colons); fewer when the text has fewer.
pub(crate) fn arn_segments(text: &str) -> Vec<&str> {
    text.splitn(6, ':').collect()
}
