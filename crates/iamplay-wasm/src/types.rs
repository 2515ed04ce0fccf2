//! The TypeScript types of the package's inputs and results, added to the declarations
//! wasm-bindgen writes (the functions' signatures name them).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A copy of `result` (any value iamplay returned) with every message in `lang`. */
export function explain<T>(result: T, lang: Lang): T;

/** A language iamplay speaks. */
export type Lang = 'en' | 'zh-CN' | 'zh-TW';

/** Options every call takes. */
export interface Options {
  /** The language of `message`, `help` and explanations (all three are always in `messages`...). */
  lang?: Lang;
  /** Explain decisions in full: the explanation text and every layer's details. */
  explain?: boolean;
}

/** Options of an STS call: also the request's context keys (`aws:SourceIp`, ...). */
export interface CallOptions extends Options {
  context?: Record<string, string | string[]>;
}

/** A text in each language. */
export interface Texts { en: string; 'zh-CN': string; 'zh-TW': string }

/** A result: the value, or what went wrong. */
export type Result<T> = { ok: true; value: T; warnings?: Item[] } | { ok: false; errors: Item[] };

/** An error, a warning or a note. */
export interface Item {
  /** What it is: `unknownField`, `AccessDenied`, `InvalidOperator`, ... */
  code: string;
  severity: 'error' | 'warning' | 'note';
  /** The message in the chosen language. */
  message: string;
  messages: Texts;
  /** What to do about it, where iamplay knows. */
  help?: string;
  helps?: Texts;
  /** Where in the input (a JSON pointer, e.g. `/policies/identity/0/document`). */
  path?: string;
  /** Where in the text it is about. */
  location?: { pointer: string; line: number; column: number; endLine: number; endColumn: number };
  /** AWS's own error, in AWS's words. */
  aws?: { code: string; message: string; status?: number };
  /** The values behind it. */
  data?: unknown;
}

/** The kinds of policy iamplay checks. */
export type PolicyKind =
  | 'UserInlinePolicy' | 'GroupInlinePolicy' | 'RoleInlinePolicy' | 'ManagedPolicy'
  | 'PermissionsBoundary' | 'SessionPolicy' | 'RoleTrustPolicy' | 'BucketPolicy'
  | 'ResourcePolicy' | 'ServiceControlPolicy' | 'ResourceControlPolicy';

/** A policy document: its JSON text, or the object. */
export type PolicyDocument = string | Record<string, unknown>;

export type ValidatePolicyResult =
  | { ok: true; value: { kind: PolicyKind; size: { size: number; limit: number; counted: 'charactersWithoutWhiteSpace' | 'allCharacters' | 'bytes' } | null; warnings: Item[] } }
  | { ok: false; errors: Item[]; warnings: Item[]; aws: { code: string; message: string } | null };

/** One policy of an evaluation. */
export interface PolicyInput {
  name?: string;
  kind?: PolicyKind;
  document?: PolicyDocument;
  /** An AWS managed policy iamplay knows by name: `FullAWSAccess`, `RCPFullAWSAccess`. */
  awsManaged?: string;
}

/** The policies of an evaluation, by layer. */
export interface PolicyInputs {
  identity?: PolicyInput[];
  boundary?: PolicyInput;
  /** Absent: no session policy applies; `[]`: a session that may do nothing. */
  session?: PolicyInput[] | null;
  resource?: PolicyInput;
  /** The resource-based policy is a role's trust policy. */
  trust?: boolean;
  /** The resource-based policy must allow even within its account (KMS). */
  mustAllow?: boolean;
  scps?: { name?: string; policies: PolicyInput[] }[];
  rcps?: { name?: string; policies: PolicyInput[] }[];
}

export type PrincipalType = 'Account' | 'User' | 'FederatedUser' | 'AssumedRole' | 'Service' | 'Anonymous' | 'WebIdentityUser';

export interface Caller {
  principalType: PrincipalType;
  arn: string;
  account: string;
  userId: string;
  roleArn?: string | null;
  sourceUserArn?: string | null;
  federatedProvider?: string | null;
  tags?: { key: string; value: string }[];
}

/** The request of an evaluation. */
export interface RequestInput {
  /** An ARN (`arn:aws:iam::111122223333:user/Bob`, an assumed-role session ARN, `anonymous`), or the full caller. */
  principal: string | Caller;
  tags?: Record<string, string>;
  action: string;
  resource?: string;
  resourceAccount?: string;
  context?: Record<string, string | string[]>;
}

export interface EvaluationInput { policies: PolicyInputs; request: RequestInput }

export type Layer = 'ResourceControlPolicy' | 'ServiceControlPolicy' | 'ResourceBasedPolicy' | 'IdentityBasedPolicy' | 'PermissionsBoundary' | 'SessionPolicy';

export interface StatementRef {
  layer: Layer; level: number | null; policy: string; index: number; sid: string | null; effect: 'Allow' | 'Deny';
}

