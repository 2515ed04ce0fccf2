//! The IAM policy language: reading policy documents from text with every element located,
//! validating them per kind of policy as AWS does, and formatting them.

mod aws;
pub mod check;
pub mod finding;
pub mod format;
pub mod kind;
pub mod model;
pub mod operator;
pub mod read;
mod suggest;
mod validate;
pub mod variable;

pub use check::{Checked, Context, PolicySize, check};
pub use finding::{AwsError, Element, Finding, FindingKind, Severity, Shape};
pub use kind::{PolicyKind, PrincipalRule, SizeRule, Validator};
pub use model::{
    ActionBlock, ConditionBlock, ConditionKeyValues, ConditionOperatorBlock, ConditionValue,
    Effect, Loc, Located, OneOrMany, Policy, Principal, PrincipalBlock, PrincipalEntry,
    PrincipalKind, ResourceBlock, Statement, Version,
};
pub use operator::{BaseOperator, Operator, OperatorFamily, SetOperator, UnknownOperator};
pub use read::{Read, read};
pub(crate) use validate::admits_people_without_mfa;
