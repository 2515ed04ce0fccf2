// Shared set-up of the end-to-end tests: headless Chromium through playwright-core, and the
// address of the release build that `cargo xtask test` serves. Run them with `cargo xtask test`,
// which installs the tools, builds dist/, serves it and sets these variables.
import { createRequire } from 'node:module';
import { join } from 'node:path';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the end-to-end tests with \`cargo xtask test\``);
  }
  return value;
}

const require = createRequire(join(required('IAMPLAY_TOOLS'), 'package.json'));
const { chromium } = require('playwright-core');

/** Where the release build is served (a sub-path, ending with `/`). */
export const APP_URL = required('IAMPLAY_URL');

/** Where screenshots go. */
export const ARTIFACTS = required('IAMPLAY_ARTIFACTS');

/** Starts the machine's Chromium, headless; never a browser of playwright's own. */
export function launch() {
  return chromium.launch({
    executablePath: required('IAMPLAY_CHROMIUM'),
    headless: true,
    args: required('IAMPLAY_CHROMIUM_ARGS').split('\n'),
  });
}

/**
 * Opens the playground in a new page and collects everything that went wrong while it loaded:
 * uncaught errors, console errors, failed requests and HTTP errors.
 */
export async function openApp(browser, path = '', viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  let reportCrash;
  const crashed = new Promise((resolve) => { reportCrash = resolve; });
  page.on('pageerror', (error) => {
    problems.push(`uncaught error: ${error.message}`);
    reportCrash();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(APP_URL + path);

  /**
   * Waits until `selector` is visible; fails at once if the page throws first, and says what
   * went wrong while it loaded.
   */
  async function rendered(selector, timeout = 30_000) {
    const shown = page.locator(selector).waitFor({ timeout }).then(() => true);
    const ok = await Promise.race([shown, crashed.then(() => false)]).catch(() => false);
    if (!ok) {
      const why = problems.length ? problems.join('\n  ') : 'no error was reported';
      throw new Error(`the page did not render \`${selector}\`:\n  ${why}`);
    }
  }
  return { page, problems, rendered };
}

/** Saves a full-page screenshot as `<name>.png` among the artifacts and returns its path. */
export async function screenshot(page, name) {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Where the decision panel shows its verdict. */
export const VERDICT = '.decision .verdict .word';

/** Waits until the decision panel shows `word`. */
export async function verdictIs(page, word) {
  await page.locator(VERDICT, { hasText: word }).waitFor({ timeout: 10_000 });
}

/** Opens a built-in scenario from the picker (nothing edited, so nothing to confirm). */
export async function openScenario(page, id) {
  await page.selectOption('#scenario-picker', `builtin:${id}`);
  await page.locator('.steps li').first().waitFor();
}

/** A browser with the playground open on the built-in lesson `id`, closed after the test. */
export async function openLesson(t, id) {
  const browser = await launch();
  t.after(() => browser.close());
  const opened = await openApp(browser);
  await opened.rendered(VERDICT);
  await openScenario(opened.page, id);
  return { browser, ...opened };
}

/** Shows step `n` (1-based). */
export async function showStep(page, n) {
  await page.locator('.steps li button').nth(n - 1).click();
}
