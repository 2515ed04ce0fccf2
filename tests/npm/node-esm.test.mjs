// The packed `iamplay` package, installed as a user would, used from an ES module in Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  builtinScenarios, compile, createSimulator, decodeShare, encodeShare, evaluate, explain,
  formatPolicy, runScenario, unsignedToken, validatePolicy, version,
} from 'iamplay';

const ROLE_POLICY = {
  Version: '2012-10-17',
  Statement: [{
    Sid: 'ListYourObjects', Effect: 'Allow', Action: 's3:ListBucket',
    Resource: 'arn:aws:s3:::wisdom-learn-course-bucket',
    Condition: { StringLike: { 's3:prefix': 'PREFIX/${aws:PrincipalTag/userid}/' } },
  }],
};

const seedInput = (prefix) => ({
  policies: { identity: [{ name: 'CourseAccessPolicy', document: ROLE_POLICY }] },
  request: {
    principal: 'arn:aws:sts::111122223333:assumed-role/CourseAccessRole/student',
    tags: { userid: '123456' },
    action: 's3:ListBucket',
    resource: 'arn:aws:s3:::wisdom-learn-course-bucket',
    context: { 's3:prefix': prefix },
  },
});

test('the version is the engine version', () => {
  assert.match(version(), /^\d+\.\d+\.\d+$/);
});

test('evaluate decides the seed lesson and explains it in the language asked for', () => {
  const allowed = evaluate(seedInput('PREFIX/123456/'));
  assert.equal(allowed.ok, true);
  assert.equal(allowed.value.decision, 'Allow');
  assert.equal(allowed.value.determining[0].sid, 'ListYourObjects');
  assert.equal(allowed.value.explanation, undefined, 'no explanation unless asked');

  const denied = evaluate(seedInput('PREFIX/234567/'), { explain: true, lang: 'zh-CN' });
  assert.equal(denied.value.decision, 'ImplicitDeny');
  assert.match(denied.value.headline, /隐式拒绝/);
  assert.match(denied.value.explanation, /`\$\{aws:PrincipalTag\/userid\}` = `123456`/);
  assert.equal(denied.value.denial.layer, 'IdentityBasedPolicy');
  assert.ok(Array.isArray(denied.value.layers));

  const english = explain(denied, 'en');
  assert.match(english.value.headline, /^Denied implicitly/);
  assert.equal(english.value.decision, 'ImplicitDeny');
  assert.match(explain(denied, 'zh-TW').value.headline, /隱含拒絕/);
});

test('a broken policy is an error result located in its text, not an exception', () => {
  const input = seedInput('PREFIX/123456/');
  input.policies.identity[0].document = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",\n    "Condition": {"StringEqualz": {"aws:username": "bob"}}}]\n}';
  const result = evaluate(input);
  assert.equal(result.ok, false);
  const [error] = result.errors;
  assert.equal(error.path, '/policies/identity/0/document');
  assert.equal(error.location.line, 4);
  assert.match(error.message, /StringEqualz/);
  assert.match(error.help, /StringEquals/);
  assert.equal(error.messages['zh-CN'].length > 0, true);
});

test('validatePolicy gives AWS’s error and the findings; formatPolicy keeps everything', () => {
  const bad = validatePolicy('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3 GetObject", "Resource": "*"}]}', 'RoleInlinePolicy');
  assert.equal(bad.ok, false);
  assert.equal(bad.aws.code, 'MalformedPolicyDocument');
  assert.ok(bad.errors.length > 0);
  const good = validatePolicy(JSON.stringify(ROLE_POLICY), 'RoleInlinePolicy', { lang: 'zh-TW' });
  assert.equal(good.ok, true);
  assert.equal(good.value.kind, 'RoleInlinePolicy');
  assert.equal(good.value.size.limit, 10240);
  const formatted = formatPolicy('{"Statement":[],"Version":"2012-10-17"}');
  assert.equal(formatted.value, '{\n    "Version": "2012-10-17",\n    "Statement": []\n}\n');
});

test('compile once, evaluate many', () => {
  const compiled = compile(seedInput('x').policies);
  assert.equal(compiled.ok, true);
  const policies = compiled.value;
  for (const [prefix, decision] of [['PREFIX/123456/', 'Allow'], ['PREFIX/234567/', 'ImplicitDeny']]) {
    const result = policies.evaluate({ ...seedInput(prefix).request });
    assert.equal(result.value.decision, decision);
  }
});

test('wrong kinds of arguments throw TypeErrors that say what was expected', () => {
  assert.throws(() => evaluate(42), { name: 'TypeError', message: /expected an object or its JSON text, got number/ });
  assert.throws(() => validatePolicy('{}', 'NoSuchKind'), { name: 'TypeError', message: /RoleInlinePolicy/ });
  assert.throws(() => evaluate(seedInput('x'), { lang: 'fr' }), { name: 'TypeError', message: /'en', 'zh-CN' or 'zh-TW'/ });
  const misspelled = evaluate({ ...seedInput('x'), requets: {} });
  assert.equal(misspelled.ok, false);
  assert.equal(misspelled.errors[0].code, 'unknownField');
  assert.equal(misspelled.errors[0].path, '/requets');
});

