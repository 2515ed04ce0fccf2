// iamplay-embed.js: live iamplay widgets on any page, with no server and no build step.
//
//   <script type="module" src="https://example.org/iamplay/iamplay-embed.js"></script>
//   <div data-iamplay data-scenario="per-user-folders" data-lang="zh-CN" data-step="3"></div>
//
// Every element with `data-iamplay` becomes a widget (also ones added later). Attributes:
// data-scenario (a lesson's id) or data-share (a share link) or data-scenario-json, data-lang
// (en, zh-CN, zh-TW; else the page's), data-view (decision or full), data-step (from 1),
// data-readonly, data-height (pixels or a CSS length), data-theme (light, dark, auto),
// data-playground (the full playground's address). Each widget sends an `iamplay-decision`
// event (detail: {step, decision, expected}) whenever the decision it shows is made.
//
// From a script: `import { mount } from '.../iamplay-embed.js'`, then
// `const widget = mount(element, {scenario, lang, view, step, readonly, onDecision, ...})`;
// `widget.setScenario(...)`, `widget.setLang('en')`, `widget.destroy()`; `await widget.ready`.
//
// The engine (WebAssembly) is loaded once for every widget on the page; lessons are fetched
// from `scenarios/` beside this file, once each. Nothing else is ever fetched or sent.

import init, { mount as mountWidget, shareBase, version as engineVersion } from './iamplay-embed-engine.js';

/** The full playground, relative to this file (null: none; then widgets link nowhere). */
const PLAYGROUND = './';

const here = new URL('./', import.meta.url);
let engine;
const lessons = new Map();
const widgets = new WeakMap();

/** Loads the engine, once. */
function load() {
  engine ??= init();
  return engine;
}

/** A lesson's text, fetched once (null when there is no such lesson). */
function lesson(id) {
  if (!lessons.has(id)) {
    const url = new URL(`scenarios/${encodeURIComponent(id)}.json`, here);
    lessons.set(
      id,
      fetch(url).then((r) => (r.ok ? r.text() : null), () => null),
    );
  }
  return lessons.get(id);
}

/** A scenario named by a string: a share link (`#...`), a document (`{...}`) or a lesson. */
function source(value) {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text.startsWith('#')) return { share: text };
  if (text.startsWith('{')) return { scenarioJson: text };
  return { scenario: text };
}

/** The options as the engine takes them: the lesson's text fetched, the playground found. */
async function prepare(options) {
  const prepared = { ...options };
  if (prepared.scenario && prepared.scenarioJson == null && prepared.share == null) {
    const text = await lesson(String(prepared.scenario));
    // An unknown lesson stays an id: the widget then says which lessons there are.
    if (text != null) {
      prepared.scenarioJson = text;
      delete prepared.scenario;
    }
  }
  if (prepared.share != null) {
    await load();
    const id = shareBase(String(prepared.share));
    if (id && prepared.shareBase == null) prepared.shareBase = (await lesson(id)) ?? undefined;
  }
  if (prepared.playground === undefined && PLAYGROUND !== null) {
    prepared.playground = new URL(PLAYGROUND, here).href;
  }
  return prepared;
}

function report(element, error) {
  console.error(error);
  if (!element.shadowRoot) element.textContent = String(error?.message ?? error);
}

/**
 * Mounts a widget into `element` (a `<div>`, say). Returns its handle at once; the widget
 * appears when the engine has loaded (`await handle.ready`).
 */
export function mount(element, options = {}) {
  if (!(element instanceof Element)) {
    throw new TypeError('iamplay: mount(element, options) takes an element');
  }
  let widget = null;
  let queue = Promise.resolve();
  const then = (step) => {
    queue = queue.then(step).catch((error) => report(element, error));
    return queue;
  };
  const onDecision = options.onDecision;
  const engineOptions = {
    ...options,
    onDecision(decided) {
      element.dispatchEvent(new CustomEvent('iamplay-decision', { detail: decided, bubbles: true }));
      if (typeof onDecision === 'function') onDecision(decided);
    },
  };
  element.setAttribute('aria-busy', 'true');
  const handle = {
    ready: undefined,
    setScenario: (scenario) =>
      then(async () => widget?.setScenario(await prepare(source(scenario)))),
    setLang: (lang) => then(() => widget?.setLang(lang)),
    destroy: () =>
      then(() => {
        widget?.destroy();
        widget = null;
        widgets.delete(element);
      }),
  };
  handle.ready = then(async () => {
    const prepared = await prepare(engineOptions);
    await load();
    widget = mountWidget(element, prepared);
  })
    .finally(() => element.removeAttribute('aria-busy'))
    .then(() => handle);
  widgets.set(element, handle);
  return handle;
}

/** Mounts every `data-iamplay` element under `root` that has no widget yet. */
export function mountAll(root = document) {
  const found = root.querySelectorAll ? [...root.querySelectorAll('[data-iamplay]')] : [];
  if (root instanceof Element && root.matches('[data-iamplay]')) found.unshift(root);
  return found.filter((element) => !widgets.has(element)).map((element) => mount(element, { ...element.dataset }));
}

/** The engine's version. */
export async function version() {
  await load();
  return engineVersion();
}

if (typeof document !== 'undefined') {
  mountAll();
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) if (node instanceof Element) mountAll(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
