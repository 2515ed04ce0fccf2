// Types of iamplay-embed.js: live iamplay widgets on any page.

/** A decision a widget shows. */
export interface Decided {
  /** The step, counted from 1. */
  step: number;
  /** `Allow`, `ExplicitDeny`, `ImplicitDeny`, or the error code of a call that failed. */
  decision: string | null;
  /** What the scenario expects of the step, if it says. */
  expected: string | null;
}

/** What a widget shows and how. */
export interface WidgetOptions {
  /** A built-in lesson's id, e.g. `per-user-folders`. */
  scenario?: string;
  /** A scenario document, as JSON text or an object. */
  scenarioJson?: string | object;
  /** A share link (the playground's "Copy link", with or without `#`). */
  share?: string;
  /** `en`, `zh-CN` or `zh-TW`; else the page's `lang`. */
  lang?: string;
  /** `decision` (one step; the default) or `full` (every step, each explained as a tree). */
  view?: 'decision' | 'full';
  /** The step shown first, counted from 1. */
  step?: number | string;
  /** Whether the reader may not edit it. */
  readonly?: boolean | string;
  /** Its height: pixels, or any CSS length; else as tall as its content. */
  height?: number | string;
  /** `light`, `dark` or `auto` (the reader's system). */
  theme?: 'light' | 'dark' | 'auto';
  /** The full playground's address, for "open in the full playground". */
  playground?: string;
  /** Called whenever the decision the widget shows is made. */
  onDecision?: (decided: Decided) => void;
}

/** A widget on the page. */
export interface WidgetHandle {
  /** Resolves once the widget is on the page. */
  ready: Promise<WidgetHandle>;
  /** Opens another scenario: a lesson's id, `#` and a share link, JSON text, or options. */
  setScenario(scenario: string | Pick<WidgetOptions, 'scenario' | 'scenarioJson' | 'share'>): Promise<void>;
  /** Speaks another language, keeping the reader's edits. */
  setLang(lang: string): Promise<void>;
  /** Removes the widget. */
  destroy(): Promise<void>;
}

/** Mounts a widget into `element`. */
export function mount(element: Element, options?: WidgetOptions): WidgetHandle;

/** Mounts every `data-iamplay` element under `root` that has no widget yet. */
export function mountAll(root?: ParentNode): WidgetHandle[];

/** The engine's version. */
export function version(): Promise<string>;
