//! The credential relay of a scenario as a sequence of hops between participants: who signs
//! each step (a principal's long-term keys, an earlier step's session, nobody), STS, the
//! sessions it hands out and the resources requested, with each hop's outcome. The playground
//! draws it; the course draws the same relay as numbered arrows.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::model::{Call, Caller, Scenario, Step};
use super::run::ScenarioRun;

/// A participant of the relay.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Participant {
    /// A principal signing with long-term credentials (a user or an account's root user).
    #[serde(rename_all = "camelCase")]
    Principal {
        /// Its ARN, or the access key id when the world does not know the key.
        arn: String,
    },
    /// AWS STS.
    Sts,
    /// The session an STS call made (or was asked to make).
    #[serde(rename_all = "camelCase")]
    Session {
        /// The step that made it.
        step: usize,
        /// The operation.
        operation: &'static str,
        /// The role asked for (`AssumeRole`, `AssumeRoleWithWebIdentity`).
        role_arn: Option<String>,
        /// The session's name (`RoleSessionName`, or the federated user's `Name`).
        session_name: Option<String>,
    },
    /// A resource; S3 objects are drawn at their bucket.
    #[serde(rename_all = "camelCase")]
    Resource {
        /// The ARN (a bucket's for its objects).
        arn: String,
    },
    /// A caller without credentials.
    Anonymous,
}

/// What a hop is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum HopKind {
    /// An STS call, by name.
    Call {
        /// The operation (`AssumeRole`).
        operation: &'static str,
    },
    /// STS handing back temporary credentials.
    Credentials,
    /// A request to a service.
    Request {
        /// The action (`s3:GetObject`).
        action: String,
        /// The resource's ARN as requested.
        resource: String,
    },
}

/// One arrow of the relay.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hop {
    /// The step it belongs to.
    pub step: usize,
    /// From whom ([`Flow::participants`] index).
    pub from: usize,
    /// To whom.
    pub to: usize,
    /// What it is.
    pub kind: HopKind,
    /// The step's outcome in the words of `expect`; none for a step that could not run.
    pub outcome: Option<String>,
}

/// The relay: participants in order of appearance, hops in step order, waits between them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Flow {
    /// Everyone taking part.
    pub participants: Vec<Participant>,
    /// The arrows.
    pub hops: Vec<Hop>,
    /// The clock moving on: the step and by how many seconds.
    pub waits: Vec<(usize, i64)>,
}

impl Flow {
    fn participant(&mut self, participant: Participant) -> usize {
        if let Some(at) = self.participants.iter().position(|p| *p == participant) {
            return at;
        }
        self.participants.push(participant);
        self.participants.len() - 1
    }
}

/// The relay of `scenario`, with the outcomes of `ran` (its run).
#[must_use]
pub fn flow(scenario: &Scenario, ran: &ScenarioRun) -> Flow {
    let owners = scenario.world.inventory().key_owners;
    let mut out = Flow::default();
    for (index, step) in scenario.steps.iter().enumerate() {
        if let Some(seconds) = step.wait {
            out.waits.push((index, seconds));
            continue;
        }
        let outcome = ran.steps.get(index).and_then(|s| s.actual.clone());
        let from = match &step.caller {
            None | Some(Caller::Anonymous) => Participant::Anonymous,
            Some(Caller::Principal(arn)) => Participant::Principal { arn: arn.clone() },
            Some(Caller::AccessKeyId(key)) => Participant::Principal {
                arn: owners
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or_else(|| key.clone(), |(_, arn)| arn.clone()),
            },
            Some(Caller::Step(id)) => match session_of(scenario, index, id) {
                Some(participant) => participant,
                None => continue,
            },
        };
        let from = out.participant(from);
        if let Some(call) = &step.call {
            let sts = out.participant(Participant::Sts);
            out.hops.push(Hop {
                step: index,
                from,
                to: sts,
                kind: HopKind::Call {
                    operation: call.name(),
                },
                outcome: outcome.clone(),
            });
            if call.returns_credentials() && outcome.as_deref() == Some("Allow") {
                let session = out.participant(session(index, call));
                out.hops.push(Hop {
                    step: index,
                    from: sts,
                    to: session,
                    kind: HopKind::Credentials,
                    outcome,
                });
            }
        } else if let Some(request) = &step.request {
            let to = out.participant(Participant::Resource {
                arn: container(&request.resource),
            });
            out.hops.push(Hop {
                step: index,
                from,
                to,
                kind: HopKind::Request {
                    action: request.action.clone(),
                    resource: request.resource.clone(),
                },
                outcome,
            });
        }
    }
    out
}

