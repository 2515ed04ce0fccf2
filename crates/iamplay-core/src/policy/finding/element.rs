//! The elements of a policy and the JSON shapes they take, by name, for findings to refer to.

/// The elements of a policy, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Element {
    /// The policy document itself.
    Policy,
    /// `Version`.
    Version,
    /// `Id`.
    Id,
    /// `Statement`.
    Statement,
    /// `Sid`.
    Sid,
    /// `Effect`.
    Effect,
    /// `Principal`.
    Principal,
    /// `NotPrincipal`.
    NotPrincipal,
    /// `Action`.
    Action,
    /// `NotAction`.
    NotAction,
    /// `Resource`.
    Resource,
    /// `NotResource`.
    NotResource,
    /// `Condition`.
    Condition,
    /// A condition operator's block of keys.
    ConditionOperator,
    /// A condition key's values.
    ConditionValues,
    /// A principal map entry's ids (`"AWS": [...]`).
    PrincipalIds,
}

impl Element {
    /// The element a policy or statement key names (`"NotAction"`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Version,
            Self::Id,
            Self::Statement,
            Self::Sid,
            Self::Effect,
            Self::Principal,
            Self::NotPrincipal,
            Self::Action,
            Self::NotAction,
            Self::Resource,
            Self::NotResource,
            Self::Condition,
        ]
        .into_iter()
        .find(|element| element.name() == name)
    }

    /// The name as written in a policy (`Statement`), or a short description for the parts
    /// that have no name of their own.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Policy => "policy",
            Self::Version => "Version",
            Self::Id => "Id",
            Self::Statement => "Statement",
            Self::Sid => "Sid",
            Self::Effect => "Effect",
            Self::Principal => "Principal",
            Self::NotPrincipal => "NotPrincipal",
            Self::Action => "Action",
            Self::NotAction => "NotAction",
            Self::Resource => "Resource",
            Self::NotResource => "NotResource",
            Self::Condition => "Condition",
            Self::ConditionOperator => "condition operator",
            Self::ConditionValues => "condition values",
            Self::PrincipalIds => "principal ids",
        }
    }
}

/// The JSON shapes an element may take, for [`FindingKind::WrongType`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Shape {
    /// A string.
    String,
    /// An object.
    Object,
    /// An object or an array of objects.
    ObjectOrArrayOfObjects,
    /// A string or an array of strings.
    StringOrArrayOfStrings,
    /// `"*"` or an object.
    StarOrObject,
    /// A string, number or boolean, or an array of them.
    ScalarOrArrayOfScalars,
}
