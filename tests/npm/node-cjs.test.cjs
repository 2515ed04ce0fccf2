// The packed `iamplay` package from CommonJS (`require`), as older Node code and tools load it.
const assert = require('node:assert/strict');
const { test } = require('node:test');

const iamplay = require('iamplay');

test('require gives the same engine', () => {
  assert.match(iamplay.version(), /^\d+\.\d+\.\d+$/);
  const result = iamplay.validatePolicy(
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
    'RoleInlinePolicy',
  );
  assert.equal(result.ok, true);
  const run = iamplay.runScenario(iamplay.builtinScenarios()[0].text);
  assert.equal(run.value.passed, true);
  assert.equal(run.value.steps[1].kind, 'AssumeRole');
  assert.equal(run.value.steps[1].met, true);
});
