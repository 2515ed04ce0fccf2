// The embeddable widget on the demo lesson page (dist/demo/): two widgets in Chinese, each on
// its own; the page's styles and the widgets' never cross; the iframe form; the JS API.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { APP_URL, launch, openApp, screenshot } from './browser.mjs';

const DEMO = 'demo/';
const WIDGETS = '[data-iamplay]';
const widget = (page, n) => page.locator(WIDGETS).nth(n);
const verdict = (page, n) => widget(page, n).locator('.outcome .verdict');

/** The demo page, both widgets showing a decision. */
async function openDemo(browser) {
  const opened = await openApp(browser, DEMO, { width: 1000, height: 900 });
  await opened.rendered(`${WIDGETS} >> nth=0 >> .outcome .verdict`);
  await verdict(opened.page, 1).waitFor();
  return opened;
}

test('both widgets of the demo lesson show their step decided, in Chinese', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const { page, problems } = await openDemo(browser);
  assert.equal(await page.locator(WIDGETS).count(), 2);
  for (const n of [0, 1]) {
    assert.equal(await verdict(page, n).textContent(), '允许');
    assert.match(await widget(page, n).locator('.paragraph').textContent(), /^允许：.*语句/);
    assert.equal(await widget(page, n).locator('.iamplay').getAttribute('lang'), 'zh-CN');
  }
  // The first shows the AssumeRole call; the second the request, after the call that made
  // its credentials.
  assert.equal(await widget(page, 0).locator('#s1-RoleArn').inputValue(),
    'arn:aws:iam::111122223333:role/CourseAccessRole');
  assert.equal(await widget(page, 1).locator('#s2-action').inputValue(), 's3:GetObject');
  const link = await widget(page, 1).locator('.open a').getAttribute('href');
  assert.ok(link.startsWith(new URL('../', new URL('embed/', APP_URL)).href + '#'), link);
  // The engine was downloaded once for both widgets (each runs its own instance), and the lesson once.
  const fetched = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
  assert.equal(fetched.filter((p) => p.endsWith('.wasm')).length, 1, fetched.join('\n'));
  assert.equal(fetched.filter((p) => p.endsWith('/course-platform.json')).length, 1, fetched.join('\n'));
  assert.deepEqual(problems, []);
  t.diagnostic(`screenshot: ${await screenshot(page, 'embed-demo')}`);

  // Dark when the reader's system is.
  const background = () => widget(page, 0).locator('.iamplay')
    .evaluate((root) => getComputedStyle(root).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(), 'rgb(13, 17, 23)');
  t.diagnostic(`screenshot: ${await screenshot(page, 'embed-demo-dark')}`);
  await page.emulateMedia({ colorScheme: 'light' });

  // The open link shows the same scenario in the full playground.
  const full = await browser.newPage();
  await full.goto(link);
  await full.locator('.decision .verdict .word').waitFor();
  assert.equal(await full.inputValue('#scenario-picker'), 'imported');
});

test('editing one widget changes its decision and leaves the other as it was', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const { page } = await openDemo(browser);
  await page.evaluate(() => {
    window.decided = [];
    document.addEventListener('iamplay-decision', (e) => window.decided.push(e.detail));
  });
  const before = await widget(page, 0).locator('.iamplay').innerHTML();
  await widget(page, 1).locator('#s2-action').fill('s3:DeleteObject');
  await verdict(page, 1).filter({ hasText: '隐式拒绝' }).waitFor();
  assert.match(await widget(page, 1).locator('.paragraph').textContent(), /s3:DeleteObject/);
  assert.equal(await verdict(page, 0).textContent(), '允许');
  assert.equal(await widget(page, 0).locator('.iamplay').innerHTML(), before);
  const decided = await page.evaluate(() => window.decided);
  assert.deepEqual(decided.at(-1), { step: 3, decision: 'ImplicitDeny', expected: 'Allow' });
  t.diagnostic(`screenshot: ${await screenshot(page, 'embed-edited')}`);
});