/// The session step `id` made, for a step `index` that signs with it.
fn session_of(scenario: &Scenario, index: usize, id: &str) -> Option<Participant> {
    let (at, step): (usize, &Step) = scenario
        .steps
        .iter()
        .enumerate()
        .take(index)
        .rfind(|(_, s)| s.id.as_deref() == Some(id) && s.call.is_some())?;
    step.call.as_ref().map(|call| session(at, call))
}

fn session(step: usize, call: &Call) -> Participant {
    let (role_arn, session_name) = match call {
        Call::AssumeRole(p) => (p.role_arn.clone(), p.role_session_name.clone()),
        Call::AssumeRoleWithWebIdentity(p) => (p.role_arn.clone(), p.role_session_name.clone()),
        Call::GetFederationToken(p) => (None, p.name.clone()),
        Call::GetSessionToken(_) | Call::GetCallerIdentity(_) => (None, None),
    };
    Participant::Session {
        step,
        operation: call.name(),
        role_arn,
        session_name,
    }
}

/// Where a request goes: an S3 object's bucket, else the resource itself.
fn container(resource: &str) -> String {
    match resource.strip_prefix("arn:") {
        Some(rest) if rest.split(':').nth(1) == Some("s3") => match resource.split_once('/') {
            Some((bucket, _)) => bucket.into(),
            None => resource.into(),
        },
        _ => resource.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin::{ALL, find};
    use crate::scenario::{read, run};

    /// The seed's relay: the app server's user, STS, the role's session, the bucket; the
    /// user's own request to the bucket fails, the session's succeeds.
    #[test]
    fn the_course_platform_relay_has_its_participants_and_hops() {
        let scenario = read(find("course-platform").unwrap().text)
            .scenario
            .unwrap();
        let f = flow(&scenario, &run(&scenario));
        let user = Participant::Principal {
            arn: "arn:aws:iam::222233334444:user/AppServerUser".into(),
        };
        let bucket = Participant::Resource {
            arn: "arn:aws:s3:::wisdom-learn-course-bucket".into(),
        };
        assert_eq!(f.participants[0], user);
        assert_eq!(f.participants[1], bucket);
        assert_eq!(f.participants[2], Participant::Sts);
        assert!(
            matches!(&f.participants[3], Participant::Session { role_arn: Some(r), .. } if r.ends_with("role/CourseAccessRole"))
        );
        let first = &f.hops[0];
        assert_eq!((first.from, first.to), (0, 1));
        assert_eq!(first.outcome.as_deref(), Some("ImplicitDeny"));
        let call = &f.hops[1];
        assert_eq!(
            call.kind,
            HopKind::Call {
                operation: "AssumeRole"
            }
        );
        assert_eq!(f.hops[2].kind, HopKind::Credentials);
        assert_eq!((f.hops[2].from, f.hops[2].to), (2, 3));
        let video = &f.hops[3];
        assert_eq!((video.from, video.to), (3, 1));
        assert_eq!(video.outcome.as_deref(), Some("Allow"));
        assert!(!f.waits.is_empty());
    }

    #[test]
    fn every_lesson_step_is_a_hop_or_a_wait_and_hops_point_at_participants() {
        for builtin in ALL {
            let scenario = read(builtin.text).scenario.unwrap();
            let ran = run(&scenario);
            let f = flow(&scenario, &ran);
            for (index, step) in scenario.steps.iter().enumerate() {
                let drawn = f.hops.iter().any(|h| h.step == index)
                    || f.waits.iter().any(|(w, _)| *w == index);
                let skipped = ran.steps[index].actual.is_none() && step.wait.is_none();
                assert!(drawn || skipped, "{} step {index}", builtin.id);
            }
            for hop in &f.hops {
                assert!(hop.from < f.participants.len() && hop.to < f.participants.len());
            }
        }
    }
}
