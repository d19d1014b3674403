// Helpers for the end-to-end tests (node --test tests/e2e/*.test.mjs).
// Headless Chromium from Debian (/usr/bin/chromium) driven by playwright-core; the site is
// served in-process by scripts/serve.mjs from www/ (build it first: bash scripts/build.sh).
//
//   const site = await startSite({ csp: STRICT_CSP });
//   const browser = await launchBrowser();
//   const { page, response, requests, consoleErrors, cspViolations, pageErrors } =
//     await openPage(browser, site.url);
//   assert.deepEqual(offOrigin(requests, site.url), []);
//   assert.deepEqual(await getCspViolations(page), []);
//   await browser.close(); await site.close();

import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';

export const WWW_DIR = fileURLToPath(new URL('../../www/', import.meta.url));
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Headless Chromium as root on a closed network (see TOOLCHAIN notes). No --user-data-dir:
// Playwright makes its own profile and rejects that flag.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The policy the site must live with: everything from its own origin, wasm allowed to compile.
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  // 'self', not 'none': without WebAssembly the form still submits, to its own page.
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Launch headless Debian Chromium through playwright-core. */
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    ...options,
  });
}

/**
 * Serve www/ on a free port of 127.0.0.1, optionally with a Content-Security-Policy header.
 * @param {{ csp?: string, root?: string, headers?: Record<string,string> }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startSite({ csp, root = WWW_DIR, headers = {} } = {}) {
  const all = { ...headers };
  if (csp) all['Content-Security-Policy'] = csp;
  const { url, close } = await startServer({ root, port: 0, headers: all });
  return { url, close };
}

// Runs in the page before any of its scripts: collect CSP violations.
const CSP_LISTENER = () => {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const v = {
        violatedDirective: e.violatedDirective,
        effectiveDirective: e.effectiveDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        lineNumber: e.lineNumber,
        sample: e.sample,
        disposition: e.disposition,
      };
      window.__cspViolations.push(v);
      if (typeof window.__reportCspViolation === 'function') window.__reportCspViolation(v);
    },
    true,
  );
};

/** The CSP violations the current document has seen so far. */
export async function getCspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/**
 * Open a new page (own context) and navigate to url.
 * Options: csp — a Content-Security-Policy to add to same-origin document responses (for a
 * server that doesn't send one; startSite({ csp }) is the other way); waitUntil (default 'load').
 * Returns { context, page, response, requests, consoleErrors, cspViolations, pageErrors }; the
 * arrays keep filling while the page lives (cspViolations via an exposed binding, and
 * getCspViolations(page) reads the page's own list).
 */
export async function openPage(browser, url, { csp, waitUntil = 'load', contextOptions = {} } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...contextOptions });
  const page = await context.newPage();
  const requests = [];
  const consoleErrors = [];
  const cspViolations = [];
  const pageErrors = [];

  page.on('request', (req) => requests.push(req.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(err));
  await page.exposeFunction('__reportCspViolation', (v) => {
    cspViolations.push(v);
  });
  await page.addInitScript(CSP_LISTENER);

  if (csp) {
    const origin = new URL(url).origin;
    await page.route(
      (u) => u.origin === origin,
      async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue();
        const res = await route.fetch();
        await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': csp } });
      },
    );
  }

  const response = await page.goto(url, { waitUntil });
  return { context, page, response, requests, consoleErrors, cspViolations, pageErrors };
}

/** The request URLs that did not go to base's origin (data: and blob: URLs are local). */
export function offOrigin(requests, base) {
  const origin = new URL(base).origin;
  return requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  });
}

/**
 * One site (served with `csp`) and one browser for a whole test file: registers node:test
 * before/after hooks and returns an object whose `site` and `browser` are set once started.
 */
export function siteAndBrowser({ csp = STRICT_CSP } = {}) {
  const env = {};
  before(async () => {
    env.site = await startSite({ csp });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}

// ------------------------------------------------------------------------------------------
// Helpers shared by the test files: open a page and wait for the checker, type as a person
// does, read the eligibility panel.

/** Resolves once app.js (or foreign.js) has attached the checker. */
export function ready(page) {
  return page.waitForFunction(() => window.__ycReady !== undefined, null, { timeout: 15_000 });
}

/** openPage(env.browser, path on env.site) and wait until the checker is attached. */
export async function openReady(env, path, options = {}) {
  const opened = await openPage(env.browser, new URL(path, env.site.url).href, options);
  await ready(opened.page);
  return opened;
}

/** Click into a field and type key by key, with a small delay, as a person would. */
export async function typeInto(page, selector, text, delay = 10) {
  await page.locator(selector).click();
  await page.keyboard.type(text, { delay });
}

/** The status word (符合 / 不符合 / 待补充 / 已承诺) of one rule in the eligibility panel. */
export function ruleStatus(page, rule) {
  return page.locator(`li.yc-rule[data-rule="${rule}"] .yc-status`).textContent();
}

/**
 * Wait until a rule shows a status (the panel is redrawn after a short pause in typing), and
 * optionally an explanation matching `explained` (a RegExp): the status alone may already have
 * been right before the last keystroke.
 */
export function waitRule(page, rule, status, explained) {
  return page.waitForFunction(
    ([r, s, src, flags]) => {
      const li = document.querySelector(`li.yc-rule[data-rule="${r}"]`);
      if (li?.querySelector('.yc-status')?.textContent !== s) return false;
      return src === null || new RegExp(src, flags).test(li.querySelector('.yc-explanation')?.textContent ?? '');
    },
    [rule, status, explained?.source ?? null, explained?.flags ?? ''],
    { timeout: 5_000 },
  );
}

/** Wait until the verdict reads `text` (信息待补充 / 不符合申报条件 / 符合申报条件). */
export function waitVerdict(page, text) {
  return page.waitForFunction((t) => document.querySelector('.yc-verdict')?.textContent === t, text, { timeout: 5_000 });
}

/** The outerHTML of `selector` as the server sent it, before any script ran. */
export function pristine(page, selector) {
  return page.evaluate(async (sel) => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').querySelector(sel)?.outerHTML ?? null;
  }, selector);
}