test("the page's styles are untouched, and do not reach into the widgets", async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const PAGE_ELEMENTS = ['body', 'h1', 'h2', 'p', '.note', 'code', 'pre', 'li', 'main', '.try'];
  const PROPERTIES = ['font-family', 'font-size', 'color', 'background-color', 'line-height',
    'letter-spacing', 'text-transform', 'margin-top', 'padding-left', 'border-top-width'];
  const styles = (page) => page.evaluate(([elements, properties]) => elements.map((selector) => {
    const style = getComputedStyle(document.querySelector(selector));
    return [selector, properties.map((p) => `${p}: ${style.getPropertyValue(p)}`)];
  }), [PAGE_ELEMENTS, PROPERTIES]);

  const { page } = await openDemo(browser);
  const withWidgets = await styles(page);
  const bare = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await bare.route('**/iamplay-embed.js', (route) => route.abort());
  await bare.goto(APP_URL + DEMO);
  await bare.locator('h1').waitFor();
  assert.deepEqual(withWidgets, await styles(bare), 'the widgets changed the page\'s styles');

  // The page styles every input with a pink 2px border, capitals and wide letters, in a
  // serif font with tall lines: none of it reaches a widget.
  const inner = await widget(page, 0).locator('#s1-RoleSessionName').evaluate((input) => {
    const style = getComputedStyle(input);
    const root = getComputedStyle(input.closest('.iamplay'));
    return {
      border: style.borderTopWidth, transform: style.textTransform, spacing: root.letterSpacing,
      font: root.fontFamily, lineHeight: parseFloat(root.lineHeight) / parseFloat(root.fontSize),
    };
  });
  assert.equal(inner.border, '1px');
  assert.equal(inner.transform, 'none');
  assert.equal(inner.spacing, 'normal');
  assert.doesNotMatch(inner.font, /Georgia/);
  assert.ok(Math.abs(inner.lineHeight - 1.5) < 0.01, `line height ${inner.lineHeight}`);
});

test('the iframe form opens a share link, and the JS API mounts, changes and removes widgets', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  // A link from the playground: the lesson per-user-folders with the session tag changed.
  const { page } = await openApp(browser, '?scenario=per-user-folders');
  await page.locator('.decision .verdict .word').waitFor();
  await page.locator('.steps li button').first().click();
  await page.fill('#s0-Tags-0-value', '234567');
  await page.locator('header button', { hasText: 'Copy link' }).click();
  const link = new URL(await page.inputValue('#share-link')).hash;
  assert.match(link, /^#1b\.per-user-folders\./);

  const host = await browser.newPage({ viewport: { width: 900, height: 600 } });
  await host.setContent(`<!doctype html><h1>A page that runs no scripts of its own</h1>
    <iframe src="${APP_URL}embed/embed.html?lang=zh-TW&step=2${link}" width="800" height="430"
      title="iamplay"></iframe>`);
  const frame = host.frameLocator('iframe');
  await frame.locator('.outcome .verdict', { hasText: '隱含拒絕' }).waitFor({ timeout: 30_000 });
  assert.equal(await frame.locator('#s0-Tags-0-value').inputValue(), '234567');
  assert.match(await frame.locator('.paragraph').textContent(), /234567|123456/);
  t.diagnostic(`screenshot: ${await screenshot(host, 'embed-iframe')}`);

  // The API on the demo page: a third widget, in English, then another lesson, another
  // language, and gone; an unknown lesson says which there are.
  const demo = (await openDemo(browser)).page;
  const result = await demo.evaluate(async (url) => {
    const { mount } = await import(url);
    const element = document.createElement('div');
    document.querySelector('main').append(element);
    const seen = [];
    const widget = mount(element, { scenario: 'per-user-folders', lang: 'en', step: 2, onDecision: (d) => seen.push(d) });
    await widget.ready;
    // Widgets render on the browser's next turn: wait for what is expected.
    const until = async (read, want) => {
      for (let i = 0; i < 250 && !want(read()); i++) await new Promise((r) => setTimeout(r, 20));
      return read();
    };
    const text = () => element.shadowRoot.querySelector('.outcome .verdict')?.textContent;
    const first = await until(text, (v) => v);
    await widget.setLang('zh-TW');
    const translated = await until(text, (v) => v !== first);
    await widget.setScenario('no-such-lesson');
    const refused = await until(() => element.shadowRoot.querySelector('.problem')?.textContent, (v) => v);
    await widget.destroy();
    const wasm = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length;
    return { first, translated, refused, seen, left: element.shadowRoot.childElementCount, wasm };
  }, `${APP_URL}embed/iamplay-embed.js`);
  assert.equal(result.first, 'Allowed');
  assert.equal(result.translated, '允許');
  assert.match(result.refused, /no-such-lesson.*per-user-folders/);
  assert.deepEqual(result.seen[0], { step: 2, decision: 'Allow', expected: 'Allow' });
  assert.equal(result.left, 0);
  assert.equal(result.wasm, 1, 'three widgets, one download of the engine');
});
