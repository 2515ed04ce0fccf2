// The teaching panels in headless Chromium: the relay drawn with its failed hop, what would
// make a denied request allowed (tried, then applied), effective permissions, the same step as
// code, and the world's findings. A screenshot of each goes to target/e2e/.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openLesson, openScenario, screenshot, showStep, verdictIs } from './browser.mjs';

test('the relay is drawn with numbered hops, the failed one red, and a hop opens its step', async (t) => {
  const { page, problems } = await openLesson(t, 'course-platform');
  const hops = page.locator('.flow-diagram .hop');
  await hops.first().waitFor();
  const names = await page.locator('.flow-diagram .participant .name').allTextContents();
  assert.deepEqual(names.slice(0, 4), ['AppServerUser', 'wisdom-learn-course-…', 'STS', 'CourseAccessRole']);
  // A shortened name is whole in its tooltip.
  assert.equal(await page.locator('.flow-diagram .participant title').nth(1).textContent(),
    'arn:aws:s3:::wisdom-learn-course-bucket');
  // Step 1 (the user's own keys at the bucket) failed; step 2's AssumeRole and its credentials,
  // and step 3's video request, were allowed.
  assert.match(await hops.nth(0).getAttribute('class'), /implicit-deny/);
  assert.equal(await hops.nth(0).locator('text').first().textContent(), '1 s3:GetObject');
  assert.match(await hops.nth(1).getAttribute('class'), /allow/);
  assert.match(await hops.nth(2).getAttribute('class'), /credentials/);
  assert.ok((await page.locator('.flow-diagram .hop.implicit-deny, .flow-diagram .hop.explicit-deny').count()) >= 2);
  // Clicking the failed hop shows that step's decision and its explanation.
  await showStep(page, 2);
  await hops.nth(0).click();
  await verdictIs(page, 'Implicitly denied');
  assert.match(await hops.nth(0).getAttribute('class'), /selected/);
  await page.locator('.decision .explanation').waitFor();
  // Keyboard: Enter on a hop shows its step too.
  await page.locator('.flow-diagram .hop[data-step="2"]').first().focus();
  await page.keyboard.press('Enter');
  await verdictIs(page, 'Allowed');
  t.diagnostic(`screenshot: ${await screenshot(page, 'teach-flow')}`);
  // In Chinese the diagram speaks Chinese.
  await page.selectOption('#lang-picker', 'zh-CN');
  await page.locator('#flow-heading', { hasText: '凭证接力' }).waitFor();
  assert.ok((await page.locator('.flow-diagram text', { hasText: '临时凭证' }).count()) >= 1);
  t.diagnostic(`screenshot: ${await screenshot(page, 'teach-flow-zh-CN')}`);
  assert.deepEqual(problems, []);
});

test('a denied listing suggests the session tag userid=234567, and applying it allows it', async (t) => {
  const { page, problems } = await openLesson(t, 'per-user-folders');
  await showStep(page, 4);
  await verdictIs(page, 'Implicitly denied');
  const panel = page.locator('.decision .whatif');
  await panel.locator('h3', { hasText: 'What would make this allowed' }).waitFor();
  const tag = panel.locator('.suggestion', { hasText: '`userid` = `234567`'.replaceAll('`', '') });
  await tag.waitFor();
  assert.match(await tag.locator('.promised').textContent(), /Allowed/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'teach-whatif')}`);
  await tag.locator('button.apply').click();
  await verdictIs(page, 'Allowed');
  // Applied: step 1's tag now says 234567, and the panel asks what would deny it instead.
  await panel.locator('h3', { hasText: 'What would deny this' }).waitFor();
  await showStep(page, 1);
  assert.equal(await page.inputValue('#s0-Tags-0-value'), '234567');
  assert.deepEqual(problems, []);
});

test('a tagged AssumeRole refused by its trust policy suggests sts:TagSession, shown in its editor', async (t) => {
  const { page, problems } = await openLesson(t, 'per-user-folders');
  await showStep(page, 9);
  await verdictIs(page, 'Implicitly denied');
  const add = page.locator('.decision .whatif .suggestion', { hasText: 'sts:TagSession' });
  await add.waitFor();
  await add.locator('button.link').click();
  await page.locator('.policy-editor .line.focus').first().waitFor();
  assert.match(await page.locator('.policy-editor .line.focus').first().textContent(), /\{/);
  await add.locator('button.apply').click();
  await verdictIs(page, 'Allowed');
  assert.deepEqual(problems, []);
});

test('effective permissions show what the session may do, and a cell adds its request', async (t) => {
  const { page, problems } = await openLesson(t, 'per-user-folders');
  await showStep(page, 1);
  await page.locator('.permissions button.disclosure').click();
  const matrix = page.locator('.permissions table.matrix');
  await matrix.waitFor();
  const row = (resource) => matrix.locator('tbody tr', { has: page.locator('th', { hasText: resource }) });
  const headers = await matrix.locator('thead th').allTextContents();
  const column = (action) => headers.indexOf(action);
  const own = row('xucy-static/app/123456/myfile');
  const other = row('xucy-static/app/234567/homework.pdf');
  assert.match(await own.locator('td').nth(column('s3:PutObject') - 1).getAttribute('class'), /allow/);
  assert.match(await other.locator('td').nth(column('s3:GetObject') - 1).getAttribute('class'), /deny/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'teach-permissions')}`);
  const steps = await page.locator('.steps li').count();
  await other.locator('td').nth(column('s3:GetObject') - 1).locator('button').click();
  await page.locator('.steps li').nth(steps).waitFor();
  await verdictIs(page, 'Implicitly denied');
  assert.deepEqual(problems, []);
});

