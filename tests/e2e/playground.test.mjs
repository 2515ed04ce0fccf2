// The release build of the playground, served from a sub-path of a static host, renders in a
// browser with nothing failing on the way.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { launch, openApp, screenshot } from './browser.mjs';

test('the playground renders from a sub-path of a static host', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const { page, problems, rendered } = await openApp(browser);

  try {
    await rendered('header h1');
  } finally {
    t.diagnostic(`screenshot: ${await screenshot(page, 'playground')}`);
  }
  assert.equal(await page.locator('header h1').textContent(), 'iamplay');
  assert.match(await page.locator('header .version').textContent(), /^v\d+\.\d+\.\d+/);
  assert.deepEqual(problems, [], 'nothing may fail while the page loads');
});