test('a simulator relays credentials through AssumeRole to a request', () => {
  const created = createSimulator({
    time: '2026-03-01T09:00:00Z',
    accounts: [{
      id: '111122223333',
      users: [{ name: 'ServerUser', inlinePolicies: [{ name: 'Assume', document: {
        Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] } }] }],
      roles: [{ name: 'AssumedRole', trustPolicy: {
        Version: '2012-10-17', Statement: [{ Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:user/ServerUser' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] },
        inlinePolicies: [{ name: 'PerUser', document: ROLE_POLICY }] }],
      resources: [{ arn: 'arn:aws:s3:::wisdom-learn-course-bucket' }],
    }],
  });
  assert.equal(created.ok, true);
  const sim = created.value;
  const assumed = sim.assumeRole({ principal: 'arn:aws:iam::111122223333:user/ServerUser' }, {
    RoleArn: 'arn:aws:iam::111122223333:role/AssumedRole', RoleSessionName: 'my-session',
    Tags: [{ Key: 'userid', Value: '123456' }], DurationSeconds: 1800,
  }, { lang: 'zh-CN' });
  assert.equal(assumed.ok, true);
  const { Credentials, AssumedRoleUser } = assumed.value.response;
  assert.match(Credentials.AccessKeyId, /^ASIAIAMPLAY/);
  assert.equal(Credentials.Expiration, '2026-03-01T09:30:00Z');
  assert.equal(AssumedRoleUser.Arn, 'arn:aws:sts::111122223333:assumed-role/AssumedRole/my-session');
  assert.deepEqual(assumed.value.authorizations.map((a) => [a.request.action, a.decision]),
    [['sts:AssumeRole', 'Allow'], ['sts:TagSession', 'Allow']]);
  assert.equal(assumed.value.notes[0].code, 'packedPolicySizeEstimated');

  const session = { accessKeyId: Credentials.AccessKeyId };
  const list = (prefix) => sim.request(session, { action: 's3:ListBucket',
    resource: 'arn:aws:s3:::wisdom-learn-course-bucket', context: { 's3:prefix': prefix } });
  assert.equal(list('PREFIX/123456/').ok, true);
  const denied = list('PREFIX/234567/');
  assert.equal(denied.ok, false);
  assert.equal(denied.errors[0].aws.code, 'AccessDenied');
  assert.equal(denied.errors[0].aws.status, 403);
  assert.equal(sim.getCallerIdentity(session).value.response.Arn, AssumedRoleUser.Arn);

  sim.advance(1800);
  assert.equal(list('PREFIX/123456/').errors[0].aws.code, 'ExpiredToken');
});

test('a web identity token made from claims', () => {
  const token = unsignedToken({ iss: 'https://token.actions.githubusercontent.com', aud: 'sts.amazonaws.com' });
  assert.equal(token.split('.').length, 3);
});

test('every built-in scenario runs green, and survives a share link', () => {
  const lessons = builtinScenarios({ lang: 'zh-CN' });
  assert.ok(lessons.length >= 10);
  assert.equal(lessons[0].id, 'course-platform');
  for (const lesson of lessons) {
    const run = runScenario(lesson.text, { lang: 'zh-CN' });
    assert.equal(run.ok, true, lesson.id);
    assert.equal(run.value.passed, true, lesson.id);
    const link = encodeShare(lesson.text);
    assert.ok(link.value.length < 100, `${lesson.id}: ${link.value.length}`);
    assert.deepEqual(JSON.parse(decodeShare(link.value).value), JSON.parse(lesson.text));
  }
  const broken = decodeShare('1.ThisIsNotAScenario');
  assert.equal(broken.ok, false);
  assert.equal(broken.errors[0].code, 'corrupt');
});

test('the widget for course pages is in the package, with its engine and every lesson', async () => {
  const { existsSync, readFileSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const script = fileURLToPath(import.meta.resolve('iamplay/embed'));
  const dir = script.slice(0, script.lastIndexOf('/'));
  for (const file of ['iamplay-embed-engine.js', 'iamplay-embed-engine_bg.wasm', 'iamplay-embed.d.ts']) {
    assert.ok(existsSync(`${dir}/${file}`), file);
  }
  for (const lesson of builtinScenarios()) {
    assert.equal(readFileSync(`${dir}/scenarios/${lesson.id}.json`, 'utf8'), lesson.text, lesson.id);
  }
  // The package links no playground of its own unless told where one is.
  assert.match(readFileSync(script, 'utf8'), /const PLAYGROUND = null;/);
});
