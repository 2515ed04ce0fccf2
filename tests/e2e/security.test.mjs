// The page, locked down: after load the playground sends nothing and breaks no rule of its
// Content-Security-Policy through a whole session; every HTML page of dist/ declares the
// policy, and the server sends what a <meta> cannot say (frame-ancestors, nosniff, no
// referrer), as dist/_headers asks a host to; a site on another origin cannot frame the
// playground but can frame the widget, and runs the widget script under its own strict policy;
// text a user or a link brings never becomes markup.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  APP_URL, VERDICT, launch, openScenario, screenshot, showStep, verdictIs,
} from './browser.mjs';

/** Every page (and frame) reports its policy violations to the test. */
function recordViolations(context) {
  return context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const seen = `${event.effectiveDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`;
      // The top page collects; a frame reports to its own window.
      (window.iamplayViolations ??= []).push(seen);
    });
  });
}

/** Everything the page asks the network for, and the console errors, from now on. */
function recordTraffic(page) {
  const traffic = { requests: [], errors: [] };
  page.on('request', (request) => traffic.requests.push(`${request.method()} ${request.url()}`));
  page.on('console', (message) => {
    if (message.type() === 'error') traffic.errors.push(message.text());
  });
  return traffic;
}

const violations = (page) => page.evaluate(() => window.iamplayViolations ?? []);

test('a whole session sends nothing after load and breaks no rule of the policy', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordViolations(context);
  const page = await context.newPage();
  const loading = recordTraffic(page);
  await page.goto(APP_URL);
  await page.locator(VERDICT).waitFor({ timeout: 30_000 });
  assert.ok(loading.requests.length > 3, 'the page loaded its files');
  assert.ok(loading.requests.every((r) => r.startsWith(`GET ${new URL(APP_URL).origin}/`)),
    loading.requests.join('\n'));

  const session = recordTraffic(page);
  for (const id of ['per-user-folders', 'role-chaining', 'session-policy', 'confused-deputy']) {
    await openScenario(page, id);
    await showStep(page, 2);
  }
  await openScenario(page, 'per-user-folders');
  // Edit a policy: the trust policy of the role, a Deny for everyone added.
  await page.locator('.world details.role summary', { hasText: 'AssumedRole' }).first().click();
  const trust = JSON.parse(await page.inputValue('#a0-r0-trust'));
  trust.Statement.push({ Sid: 'NobodyToday', Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' });
  await page.fill('#a0-r0-trust', JSON.stringify(trust, null, 2));
  await showStep(page, 1);
  await verdictIs(page, 'Explicitly denied');
  await page.fill('#s0-RoleSessionName', 'user-234567');
  await page.locator('header button', { hasText: 'Copy link' }).click();
  const link = await page.inputValue('#share-link');
  await page.selectOption('#lang-picker', 'zh-TW');
  await verdictIs(page, '明確拒絕');
  assert.deepEqual(session.requests, [], 'nothing may be fetched or sent after the page has loaded');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual([...loading.errors, ...session.errors], []);

  // The link, opened: loads the page again, then nothing more.
  const opened = await context.newPage();
  const reloading = recordTraffic(opened);
  await opened.goto(link);
  await opened.locator(VERDICT).waitFor({ timeout: 30_000 });
  const after = recordTraffic(opened);
  await opened.locator('.steps li button').first().click();
  await verdictIs(opened, '明確拒絕');
  assert.equal(await opened.inputValue('#s0-RoleSessionName'), 'user-234567');
  await opened.selectOption('#lang-picker', 'en');
  await verdictIs(opened, 'Explicitly denied');
  assert.deepEqual(after.requests, []);
  assert.deepEqual(await violations(opened), []);
  assert.deepEqual([...reloading.errors, ...after.errors], []);
  t.diagnostic(`screenshot: ${await screenshot(opened, 'security-session')}`);
});

/** The HTML pages of dist/, as paths under the served folder. */
function htmlPages() {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  const pages = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) pages.push(relative(dist, path).split('\\').join('/'));
    }
  };
  walk(dist);
  return pages.sort();
}

