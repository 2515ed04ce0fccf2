// Failure, survived: stored work that cannot be read is kept aside and said so; a full storage
// leaves editing alone and says the work is not saved; a paste of megabytes and a file too large
// are refused with the reason while the page stays quick and the text stays in the editor; a
// panic shows the playground's way on, and stops only the widget it happened in, which then
// offers to reload itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  APP_URL, VERDICT, launch, openApp, openLesson, screenshot, showStep, verdictIs,
} from './browser.mjs';

const WORK = 'iamplay.work.v1';
const UNREADABLE = 'iamplay.work.v1.unreadable';

test('stored work that cannot be read is kept aside, and the page says so in its language', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const { page, rendered } = await openApp(browser);
  await rendered(VERDICT);
  const corrupt = '{"origin": "builtin:per-user-folders", "scenario": "{\\"version\\": 1, \\"world\\": ';
  for (const [lang, words] of [['en', /could not be read/], ['zh-CN', /无法读取/], ['zh-TW', /無法讀取/]]) {
    await page.evaluate(([key, text, tag]) => {
      localStorage.removeItem(`${key}.unreadable`);
      localStorage.setItem(key, text);
      localStorage.setItem('iamplay.lang', tag);
    }, [WORK, corrupt, lang]);
    await page.reload();
    await rendered(VERDICT);
    const notice = page.locator('.notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), words);
    assert.match(await notice.locator('code').textContent(), /^iamplay\.work\.v1\.unreadable$/);
    assert.equal(await page.inputValue('#scenario-picker'), 'builtin:course-platform');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), UNREADABLE), corrupt,
      'the text that could not be read is kept, exactly');
    if (lang === 'en') t.diagnostic(`screenshot: ${await screenshot(page, 'storage-unreadable')}`);
  }
  // The page goes on saving as before.
  await page.locator('.notice button').click();
  await showStep(page, 2);
  await page.fill('#s1-RoleSessionName', 'saved-again');
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('saved-again'), WORK);
});

test('with the storage full, editing goes on and the page says the work is not saved', async (t) => {
  const { page } = await openLesson(t, 'per-user-folders');
  // Fill this origin's storage to the last character.
  const filled = await page.evaluate(() => {
    let error = null;
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 2) {
      for (;;) {
        try {
          localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
        } catch (e) {
          error = e.name;
          break;
        }
      }
    }
    return error;
  });
  assert.equal(filled, 'QuotaExceededError');
  await showStep(page, 1);
  await page.fill('#s0-Tags-0-value', '234567'.repeat(20));
  await showStep(page, 2);
  await verdictIs(page, 'Implicitly denied');
  const warning = page.locator('header .not-saved');
  await warning.waitFor();
  assert.match(await warning.textContent(), /not saved/);
  t.diagnostic(`screenshot: ${await screenshot(page, 'storage-full')}`);

  // Room again: the next edit is saved, and the warning goes.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-'))
    .forEach((k) => localStorage.removeItem(k)));
  await showStep(page, 1);
  await page.fill('#s0-Tags-0-value', '23456789');
  await warning.waitFor({ state: 'detached' });
  assert.match(await page.evaluate((key) => localStorage.getItem(key), WORK), /23456789/);

  // A browser that refuses every write is told about the same way.
  const refusing = await page.context().browser().newContext();
  await refusing.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    };
  });
  const other = await refusing.newPage();
  await other.goto(APP_URL + '?scenario=per-user-folders');
  await other.locator(VERDICT).waitFor({ timeout: 30_000 });
  await other.locator('header .not-saved').waitFor();
  await other.locator('.steps li button').first().click();
  await other.fill('#s0-Tags-0-value', '234567');
  await other.locator('.steps li button').nth(1).click();
  await verdictIs(other, 'Implicitly denied');
});

/** How long the page takes to answer a script (it is stuck while it does not). */
async function answerMillis(page) {
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  return Date.now() - started;
}

