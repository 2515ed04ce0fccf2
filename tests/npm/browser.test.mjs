// The packed package's browser build, loaded by a plain page (an import map, no bundler) in
// headless Chromium: `init()` fetches the wasm next to the module, and the engine runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const { launch } = await import(process.env.IAMPLAY_BROWSER_HELPER);
const PAGE = new URL('browser/index.html', process.env.IAMPLAY_URL).href;

test('the browser build loads with init() and runs a built-in lesson', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(PAGE);
  await page
    .waitForFunction(() => window.iamplayResult !== undefined, null, { timeout: 30_000 })
    .catch((error) => assert.fail(`${error.message}; ${problems.join('; ') || 'nothing reported'}`));
  const result = await page.evaluate(() => window.iamplayResult);
  assert.equal(result.error, undefined, result.error);
  assert.match(result.version, /^\d+\.\d+\.\d+$/);
  assert.equal(result.title, '智慧學：用臨時憑證跨帳戶讀取課程影片');
  assert.equal(result.passed, true);
  assert.ok(result.steps >= 5);
  assert.equal(result.decision, 'Allow');
  assert.match(result.headline, /允許/);
  assert.deepEqual(problems, []);
});