/** The directives of a policy, by name. */
function directives(policy) {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values];
  }));
}

test('every page declares the policy, and the server sends what a <meta> cannot say', async () => {
  const pages = htmlPages();
  assert.deepEqual(pages, ['demo/index.html', 'embed/embed.html', 'index.html']);
  for (const path of pages) {
    const response = await fetch(APP_URL + path);
    assert.equal(response.status, 200, path);
    const html = await response.text();
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
    assert.equal(metas.length, 1, `${path}: one policy in a <meta>`);
    const declared = directives(metas[0][1]);
    assert.deepEqual(declared.get('default-src'), ["'none'"], path);
    const scripts = declared.get('script-src');
    assert.ok(scripts, `${path}: script-src`);
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", 'data:', 'blob:', '*']) {
      assert.ok(!scripts.includes(unsafe), `${path}: script-src allows ${unsafe}`);
    }
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${path}: an inline script`);
    assert.doesNotMatch(html, /\son[a-z]+=/i, `${path}: an inline event handler`);

    const headers = response.headers;
    const sent = directives(headers.get('content-security-policy') ?? '');
    assert.deepEqual(sent.get('script-src'), scripts, `${path}: the header has the same policy`);
    assert.equal(headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(headers.get('referrer-policy'), 'no-referrer', path);
    if (path.startsWith('embed/')) {
      assert.equal(sent.get('frame-ancestors'), undefined, `${path}: any site may frame it`);
      assert.equal(headers.get('x-frame-options'), null, path);
    } else {
      assert.deepEqual(sent.get('frame-ancestors'), ["'none'"], path);
      assert.equal(headers.get('x-frame-options'), 'DENY', path);
    }
  }
  for (const file of ['start.js', 'embed/iamplay-embed.js', 'embed/iamplay-embed-engine_bg.wasm']) {
    const response = await fetch(APP_URL + file);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', file);
  }
  // The widget's files are for pages of any origin; the playground's are not.
  const widget = await fetch(APP_URL + 'embed/iamplay-embed.js');
  assert.equal(widget.headers.get('access-control-allow-origin'), '*');
  assert.equal((await fetch(APP_URL + 'start.js')).headers.get('access-control-allow-origin'), null);
  assert.equal((await fetch(APP_URL + '_headers')).status, 404, 'the host reads _headers; it serves it not');
});

/**
 * A course site on another origin (another loopback port: Chromium lets no public origin reach
 * a loopback one, which a page a test answers itself would count as), serving `pages` (path →
 * HTML); stopped after the test. Returns its origin.
 */
async function courseSite(t, pages) {
  const server = createServer((request, response) => {
    const body = pages[new URL(request.url, 'http://x').pathname];
    response.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(body ?? 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${server.address().port}`;
}

/** A browser context that records every page's policy violations. */
async function recordingContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  await recordViolations(context);
  return context;
}

test('a site on another origin cannot frame the playground, but can frame the widget', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const course = await courseSite(t, {
    '/lesson.html': `<!doctype html><html lang="en"><title>A course</title><h1>Lesson 1</h1>
      <iframe id="app" src="${APP_URL}" width="900" height="300" title="playground"></iframe>
      <iframe id="widget" src="${APP_URL}embed/embed.html?scenario=per-user-folders&lang=en&step=2"
        width="900" height="430" title="iamplay"></iframe>`,
  });
  const page = await (await recordingContext(browser)).newPage();
  const traffic = recordTraffic(page);
  await page.goto(`${course}/lesson.html`);
  const widget = page.frameLocator('#widget');
  await widget.locator('.outcome .verdict', { hasText: 'Allowed' }).waitFor({ timeout: 30_000 });
  // By now the playground would have rendered too, had it been let in.
  assert.equal(await page.frameLocator('#app').locator('.app, header h1').count(), 0);
  const frames = page.frames().map((frame) => frame.url());
  assert.ok(!frames.includes(APP_URL), `the playground is in a frame: ${frames.join(', ')}`);
  assert.ok(traffic.errors.some((e) => e.includes("frame-ancestors 'none'")), traffic.errors.join('\n'));
  t.diagnostic(`screenshot: ${await screenshot(page, 'security-framed')}`);
});

