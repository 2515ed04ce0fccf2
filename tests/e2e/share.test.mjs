// Share links: the whole scenario in the address's fragment, `?scenario=` for a built-in lesson,
// `?lang=` for the language; a broken link is refused with the reason.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { VERDICT, launch, openApp, screenshot } from './browser.mjs';

test('a copied link opens the edited scenario in another browser', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const { page, rendered } = await openApp(browser, '?scenario=per-user-folders');
  await rendered(VERDICT);
  assert.equal(await page.inputValue('#scenario-picker'), 'builtin:per-user-folders');
  assert.equal(new URL(page.url()).search, '', 'the address is cleaned once read');
  await page.locator('.steps li button').first().click();
  await page.fill('#s0-Tags-0-value', '234567');
  await page.locator('header button', { hasText: 'Copy link' }).click();
  const url = await page.inputValue('#share-link');
  assert.match(url, /#1b\.per-user-folders\./, 'an edit of a built-in lesson is a short link');
  assert.ok(url.length < 400, `the link is ${url.length} characters`);
  t.diagnostic(`screenshot: ${await screenshot(page, 'share-link')}`);

  // A fresh browser context: nothing stored.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const other = await context.newPage();
  await other.goto(url);
  await other.locator(VERDICT).waitFor();
  assert.equal(await other.inputValue('#scenario-picker'), 'imported');
  await other.locator('.steps li button').first().click();
  assert.equal(await other.inputValue('#s0-Tags-0-value'), '234567');
  await other.locator('.steps li button').nth(1).click();
  await other.locator(VERDICT, { hasText: 'Implicitly denied' }).waitFor();
});

test('?lang= picks the language, and a broken link says why and opens the default lesson', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const { page, rendered } = await openApp(browser, '?lang=zh-TW#1.not-a-scenario');
  await rendered(VERDICT);
  assert.equal(await page.inputValue('#lang-picker'), 'zh-TW');
  await page.locator('.notice').waitFor();
  assert.match(await page.locator('.notice').textContent(), /無法開啟分享的連結/);
  assert.equal(await page.inputValue('#scenario-picker'), 'builtin:course-platform');
  t.diagnostic(`screenshot: ${await screenshot(page, 'share-refused')}`);
});

test('real-looking keys pasted into a tag get a warning and stay out of the link', async (t) => {
  // Shaped like a real access key pair, belonging to no one.
  const keyId = 'AKIAQ3EGRRXHV7DLLGTB';
  const secret = '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';
  const browser = await launch();
  t.after(() => browser.close());
  const { page, rendered } = await openApp(browser, '?scenario=per-user-folders');
  await rendered(VERDICT);
  assert.equal(await page.locator('.notice.credentials').count(), 0, 'no warning for a lesson');
  await page.locator('.steps li button').first().click();
  await page.fill('#s0-Tags-0-value', `${keyId} ${secret}`);
  const warning = page.locator('.notice.credentials');
  await warning.waitFor();
  assert.match(await warning.textContent(), /real AWS access key/);
  assert.match(await warning.textContent(), /\/steps\/0\/call\/AssumeRole\/Tags\/0\/Value/i);
  await page.locator('header button', { hasText: 'Copy link' }).click();
  const url = await page.inputValue('#share-link');
  await page.locator('.share-link .left-out').waitFor();
  t.diagnostic(`screenshot: ${await screenshot(page, 'credentials-warning')}`);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const other = await context.newPage();
  await other.goto(url);
  await other.locator(VERDICT).waitFor();
  await other.locator('.steps li button').first().click();
  assert.equal(await other.inputValue('#s0-Tags-0-value'), 'REDACTED REDACTED');
  assert.equal(await other.locator('.notice.credentials').count(), 0);
  // The edit the user typed stays in their own browser, unchanged.
  assert.equal(await page.inputValue('#s0-Tags-0-value'), `${keyId} ${secret}`);
});
