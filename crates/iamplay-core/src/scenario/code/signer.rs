//! Whose credentials sign a step's code, as the AWS CLI and boto3 name them: a profile of
//! `~/.aws/credentials` or `~/.aws/config`, the credentials an earlier step returned, or none.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::scenario::{Call, Caller, Scenario, Step};
use crate::sts::World;

/// Whose credentials sign a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Signer {
    /// The default profile: no `--profile`, a plain `boto3.client(...)`.
    Default,
    /// A named profile holding a principal's long-term access keys.
    Profile(String),
    /// The temporary credentials an earlier step returned, by the step's id: `--profile ID` for
    /// the CLI (the role profile of an `AssumeRole` step, or the credentials saved under that
    /// name), the step's `creds_ID` for boto3.
    Session(String),
    /// No credentials: `--no-sign-request`, an `UNSIGNED` boto3 client.
    Anonymous,
    /// A call that is never signed (`AssumeRoleWithWebIdentity`).
    Unsigned,
}

/// Who signs `step` of `scenario`.
pub(super) fn signer(scenario: &Scenario, step: &Step) -> Signer {
    if matches!(step.call, Some(Call::AssumeRoleWithWebIdentity(_))) {
        return Signer::Unsigned;
    }
    match &step.caller {
        None | Some(Caller::Anonymous) => Signer::Anonymous,
        Some(Caller::Step(id)) => Signer::Session(id.clone()),
        Some(caller) => {
            let signers = long_term_signers(scenario);
            match long_term(&scenario.world, caller) {
                Some(principal) if signers.first() == Some(&principal) => Signer::Default,
                Some(principal) => Signer::Profile(profile_name(&principal, &signers)),
                None => Signer::Anonymous,
            }
        }
    }
}

/// A principal with long-term credentials: an IAM user, a root user, or an access key id the
/// world does not know.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct LongTerm {
    /// The account, when known.
    account: Option<String>,
    /// The user's name (the key id for an unknown key).
    name: String,
    /// Whether it is the account's root user.
    root: bool,
}

/// Every long-term principal that signs a step of `scenario`, each once, in the order they
/// first sign.
fn long_term_signers(scenario: &Scenario) -> Vec<LongTerm> {
    let mut signers: Vec<LongTerm> = Vec::new();
    for step in &scenario.steps {
        if matches!(step.call, Some(Call::AssumeRoleWithWebIdentity(_))) {
            continue;
        }
        let Some(caller) = &step.caller else {
            continue;
        };
        if let Some(principal) = long_term(&scenario.world, caller)
            && !signers.contains(&principal)
        {
            signers.push(principal);
        }
    }
    signers
}

/// The long-term principal behind `caller`, if it is one.
fn long_term(world: &World, caller: &Caller) -> Option<LongTerm> {
    match caller {
        Caller::Principal(arn) => Some(from_arn(arn)),
        Caller::AccessKeyId(id) => Some(owner_of_key(world, id).unwrap_or_else(|| LongTerm {
            account: None,
            name: id.clone(),
            root: false,
        })),
        Caller::Step(_) | Caller::Anonymous => None,
    }
}

/// The principal of a user's or root user's ARN (`arn:aws:iam::111122223333:user/path/Name`).
fn from_arn(arn: &str) -> LongTerm {
    let fields: Vec<&str> = arn.splitn(6, ':').collect();
    let account = fields
        .get(4)
        .filter(|a| !a.is_empty())
        .map(|a| String::from(*a));
    let resource = fields.get(5).copied().unwrap_or(arn);
    let root = resource == "root";
    let name = resource.rsplit('/').next().unwrap_or(resource);
    LongTerm {
        account,
        name: name.into(),
        root,
    }
}

/// The user or root user whose access key is `id`.
fn owner_of_key(world: &World, id: &str) -> Option<LongTerm> {
    let has = |keys: &[crate::sts::world::AccessKey]| keys.iter().any(|k| k.access_key_id == id);
    world.accounts.iter().find_map(|account| {
        let owner = |name: &str, root: bool| LongTerm {
            account: Some(account.id.clone()),
            name: name.into(),
            root,
        };
        if has(&account.root.access_keys) {
            return Some(owner("root", true));
        }
        account
            .users
            .iter()
            .find(|user| has(&user.access_keys))
            .map(|user| owner(&user.name, false))
    })
}

/// The profile name of `principal` among `signers`: the user's name; `root-ACCOUNT` for a
/// root user; `NAME-ACCOUNT` when users of two accounts share the name.
fn profile_name(principal: &LongTerm, signers: &[LongTerm]) -> String {
    let account = principal.account.as_deref();
    if principal.root {
        return account.map_or_else(|| "root".into(), |a| format!("root-{a}"));
    }
    let shared = signers
        .iter()
        .any(|other| other != principal && other.name == principal.name);
    match account {
        Some(account) if shared => format!("{}-{account}", principal.name),
        _ => principal.name.clone(),
    }
}
