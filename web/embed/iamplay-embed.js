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
// event (detail: {step, decision, expected}) whenever the decision it shows is made, and an
// `iamplay-crash` event if it stops working (it then offers to reload itself).
//
// From a script: `import { mount } from '.../iamplay-embed.js'`, then
// `const widget = mount(element, {scenario, lang, view, step, readonly, onDecision, ...})`;
// `widget.setScenario(...)`, `widget.setLang('en')`, `widget.destroy()`; `await widget.ready`.
//
// The engine (WebAssembly) is downloaded and compiled once for every widget on the page, and
// each widget runs in an instance of its own: one that fails takes no other down with it.
// Lessons are fetched from `scenarios/` beside this file, once each. Nothing else is ever
// fetched or sent.

import * as firstEngine from './iamplay-embed-engine.js';

/** The full playground, relative to this file (null: none; then widgets link nowhere). */
const PLAYGROUND = './';

const here = new URL('./', import.meta.url);
const lessons = new Map();
const widgets = new WeakMap();

let compiled;
let made = 0;
/** Engines that have not failed; `spare` is one no widget has taken yet. */
const live = new Set();
let spare;

/** The engine's WebAssembly, downloaded and compiled once. */
function compile() {
  compiled ??= (async () => {
    const response = await fetch(new URL('iamplay-embed-engine_bg.wasm', here));
    if (!response.ok) throw new Error(`iamplay: cannot load the engine (HTTP ${response.status})`);
    const copy = response.clone();
    try {
      return await WebAssembly.compileStreaming(response);
    } catch {
      // A host that does not serve .wasm as application/wasm.
      return WebAssembly.compile(await copy.arrayBuffer());
    }
  })();
  compiled.catch(() => { compiled = undefined; });
  return compiled;
}

/**
 * A new engine: an instance of the compiled WebAssembly with its own copy of the bindings
 * (a module is instantiated once per URL, hence the query). Where that import is refused (a
 * bundler that rewrote this file), the widgets share the first engine.
 */
async function newEngine() {
  const module = await compile();
  made += 1;
  let bindings = firstEngine;
  if (made > 1) {
    const url = new URL(`iamplay-embed-engine.js?engine=${made}`, import.meta.url).href;
    bindings = await import(/* @vite-ignore */ /* webpackIgnore: true */ url).catch(() => firstEngine);
  }
  await bindings.default({ module_or_path: module });
  live.add(bindings);
  return bindings;
}

/** An engine for calls that show nothing: any that has not failed, else the spare. */
function load() {
  for (const bindings of live) return Promise.resolve(bindings);
  spare ??= newEngine();
  return spare;
}

/** An engine for a widget: the spare if no widget has it yet, else a new one. */
function engineForWidget() {
  const taken = spare;
  spare = undefined;
  return taken ?? newEngine();
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
    const id = (await load()).shareBase(String(prepared.share));
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
  let engine = null;
  let prepared = null;
  let stopped = false;
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
  /** The widget on an engine of its own, as last prepared. */
  const start = async () => {
    engine = await engineForWidget();
    widget = engine.mount(element, prepared);
  };
  // A panic stopped the widget's engine for good (the engine has drawn the message already):
  // never call into it again.
  const crashed = () => {
    live.delete(engine);
    widget = null;
    stopped = true;
  };
  // The message's button: the widget again, on a fresh engine.
  const clicked = (event) => {
    const target = event.composedPath()[0];
    if (stopped && target instanceof Element && target.closest('[data-iamplay-reload]')) {
      stopped = false;
      then(start);
    }
  };
  element.addEventListener('iamplay-crash', crashed);
  element.addEventListener('click', clicked);
  element.setAttribute('aria-busy', 'true');
  const handle = {
    ready: undefined,
    setScenario: (scenario) =>
      then(async () => {
        const next = await prepare(source(scenario));
        prepared = { ...prepared, scenario: undefined, scenarioJson: undefined, share: undefined, shareBase: undefined, ...next };
        widget?.setScenario(next);
      }),
    setLang: (lang) =>
      then(() => {
        widget?.setLang(lang);
        prepared = { ...prepared, lang };
      }),
    destroy: () =>
      then(() => {
        element.removeEventListener('iamplay-crash', crashed);
        element.removeEventListener('click', clicked);
        if (widget) widget.destroy();
        else element.shadowRoot?.replaceChildren();
        widget = null;
        widgets.delete(element);
      }),
  };
  handle.ready = then(async () => {
    prepared = await prepare(engineOptions);
    await start();
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
  return (await load()).version();
}

if (typeof document !== 'undefined') {
  mountAll();
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) if (node instanceof Element) mountAll(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