test('the widget runs cross-origin on a course page under its own strict policy', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const origin = new URL(APP_URL).origin;
  // No inline script, no inline style, nothing but the widget's origin for scripts and fetches.
  const policy = `default-src 'none'; script-src ${origin} 'wasm-unsafe-eval'; connect-src ${origin}; `
    + "style-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'";
  const course = await courseSite(t, {
    '/strict.html': `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${policy}">
      <script type="module" src="${APP_URL}embed/iamplay-embed.js"></script></head>
      <body><h1>A strict course page</h1>
      <div data-iamplay data-scenario="per-user-folders" data-lang="en" data-step="2"></div>
      <div data-iamplay data-scenario="course-platform" data-lang="zh-TW" data-step="3" data-theme="dark"></div>
      </body></html>`,
  });
  const page = await (await recordingContext(browser)).newPage();
  const traffic = recordTraffic(page);
  await page.goto(`${course}/strict.html`);
  const verdict = (n) => page.locator('[data-iamplay]').nth(n).locator('.outcome .verdict');
  await verdict(0).filter({ hasText: 'Allowed' }).waitFor({ timeout: 30_000 });
  await verdict(1).filter({ hasText: '允許' }).waitFor();
  // Styled (constructed style sheets are no inline style), and alive.
  const background = await page.locator('[data-iamplay]').nth(1).locator('.iamplay')
    .evaluate((root) => getComputedStyle(root).backgroundColor);
  assert.equal(background, 'rgb(13, 17, 23)', 'the dark theme applies');
  await page.locator('[data-iamplay]').nth(0).locator('#s1-action').fill('s3:DeleteObject');
  await verdict(0).filter({ hasText: 'Implicitly denied' }).waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(traffic.errors, []);
  const elsewhere = traffic.requests.filter((r) => !r.startsWith(`GET ${origin}/`) && !r.startsWith(`GET ${course}/`));
  assert.deepEqual(elsewhere, [], 'the widget fetches from its own origin only');
  t.diagnostic(`screenshot: ${await screenshot(page, 'security-strict-course-page')}`);
});

/** Text that would run a script, fetch an image or add elements, were it ever markup. */
const HOSTILE = '<img src=x onerror="window.iamplayPwned=1"><script>window.iamplayPwned=2</script><b>bold</b>';

/** What the document (and every open shadow root) holds that hostile text could have made. */
function madeFromText(page) {
  return page.evaluate(() => {
    const roots = [document];
    const found = [];
    while (roots.length) {
      const root = roots.pop();
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) roots.push(element.shadowRoot);
        if (['IMG', 'B'].includes(element.tagName)) found.push(element.outerHTML);
        if (element.tagName === 'SCRIPT' && !element.src) found.push(element.outerHTML);
        for (const attribute of element.attributes) {
          if (attribute.name.startsWith('on')) found.push(`${element.tagName} ${attribute.name}`);
        }
      }
    }
    return { found, pwned: window.iamplayPwned ?? null };
  });
}

