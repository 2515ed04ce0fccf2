// The release build of the playground in headless Chromium, as a learner uses it: the default
// lesson's decision, a session tag that turns Allow into Deny with the reason, a broken policy
// shown at its line, Chinese, and work that survives a reload. Screenshots of each state go to
// target/e2e/.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { join } from 'node:path';

import {
  ARTIFACTS, VERDICT, launch, openApp, openLesson, openScenario, screenshot, showStep, verdictIs,
} from './browser.mjs';

test('the default lesson opens with its first decision, and nothing goes to the network', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const { page, problems, rendered } = await openApp(browser);
  try {
    await rendered(VERDICT);
  } finally {
    t.diagnostic(`screenshot: ${await screenshot(page, 'playground')}`);
  }
  assert.equal(await page.locator('header h1').textContent(), 'iamplay');
  assert.match(await page.locator('header .version').textContent(), /^v\d+\.\d+\.\d+/);
  assert.equal(await page.inputValue('#scenario-picker'), 'builtin:course-platform');
  // Step 1: the app server's own keys across accounts, no bucket policy: implicitly denied.
  await verdictIs(page, 'Implicitly denied');
  assert.match(await page.locator('.decision .headline').first().textContent(), /s3:GetObject/);
  assert.ok((await page.locator('.steps li').count()) >= 5);
  assert.ok(await page.locator('.world summary', { hasText: 'CourseAccessRole' }).count());

  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await showStep(page, 2);
  await verdictIs(page, 'Allowed');
  assert.match(await page.locator('.sts-response pre.json').textContent(), /"AccessKeyId": "ASIA/);
  assert.match(await page.locator('.sts-response pre.shell').textContent(), /^export AWS_ACCESS_KEY_ID=ASIA/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'playground-assume-role')}`);
  assert.deepEqual(requests, [], 'nothing may be fetched after the page has loaded');
  assert.deepEqual(problems, [], 'nothing may fail while the page loads');
});

test('a session tag changed from 123456 to 234567 turns Allow into Deny, with the substituted value', async (t) => {
  const { page, problems } = await openLesson(t, 'per-user-folders');
  await showStep(page, 2);
  await verdictIs(page, 'Allowed');
  t.diagnostic(`screenshot: ${await screenshot(page, 'tags-allowed')}`);

  await showStep(page, 1);
  await page.fill('#s0-Tags-0-value', '234567');
  // Every step re-runs: step 2 (list app/123456/) is now denied, without pressing anything.
  await page.locator('.steps li').nth(1).locator('.badge.implicit-deny').waitFor();
  await showStep(page, 2);
  await verdictIs(page, 'Implicitly denied');
  const explanation = await page.locator('.decision .explanation').textContent();
  assert.match(explanation, /s3:prefix/, 'names the condition key');
  assert.match(explanation, /StringLike/, 'names the operator');
  assert.match(explanation, /app\/234567\//, 'shows the substituted policy value');
  assert.match(explanation, /app\/123456\//, 'shows the request value');
  t.diagnostic(`screenshot: ${await screenshot(page, 'tags-denied')}`);
  // The first screen, as the README shows it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ARTIFACTS, 'readme.png') });

  // The statement that did not apply can be shown in its editor.
  await page.locator('.decision .statement', { hasText: 'ListYourObjects' }).first()
    .locator('button.link').click();
  await page.locator('.world .backdrop .line.focus').first().waitFor();
  assert.deepEqual(problems, []);
});

test('invalid JSON in a policy is shown inline at its line, and the text is kept', async (t) => {
  const { page } = await openLesson(t, 'per-user-folders');
  await page.locator('.world details.role summary', { hasText: 'AssumedRole' }).first().click();
  const broken = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow" "Action": "s3:*", "Resource": "*"}\n  ]\n}';
  await page.fill('#a0-r0-trust', broken);
  const finding = page.locator('#a0-r0-trust-findings li.error').first();
  await finding.waitFor();
  assert.match(await finding.textContent(), /line 4/);
  assert.equal(await page.locator('.world .gutter span.error').first().textContent(), '4');
  assert.equal(await page.inputValue('#a0-r0-trust'), broken, 'the typed text is kept as typed');
  await page.locator('#a0-r0-trust').scrollIntoViewIfNeeded();
  t.diagnostic(`screenshot: ${await screenshot(page, 'policy-error')}`);
});

test('in 简体中文 the explanation is Chinese, and a reload keeps the language and the edit', async (t) => {
  const { page, problems, rendered } = await openLesson(t, 'per-user-folders');
  await showStep(page, 1);
  await page.fill('#s0-Tags-0-value', '234567');
  await showStep(page, 2);
  await verdictIs(page, 'Implicitly denied');

  await page.selectOption('#lang-picker', 'zh-CN');
  await verdictIs(page, '隐式拒绝');
  const explanation = await page.locator('.decision .explanation').textContent();
  assert.match(explanation, /隐式拒绝|语句/);
  assert.match(explanation, /app\/234567\//);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  t.diagnostic(`screenshot: ${await screenshot(page, 'zh-cn')}`);

  await page.reload();
  await rendered(VERDICT);
  await verdictIs(page, '隐式拒绝');
  assert.equal(await page.inputValue('#lang-picker'), 'zh-CN');
  assert.equal(await page.inputValue('#scenario-picker'), 'builtin:per-user-folders');
  await page.locator('header .edited').waitFor();
  await showStep(page, 1);
  assert.equal(await page.inputValue('#s0-Tags-0-value'), '234567', 'the edit survives a reload');
  t.diagnostic(`screenshot: ${await screenshot(page, 'reloaded')}`);

  // Reset goes back to the lesson as it was.
  page.once('dialog', (dialog) => dialog.accept());
  await page.locator('header button', { hasText: '重置' }).click();
  assert.equal(await page.inputValue('#s0-Tags-0-value'), '123456');
  assert.deepEqual(problems, []);
});

test('on a phone the playground is one readable column', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const { page, problems, rendered } = await openApp(browser, '', { width: 390, height: 844 });
  await rendered(VERDICT);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width}px wide: nothing may scroll sideways`);
  t.diagnostic(`screenshot: ${await screenshot(page, 'phone')}`);
  await page.locator('.steps li button').nth(1).click();
  await verdictIs(page, 'Allowed');
  await page.locator('.decision').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'phone-decision.png') });
  assert.deepEqual(problems, []);
});

