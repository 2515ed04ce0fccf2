// Measures @cloud-copilot/iam-simulate on iamplay's large benchmark shape (the JSON that
// `cargo run -p iamplay-bench --bin bench-shape` prints, passed as the first argument) and
// prints one JSON line: {"name": ..., "meanNanos": ..., "decision": ...}.
// The peer has no session policies, so the shape's session policy is left out for it.
import { readFileSync } from 'node:fs';
import { runSimulation } from '@cloud-copilot/iam-simulate';

const shape = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const contextVariables = { ...shape.context };
for (const [key, value] of Object.entries(shape.tags)) {
  contextVariables[`aws:PrincipalTag/${key}`] = value;
}
const simulation = {
  identityPolicies: shape.identity.map((policy, i) => ({ name: `Identity${i}`, policy })),
  serviceControlPolicies: [],
  resourceControlPolicies: [],
  resourcePolicy: shape.resource,
  permissionBoundaryPolicies: [{ name: 'Boundary', policy: shape.boundary }],
  request: {
    principal: shape.principal,
    action: shape.action,
    resource: { resource: shape.resourceArn, accountId: '111122223333' },
    contextVariables,
  },
};

const first = await runSimulation(simulation, {});
if (first.resultType === 'error') {
  console.error(JSON.stringify(first.errors, null, 2));
  process.exit(1);
}
// Warm up, then measure for about three seconds.
for (let i = 0; i < 20; i++) await runSimulation(simulation, {});
let runs = 0;
const start = process.hrtime.bigint();
let elapsed = 0n;
while (elapsed < 3_000_000_000n || runs < 10) {
  await runSimulation(simulation, {});
  runs += 1;
  elapsed = process.hrtime.bigint() - start;
}
console.log(JSON.stringify({
  name: '@cloud-copilot/iam-simulate 0.1.173, 10x50 statements + resource, boundary',
  meanNanos: Number(elapsed) / runs,
  runs,
  decision: first.overallResult,
}));
