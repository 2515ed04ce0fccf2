// Side by side in one Node process, on the same inputs: the iamplay npm package (its Node build,
// whose ES module path is the second argument) and @cloud-copilot/iam-simulate (a benchmark-only
// dependency, never shipped), on iamplay's large shape (the JSON of `bench-shape`, the first
// argument) and on the seed lesson. The peer has no session policies, so both get the shape
// without its session policy. Prints one JSON line per measurement, then the ratios and sizes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { runSimulation } from '@cloud-copilot/iam-simulate';

const [shapeFile, packagePath] = process.argv.slice(2);
const shape = JSON.parse(readFileSync(shapeFile, 'utf8'));
const iamplay = await import(packagePath);

/** Mean nanoseconds per call of the async `run`, over about two seconds after a warm-up. */
async function measure(run) {
  for (let i = 0; i < 20; i++) await run();
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 2_000_000_000n || runs < 10) {
    await run();
    runs += 1;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / runs;
}

/** The same for a synchronous `run` (no promise to wait for). */
function measureSync(run) {
  for (let i = 0; i < 20; i++) run();
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 2_000_000_000n || runs < 10) {
    for (let i = 0; i < 10; i++) run();
    runs += 10;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / runs;
}

function peerInput({ identity, resource, boundary, principal, tags, action, resourceArn, context }) {
  const contextVariables = { ...context };
  for (const [key, value] of Object.entries(tags)) contextVariables[`aws:PrincipalTag/${key}`] = value;
  return {
    identityPolicies: identity.map((policy, i) => ({ name: `Identity${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: resource,
    permissionBoundaryPolicies: boundary ? [{ name: 'Boundary', policy: boundary }] : undefined,
    request: { principal, action, resource: { resource: resourceArn, accountId: '111122223333' }, contextVariables },
  };
}

function iamplayPolicies({ identity, resource, boundary }) {
  return {
    identity: identity.map((document, i) => ({ name: `Identity${i}`, document: JSON.stringify(document) })),
    resource: resource ? { document: JSON.stringify(resource) } : undefined,
    boundary: boundary ? { kind: 'PermissionsBoundary', document: JSON.stringify(boundary) } : undefined,
  };
}

function iamplayRequest({ principal, tags, action, resourceArn, context }) {
  return { principal, tags, action, resource: resourceArn, resourceAccount: '111122223333', context };
}

const seed = {
  identity: [{
    Version: '2012-10-17',
    Statement: [{
      Sid: 'ListYourObjects', Effect: 'Allow', Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::wisdom-learn-course-bucket',
      Condition: { StringLike: { 's3:prefix': 'PREFIX/${aws:PrincipalTag/userid}/' } },
    }],
  }],
  resource: null,
  boundary: null,
  principal: 'arn:aws:sts::111122223333:assumed-role/CourseAccessRole/student',
  tags: { userid: '123456' },
  action: 's3:ListBucket',
  resourceArn: 'arn:aws:s3:::wisdom-learn-course-bucket',
  context: { 's3:prefix': 'PREFIX/123456/' },
};

const cases = [['10x50', shape], ['seed lesson', seed]];
const lines = [];
for (const [label, input] of cases) {
  const simulation = peerInput(input);
  const first = await runSimulation(simulation, {});
  if (first.resultType === 'error') throw new Error(JSON.stringify(first.errors));
  const peer = await measure(() => runSimulation(simulation, {}));

  const evaluation = { policies: iamplayPolicies(input), request: iamplayRequest(input) };
  const oneShot = iamplay.evaluate(evaluation);
  if (!oneShot.ok) throw new Error(JSON.stringify(oneShot.errors));
  const compiled = iamplay.compile(evaluation.policies).value;
  const oneShotNanos = measureSync(() => iamplay.evaluate(evaluation));
  const compiledNanos = measureSync(() => compiled.evaluate(evaluation.request));
  if (oneShot.value.decision !== 'Allow' || first.overallResult !== 'Allowed') {
    throw new Error(`${label}: iamplay ${oneShot.value.decision}, peer ${first.overallResult}`);
  }
  lines.push({ name: `node/${label}: @cloud-copilot/iam-simulate 0.1.173`, meanNanos: peer });
  lines.push({ name: `node/${label}: iamplay evaluate (one shot)`, meanNanos: oneShotNanos, ratio: peer / oneShotNanos });
  lines.push({ name: `node/${label}: iamplay compile(...).evaluate`, meanNanos: compiledNanos, ratio: peer / compiledNanos });
}
const wasm = readFileSync(join(dirname(packagePath), 'iamplay_bg.wasm'));
lines.push({ name: 'size/wasm', bytes: wasm.length, gzipBytes: gzipSync(wasm, { level: 9 }).length });
for (const line of lines) console.log(JSON.stringify(line));
