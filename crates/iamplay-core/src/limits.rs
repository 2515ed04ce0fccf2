//! What iamplay reads at most: every limit in one place, each well above what AWS itself
//! accepts, so that no real policy or lesson comes near one, and low enough that a hostile
//! paste or link costs a page milliseconds, not minutes. Crossing one is an error with the
//! limit in it, never a hang, a crash or a silent cut.
//!
//! Matching IAM's wildcards needs no limit: it takes at most text × pattern steps, whatever the
//! pattern (see [`pattern`](crate::pattern)).

/// The deepest JSON nesting read, arrays and objects together. AWS's policy grammar nests
/// four deep (document → `Statement` → `Condition` → operator → key); a scenario, with its
/// world, about eight. Deeper text is refused before it can exhaust a stack.
pub const MAX_JSON_DEPTH: u32 = 64;

/// The longest policy text read, in bytes. AWS's largest policy quota is 10,240 characters
/// (a role's inline policies together,
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>); a policy up
/// to this size is read, evaluated and reported as over AWS's quota; a longer one is refused.
pub const MAX_POLICY_BYTES: usize = 64 * 1024;

/// The most statements read in one policy. AWS counts no statements, only characters: the
/// shortest statement takes about 30 of them, so no policy AWS accepts has more than about 350.
pub const MAX_STATEMENTS: usize = 1000;

/// The most policies one principal (user, group or role) may have: its inline policies, its
/// attached managed policies and, for a user, those of its groups. AWS allows at most 20
/// attached managed policies per user or role and 10 groups of 10 each
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>).
pub const MAX_POLICIES_PER_PRINCIPAL: usize = 200;

/// The largest scenario text read, in bytes (the built-in lessons are a few kilobytes).
pub const MAX_SCENARIO_BYTES: usize = 1 << 20;

/// The most steps a scenario runs (the built-in lessons have at most a dozen).
pub const MAX_STEPS: usize = 200;

/// The longest share link read, in characters.
pub const MAX_LINK_CHARS: usize = 200_000;

/// The most text a share link may expand to, in bytes: a scenario's limit, so that a small
/// link cannot unpack into more than any scenario may be.
pub const MAX_LINK_TEXT_BYTES: usize = MAX_SCENARIO_BYTES;

#[cfg(test)]
mod tests;
