// The playground's release build measured: the size of dist/ (raw and gzipped, as a static host
// would serve it) and, in headless Chromium, how long each built-in scenario takes to evaluate
// in the page (the app times every evaluation and shows it in the decision panel).
//
// Run by `cargo xtask bench`: node playground.mjs DIST URL TOOLS CHROMIUM ARGS(\n-separated)
// Prints one JSON object per line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist, url, tools, chromium, args] = process.argv.slice(2);

let bytes = 0;
let gzipBytes = 0;
for (const name of readdirSync(dist)) {
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const data = readFileSync(path);
  bytes += data.length;
  gzipBytes += gzipSync(data, { level: 9 }).length;
}
console.log(JSON.stringify({ name: 'dist size', bytes, gzipBytes }));

const require = createRequire(join(tools, 'package.json'));
const { chromium: browserType } = require('playwright-core');
const browser = await browserType.launch({ executablePath: chromium, headless: true, args: args.split('\n') });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.locator('.decision [data-eval-ms]').waitFor({ timeout: 30_000 });
  const ids = await page.$$eval('#scenario-picker option', (options) =>
    options.map((o) => o.value).filter((v) => v.startsWith('builtin:')));
  const ROUNDS = 5;
  const times = new Map(ids.map((id) => [id, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const id of ids) {
      await page.selectOption('#scenario-picker', id);
      // Each opening is evaluated once; wait for the evaluation of this scenario.
      await page.waitForFunction(
        (want) => document.querySelector('.decision [data-eval-ms]')?.dataset.scenario === want,
        id.slice('builtin:'.length),
      );
      const ms = Number(await page.getAttribute('.decision [data-eval-ms]', 'data-eval-ms'));
      times.get(id).push(ms);
    }
  }
  for (const [id, values] of times) {
    values.sort((a, b) => a - b);
    console.log(JSON.stringify({
      name: `playground evaluate ${id.slice('builtin:'.length)}`,
      medianMillis: values[Math.floor(values.length / 2)],
      maxMillis: values[values.length - 1],
    }));
  }
} finally {
  await browser.close();
}
