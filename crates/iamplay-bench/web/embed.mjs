// The embeddable widget measured: what a course page loads for it (iamplay-embed.js, the
// engine's JS and its wasm; raw and gzipped, as a static host would serve them), and, in
// headless Chromium, how long the demo lesson page takes until its first widget is
// interactive (its decision shown and its fields ready for input), from a cold cache.
//
// Run by `cargo xtask bench`: node embed.mjs DIST URL TOOLS CHROMIUM ARGS(\n-separated)
// Prints one JSON object per line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist, url, tools, chromium, args] = process.argv.slice(2);

let bytes = 0;
let gzipBytes = 0;
for (const name of ['iamplay-embed.js', 'iamplay-embed-engine.js', 'iamplay-embed-engine_bg.wasm']) {
  const data = readFileSync(join(dist, 'embed', name));
  bytes += data.length;
  gzipBytes += gzipSync(data, { level: 9 }).length;
}
console.log(JSON.stringify({ name: 'embed size', bytes, gzipBytes }));

const require = createRequire(join(tools, 'package.json'));
const { chromium: browserType } = require('playwright-core');
const browser = await browserType.launch({ executablePath: chromium, headless: true, args: args.split('\n') });
try {
  const ROUNDS = 5;
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    // A new context each time: nothing cached.
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}demo/`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => {
      const root = document.querySelector('[data-iamplay]')?.shadowRoot;
      const ready = root?.querySelector('.outcome .verdict') && root.querySelector('input:not([disabled])');
      return ready ? performance.now() : false;
    }, null, { polling: 'raf', timeout: 30_000 });
    times.push(await handle.jsonValue());
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({
    name: 'embed first widget interactive (demo page)',
    medianMillis: times[Math.floor(times.length / 2)],
    maxMillis: times[times.length - 1],
  }));
} finally {
  await browser.close();
}