test('an AWS validation error is shown beside the parameter it concerns', async (t) => {
  const { page } = await openLesson(t, 'per-user-folders');
  await showStep(page, 1);
  await page.fill('#s0-RoleSessionName', 'user 123456');
  const error = page.locator('#s0-RoleSessionName-error');
  await error.waitFor();
  assert.match(await error.textContent(), /roleSessionName/);
  await verdictIs(page, 'Call failed');
  assert.match(await page.locator('.decision pre.shell').textContent(), /ValidationError/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'validation-error')}`);
});

test('a scenario exported to a file imports again, edits and all', async (t) => {
  const { browser, page } = await openLesson(t, 'per-user-folders');
  await showStep(page, 1);
  await page.fill('#s0-Tags-0-value', '234567');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('header button', { hasText: 'Export' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'per-user-folders.json');
  const file = join(ARTIFACTS, 'exported.json');
  await download.saveAs(file);

  const other = await openApp(browser);
  await other.rendered(VERDICT);
  await other.page.setInputFiles('#import-file', file);
  await other.page.locator('#scenario-picker option[value="imported"]').waitFor({ state: 'attached' });
  assert.equal(await other.page.inputValue('#scenario-picker'), 'imported');
  await other.page.locator('.steps li button').first().click();
  assert.equal(await other.page.inputValue('#s0-Tags-0-value'), '234567');

  // A file that is not a scenario is refused with the reason, and nothing is replaced.
  const bad = join(ARTIFACTS, 'not-a-scenario.json');
  await import('node:fs').then((fs) => fs.writeFileSync(bad, '{"version": 1, "world": 3}'));
  other.page.once('dialog', (dialog) => dialog.accept());
  await other.page.setInputFiles('#import-file', bad);
  await other.page.locator('.notice').waitFor();
  assert.match(await other.page.locator('.notice').textContent(), /not-a-scenario\.json/);
  assert.equal(await other.page.inputValue('#scenario-picker'), 'imported');
  t.diagnostic(`screenshot: ${await screenshot(other.page, 'import-refused')}`);
});