test('a step as AWS CLI, boto3 and ~/.aws/config, each copyable', async (t) => {
  const { page, problems } = await openLesson(t, 'per-user-folders');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await showStep(page, 1);
  const view = page.locator('.decision .code-view');
  const code = view.locator('pre code');
  await code.waitFor();
  const cli = await code.textContent();
  assert.match(cli, /^aws sts assume-role \\\n/);
  assert.match(cli, /--tags Key=userid,Value=123456 \\\n/);
  assert.match(cli, /--duration-seconds 1800$/);
  await view.locator('button.copy').click();
  await view.locator('button.copy', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cli);

  await view.locator('[role=tab]', { hasText: 'boto3' }).click();
  assert.match(await code.textContent(), /Tags=\[\{"Key": "userid", "Value": "123456"\}\],/);
  await view.locator('[role=tab]', { hasText: '~/.aws/config' }).click();
  const profile = await code.textContent();
  assert.match(profile, /^\[profile student-123456\]\nrole_arn = arn:aws:iam::246813579024:role\/AssumedRole\nsource_profile = default\n/);
  // A profile cannot pass session tags, and the view says so.
  assert.match(await view.textContent(), /Tags/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'teach-code')}`);

  // A request signed with that session names its profile.
  await showStep(page, 2);
  await view.locator('[role=tab]', { hasText: 'AWS CLI' }).click();
  assert.match(await code.textContent(), /aws s3api list-objects-v2[\s\S]*--bucket xucy-static[\s\S]*--prefix app\/123456\/[\s\S]*--profile student-123456/);
  assert.deepEqual(problems, []);
});

test('the findings panel lists every warning in the world, each linked to its statement', async (t) => {
  const { page, problems } = await openLesson(t, 'trust-pitfalls');
  const panel = page.locator('.findings');
  const broad = panel.locator('li', { hasText: '444455556666' }).filter({ hasText: 'ProdDataRole' });
  await broad.first().waitFor();
  assert.match(await broad.first().locator('.where').textContent(), /^ProdDataRole · trustPolicy$/);
  await broad.first().locator('button.link').click();
  const focused = page.locator('.policy-editor .line.focus');
  await focused.first().waitFor();
  assert.match(await page.locator('.policy-editor', { has: page.locator('.line.focus') }).textContent(), /444455556666:root/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'teach-findings')}`);
  // A role allowed every S3 action is flagged at the wildcard.
  await openScenario(page, 'session-policy');
  await panel.locator('li', { hasText: 's3:*' }).first().waitFor();
  // In 繁體中文 the panel speaks Traditional Chinese.
  await page.selectOption('#lang-picker', 'zh-TW');
  await page.locator('#findings-heading', { hasText: '檢查結果' }).waitFor();
  t.diagnostic(`screenshot: ${await screenshot(page, 'teach-findings-zh-TW')}`);
  assert.deepEqual(problems, []);
});