/** A decision. */
export interface EvaluationResult {
  decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  denial: { layer: Layer; explicit: boolean; trustPolicy: boolean } | null;
  /** The statements that decided it. */
  determining: StatementRef[];
  grantedTo: 'Principal' | 'RoleOrUser' | 'Account' | null;
  crossAccount: boolean;
  /** AWS's AccessDenied for a deny. */
  awsError: { code: string; message: string } | null;
  /** With `explain`: one sentence, and the whole explanation. */
  headline?: string;
  headlines?: Texts;
  explanation?: string;
  explanations?: Texts;
  /** With `explain`: every layer, policy, statement, match and condition with the values compared. */
  layers?: unknown[];
  /** For requests made with a simulator: the request as the engine saw it. */
  request?: { principal: Caller; action: string; resource: string; resourceAccount: string | null; context: { key: string; values: string[] }[] };
  resourceKnown?: boolean;
  ignoredContext?: string[];
  /** What is worth a look in the policies (findings of valid policies; policies over their kind's size quota, evaluated all the same). */
  warnings?: Item[];
}

/** The world a simulator plays in (see `scenarios/scenario.schema.json`, `world`). */
export interface World {
  partition?: string;
  time?: string;
  accounts?: Record<string, unknown>[];
  organizations?: Record<string, unknown>[];
  awsManagedPolicies?: { name: string; path?: string; document: PolicyDocument }[];
}

/** Whose credentials sign a call or request. */
export type CallerCredentials = { principal: string } | { accessKeyId: string } | 'anonymous';

export interface SessionTag { Key: string; Value: string }
export interface AssumeRoleParams {
  RoleArn: string; RoleSessionName: string; PolicyArns?: { arn: string }[]; Policy?: PolicyDocument;
  DurationSeconds?: number; Tags?: SessionTag[]; TransitiveTagKeys?: string[]; ExternalId?: string;
  SerialNumber?: string; TokenCode?: string; SourceIdentity?: string;
}
export interface GetSessionTokenParams { DurationSeconds?: number; SerialNumber?: string; TokenCode?: string }
export interface GetFederationTokenParams {
  Name: string; Policy?: PolicyDocument; PolicyArns?: { arn: string }[]; DurationSeconds?: number; Tags?: SessionTag[];
}
export interface AssumeRoleWithWebIdentityParams {
  RoleArn: string; RoleSessionName: string; WebIdentityToken: string; ProviderId?: string;
  PolicyArns?: { arn: string }[]; Policy?: PolicyDocument; DurationSeconds?: number;
}

/** Simulated temporary credentials (they say so: `ASIAIAMPLAY...`). */
export interface Credentials { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string }
export interface AssumeRoleResponse {
  Credentials: Credentials; AssumedRoleUser: { AssumedRoleId: string; Arn: string }; PackedPolicySize?: number; SourceIdentity?: string;
}
export interface GetSessionTokenResponse { Credentials: Credentials }
export interface GetFederationTokenResponse {
  Credentials: Credentials; FederatedUser: { FederatedUserId: string; Arn: string }; PackedPolicySize: number;
}
export interface AssumeRoleWithWebIdentityResponse {
  Credentials: Credentials; SubjectFromWebIdentityToken: string; AssumedRoleUser: { AssumedRoleId: string; Arn: string };
  PackedPolicySize?: number; Provider: string; Audience: string; SourceIdentity?: string;
}
export interface GetCallerIdentityResponse { UserId: string; Account: string; Arn: string }

/** A session STS issued. */
export interface Session {
  kind: 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'GetFederationToken' | 'GetSessionToken';
  arn: string; account: string; userId: string; sourceArn: string; createdBy: string;
  credentials: Credentials; issuedAt: string; expiresAt: string;
  principalTags: { key: string; value: string }[]; transitiveTagKeys: string[]; sessionPolicyNames: string[];
  sourceIdentity: string | null; mfaAuthenticatedAt: string | null; chained: boolean;
  webIdentity: { providerArn: string; issuer: string; claims: [string, string[]][] } | null;
}

/** What a call gives: AWS's response, the session, the engine's decisions and notes. */
export interface CallResult<R> {
  response: R;
  session?: Session;
  authorizations: EvaluationResult[];
  notes: Item[];
  policyWarnings: Item[];
}

export type SimulatorResult = { ok: true; value: Simulator; warnings: Item[] } | { ok: false; errors: Item[] };

/** A request to a service made with a simulator's credentials. */
export interface ServiceRequest { action: string; resource: string; context?: Record<string, string | string[]> }

/** A scenario document (see `scenarios/scenario.schema.json`). */
export interface Scenario {
  version: 1;
  id?: string;
  title: Partial<Texts>;
  description?: Partial<Texts>;
  world: World;
  steps?: Record<string, unknown>[];
}

export interface LocalizedText { text: string; texts: Texts }

export interface ScenarioStepResult {
  index: number; id: string | null; title: LocalizedText | null; explanation: LocalizedText | null;
  kind: 'AssumeRole' | 'GetSessionToken' | 'GetFederationToken' | 'AssumeRoleWithWebIdentity' | 'GetCallerIdentity' | 'request' | 'wait' | 'skipped';
  time: string; expected: string | null; actual: string | null; met: boolean | null;
  result: Result<unknown> | null;
  skipped?: Item;
}

export interface ScenarioRun {
  id: string | null; title: LocalizedText; description: LocalizedText | null;
  /** Whether every step with an expectation met it. */
  passed: boolean;
  steps: ScenarioStepResult[];
  warnings: Item[];
}

export interface BuiltinScenario { id: string; title: LocalizedText; text: string }
"#;