test('five megabytes pasted into a policy are refused with the reason, and kept in the editor', async (t) => {
  const { page, problems } = await openLesson(t, 'per-user-folders');
  await page.locator('.world details.role summary', { hasText: 'AssumedRole' }).first().click();
  const editor = '#a0-r0-trust';
  const before = await page.inputValue(editor);
  const statement = '{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"},\n';
  const huge = `{"Version": "2012-10-17", "Statement": [\n${statement.repeat(Math.ceil(5e6 / statement.length))}]}`;
  assert.ok(huge.length > 5e6);
  const started = Date.now();
  // As a paste does: the text in, then an input event.
  await page.locator(editor).evaluate((textarea, text) => {
    textarea.value = text;
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, huge);
  const message = page.locator(`${editor}-findings li.too-large`);
  await message.waitFor();
  t.diagnostic(`5 MB pasted and refused in ${Date.now() - started} ms`);
  assert.match(await message.textContent(), /4\.\d MB.*64 KB.*not applied/);
  assert.equal((await page.inputValue(editor)).length, huge.length, 'the pasted text is kept in the editor');
  assert.ok(await answerMillis(page) < 1000, 'the page answers at once');
  // The decision still uses the text from before, and the page goes on as before.
  await showStep(page, 2);
  await verdictIs(page, 'Allowed');
  assert.ok(await answerMillis(page) < 1000);
  const saved = await page.evaluate(() => localStorage.getItem('iamplay.work.v1')?.length ?? 0);
  assert.ok(saved < 100_000, `the refused text is not saved (${saved} characters are)`);
  t.diagnostic(`screenshot: ${await screenshot(page, 'paste-refused')}`);

  // Shortened, it is taken in.
  await page.fill(editor, before.replace('sts:AssumeRole', 'sts:TagSession'));
  await message.waitFor({ state: 'detached' });
  await page.locator('.steps li').first().locator('.badge.explicit-deny, .badge.implicit-deny, .badge.failed').waitFor();
  assert.deepEqual(problems, []);
});

test('a scenario file of two megabytes is refused with the reason, and nothing is replaced', async (t) => {
  const { page, problems } = await openLesson(t, 'per-user-folders');
  const file = { version: 1, title: { en: 'huge' }, world: { accounts: [] }, steps: [], notes: 'x'.repeat(2 << 20) };
  await page.setInputFiles('#import-file', {
    name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  const notice = page.locator('.notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /huge\.json/);
  assert.match(await notice.textContent(), /2\.\d MB.*1\.0 MB/);
  assert.equal(await page.inputValue('#scenario-picker'), 'builtin:per-user-folders');
  assert.ok(await answerMillis(page) < 1000);
  assert.deepEqual(problems, []);
});

/**
 * Makes the browser fail the engine once, the next time it clones a node (as Yew does to make
 * an element): the engine panics inside a render, the worst place it can.
 */
function armFailure(page) {
  return page.evaluate(() => {
    if (!window.iamplayFailNext) {
      const clone = Node.prototype.cloneNode;
      Node.prototype.cloneNode = function cloneNode(...args) {
        if (window.iamplayFailNext) {
          window.iamplayFailNext = false;
          throw new Error('a failure made by the test');
        }
        return clone.apply(this, args);
      };
    }
    window.iamplayFailNext = true;
  });
}

test('a panic in the playground shows the way on, and Reload keeps the saved work', async (t) => {
  const { page, problems } = await openLesson(t, 'per-user-folders');
  await showStep(page, 1);
  await page.fill('#s0-Tags-0-value', '234567');
  await page.waitForFunction(() => localStorage.getItem('iamplay.work.v1')?.includes('234567'));
  await armFailure(page);
  await page.fill('#s0-RoleSessionName', 'not a valid name');
  const banner = page.locator('#crash-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /went wrong.*saved/);
  assert.ok(problems.some((p) => /a failure made by the test/.test(p)), problems.join('\n'));
  t.diagnostic(`screenshot: ${await screenshot(page, 'playground-crashed')}`);
  await banner.locator('button', { hasText: 'Reload' }).click();
  await page.locator(VERDICT).waitFor({ timeout: 30_000 });
  await showStep(page, 1);
  assert.equal(await page.inputValue('#s0-Tags-0-value'), '234567');
  assert.equal(await page.locator('#crash-banner').count(), 0);
});

test('a panic in one widget stops that widget only, and it reloads itself', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const { page, problems, rendered } = await openApp(browser, 'demo/', { width: 1000, height: 900 });
  const widget = (n) => page.locator('[data-iamplay]').nth(n);
  const verdict = (n) => widget(n).locator('.outcome .verdict');
  await rendered('[data-iamplay] >> nth=0 >> .outcome .verdict');
  await verdict(1).waitFor();
  await page.evaluate(() => {
    window.crashes = [];
    document.addEventListener('iamplay-crash', (e) => window.crashes.push(e.target.dataset.step));
  });
  await armFailure(page);
  await widget(0).locator('#s1-RoleSessionName').fill('not a valid name');
  const message = widget(0).locator('.problem.crashed');
  await message.waitFor();
  assert.match(await message.textContent(), /停止工作.*不受影响/);
  assert.deepEqual(await page.evaluate(() => window.crashes), ['2']);
  assert.ok(problems.some((p) => /a failure made by the test/.test(p)), problems.join('\n'));
  t.diagnostic(`screenshot: ${await screenshot(page, 'widget-crashed')}`);

  // The other widget and the page go on.
  await widget(1).locator('#s2-action').fill('s3:DeleteObject');
  await verdict(1).filter({ hasText: '隐式拒绝' }).waitFor();
  assert.equal(await page.locator('h1').textContent(), '智慧学：用临时凭证跨账户读取课程视频');

  // Reloaded, the widget is back as the page gave it, on an engine of its own.
  await message.locator('button', { hasText: '重新加载小组件' }).click();
  await verdict(0).filter({ hasText: '允许' }).waitFor({ timeout: 30_000 });
  await widget(0).locator('#s1-DurationSeconds').fill('50000');
  await verdict(0).filter({ hasText: '调用失败' }).waitFor();
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.wasm')));
  assert.equal(fetched.length, 1, 'the engine is downloaded once, however many instances run');
});