test('text from an editor, a file, a link or a widget never becomes markup', async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordViolations(context);
  const app = await context.newPage();
  await app.goto(APP_URL + '?scenario=per-user-folders');
  await app.locator(VERDICT).waitFor({ timeout: 30_000 });
  const traffic = recordTraffic(app);

  // A tag value: AWS refuses it, and the refusal quotes it.
  await showStep(app, 1);
  await app.fill('#s0-Tags-0-value', HOSTILE);
  await verdictIs(app, 'Call failed');
  assert.ok((await app.locator('main').textContent()).includes('<img src=x'),
    'the page shows the text as text');
  // A policy with the text as its Sid, its principal and its action: findings quote them.
  await app.locator('.world details.role summary', { hasText: 'AssumedRole' }).first().click();
  await app.fill('#a0-r0-trust', JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: HOSTILE, Effect: 'Allow', Principal: { AWS: HOSTILE }, Action: `sts:${HOSTILE}` }],
  }, null, 2));
  await app.locator('#a0-r0-trust-findings li').first().waitFor();
  // A scenario file with the text as its title and its file name.
  const scenario = {
    version: 1,
    title: { en: HOSTILE },
    world: { accounts: [{ id: '111122223333', name: HOSTILE }] },
    steps: [{
      title: { en: HOSTILE },
      as: { principal: 'arn:aws:iam::111122223333:root' },
      request: { action: HOSTILE, resource: HOSTILE },
    }],
  };
  app.once('dialog', (dialog) => dialog.accept());
  await app.setInputFiles('#import-file', {
    name: `${HOSTILE}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)),
  });
  await app.locator('#scenario-picker option[value="imported"]').waitFor({ state: 'attached' });
  assert.ok((await app.locator('#scenario-picker option[value="imported"]').textContent()).includes('<img'));
  // The same scenario as a share link, and a broken link with the text in it.
  await app.locator('header button', { hasText: 'Copy link' }).click();
  const link = await app.inputValue('#share-link');
  assert.deepEqual(await madeFromText(app), { found: [], pwned: null });
  assert.deepEqual(traffic.requests, []);
  assert.deepEqual(await violations(app), []);

  for (const address of [link, `${APP_URL}#${encodeURIComponent(HOSTILE)}`, `${APP_URL}?scenario=${encodeURIComponent(HOSTILE)}`]) {
    const other = await context.newPage();
    await other.goto(address);
    await other.locator(VERDICT).waitFor({ timeout: 30_000 });
    await other.waitForTimeout(300);
    assert.deepEqual(await madeFromText(other), { found: [], pwned: null }, address);
    assert.deepEqual(await violations(other), [], address);
    if (address !== link) await other.locator('.notice').waitFor();
    if (address.includes('?scenario=')) {
      assert.match(await other.locator('.notice').textContent(), /<img src=x/, 'shown as text');
    }
    await other.close();
  }

  // A widget told the text as its scenario, its lesson and its options.
  const demo = await context.newPage();
  await demo.goto(APP_URL + 'demo/');
  await demo.locator('[data-iamplay] >> nth=0 >> .outcome .verdict').waitFor({ timeout: 30_000 });
  await demo.evaluate(async ([url, hostile, json]) => {
    const { mount } = await import(url);
    for (const options of [
      { scenarioJson: json, lang: 'en', view: 'full' },
      { scenario: hostile, lang: hostile, height: hostile, theme: hostile, playground: `javascript:window.iamplayPwned=3//${hostile}` },
      { share: `#${hostile}` },
    ]) {
      const element = document.createElement('div');
      document.querySelector('main').append(element);
      await mount(element, options).ready;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }, [`${APP_URL}embed/iamplay-embed.js`, HOSTILE, JSON.stringify(scenario)]);
  assert.deepEqual(await madeFromText(demo), { found: [], pwned: null });
  assert.deepEqual(await violations(demo), []);
  const links = await demo.evaluate(() => [...document.querySelectorAll('[data-iamplay], main > div')]
    .flatMap((e) => [...(e.shadowRoot?.querySelectorAll('a[href]') ?? [])].map((a) => a.href)));
  assert.ok(links.every((href) => href.startsWith('http')), links.join('\n'));
  t.diagnostic(`screenshot: ${await screenshot(demo, 'security-hostile-widgets')}`);
});
