// Compiled with `tsc --noEmit` against the packed package: its declarations describe what the
// functions take and give, precisely enough that these uses type-check and misuses would not.
import {
  builtinScenarios, compile, createSimulator, evaluate, explain, runScenario, validatePolicy,
  type EvaluationInput, type Item, type Lang,
} from 'iamplay';

const input: EvaluationInput = {
  policies: { identity: [{ name: 'Read', document: { Version: '2012-10-17', Statement: [] } }] },
  request: { principal: 'arn:aws:iam::111122223333:user/Bob', action: 's3:GetObject', resource: '*' },
};

const result = evaluate(input, { explain: true, lang: 'zh-TW' });
if (result.ok) {
  const decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny' = result.value.decision;
  const headline: string | undefined = result.value.headline;
  console.log(decision, headline);
} else {
  const first: Item | undefined = result.errors[0];
  const line: number | undefined = first?.location?.line;
  console.log(first?.message, line);
}

const english = explain(result, 'en');
if (english.ok) console.log(english.value.determining.map((s) => s.sid));

const checked = validatePolicy('{}', 'BucketPolicy');
if (!checked.ok) console.log(checked.aws?.code, checked.warnings.length);

const compiled = compile(input.policies);
if (compiled.ok) console.log(compiled.value.evaluate(input.request).ok);

const created = createSimulator({ accounts: [] });
if (created.ok) {
  const sim = created.value;
  const assumed = sim.assumeRole({ principal: 'arn:aws:iam::111122223333:user/Bob' },
    { RoleArn: 'arn:aws:iam::111122223333:role/R', RoleSessionName: 's' }, { context: { 'aws:SourceIp': '203.0.113.7' } });
  if (assumed.ok) console.log(assumed.value.response.Credentials.AccessKeyId, assumed.value.session?.expiresAt);
  sim.advance(60);
}

const lang: Lang = 'zh-CN';
for (const lesson of builtinScenarios({ lang })) {
  const run = runScenario(lesson.text);
  if (run.ok) console.log(lesson.title.text, run.value.passed, run.value.steps.length);
}

// Misuses the declarations must catch (an unused `@ts-expect-error` fails the check).
// @ts-expect-error: not a language iamplay speaks
evaluate(input, { lang: 'fr' });
// @ts-expect-error: not a kind of policy
validatePolicy('{}', 'NoSuchKind');
if (created.ok) {
  // @ts-expect-error: AWS's parameter is `RoleArn`
  created.value.assumeRole('anonymous', { RoleARN: 'x', RoleSessionName: 's' });
}
if (result.ok) {
  // @ts-expect-error: a decision is one of three words
  const wrong: 'Maybe' = result.value.decision;
  console.log(wrong);
}
