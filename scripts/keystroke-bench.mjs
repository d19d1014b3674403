// Keystroke → next animation frame, in Chromium with the CPU throttled 4×, on the largest form
// of each category; the same page with the checker detached is the baseline, in the same run.
// A measurement, never a test: it prints figures and asserts nothing.
//
//   bash scripts/build.sh && node scripts/keystroke-bench.mjs [--keys 240] [--rate 4] [--pauses]
//
// Each keystroke is a real key press sent through CDP (Input.dispatchKeyEvent), typed into a
// number field the eligibility rules read, alternately a digit and Backspace, with a pause of
// 60–160 ms between keys (a quick typist) so that timers the checker sets between keys run
// where they would for a person. The time is measured in the page from the key event's own
// timeStamp (so it includes any wait for the main thread) to the requestAnimationFrame that
// follows the input event.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startSite, STRICT_CSP } from '../tests/e2e/harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const KEYS = arg('--keys', 240);
const RATE = arg('--rate', 4);
// --pauses: every tenth gap is 300–500 ms, a pause between words, so that what the checker
// defers to a pause (the panel, the draft) runs, and the next key may meet it.
const PAUSES = process.argv.includes('--pauses');

/** The largest form (most fields) of each category across the editions, and the field typed into. */
function largestForms() {
  const typed = { enterprise: 'revenue', park: 'park_revenue', street: 'it_invest_2022', base: 'pop_60_plus' };
  const best = new Map();
  for (const file of fs.readdirSync(path.join(ROOT, 'src/editions')).filter((f) => f.endsWith('.json'))) {
    const edition = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/editions', file), 'utf8'));
    for (const c of edition.categories) {
      if (!c.fields.some((f) => f.id === typed[c.id])) continue;
      const current = best.get(c.id);
      if (!current || c.fields.length > current.fields) best.set(c.id, { edition: edition.id, category: c.id, fields: c.fields.length, field: typed[c.id] });
    }
  }
  return [...best.values()];
}

function eligibleValues(edition, category) {
  const file = path.join(ROOT, 'tests/scenarios', edition, `${category}-eligible.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).values : {};
}

// In the page: fill the form as a person who filled every field and moved on.
function fillForm(values) {
  const form = document.querySelector('form[data-edition]');
  for (const [id, v] of Object.entries(values)) {
    const els = [...form.querySelectorAll(`[name="${CSS.escape(id)}"]`)];
    if (els.length === 0) continue;
    const type = els[0].type;
    if (type === 'checkbox' || type === 'radio') {
      for (const el of els) el.checked = typeof v === 'boolean' ? v : Array.isArray(v) ? v.includes(el.value) : el.value === String(v);
    } else if (Array.isArray(v)) {
      els.forEach((el, i) => (el.value = v[i] ?? ''));
    } else {
      els[0].value = typeof v === 'boolean' ? (v ? 'yes' : '') : String(v);
    }
    els[0].dispatchEvent(new Event('change', { bubbles: true }));
    els[0].dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  }
}

// In the page: record keystroke → next animation frame for every input event.
function record() {
  window.__keySamples = [];
  let start = null;
  window.addEventListener('keydown', (e) => (start = e.timeStamp), true);
  window.addEventListener('input', () => {
    const t0 = start;
    if (t0 === null) return;
    start = null;
    requestAnimationFrame(() => window.__keySamples.push(performance.now() - t0));
  });
}

async function typeKeys(page, selector) {
  await page.locator(selector).click();
  await page.keyboard.press('End');
  for (let k = 0; k < KEYS; k++) {
    await page.keyboard.press(k % 2 === 0 ? '7' : 'Backspace');
    const pause = PAUSES && k % 10 === 9 ? 300 + Math.random() * 200 : 60 + Math.random() * 100;
    await new Promise((r) => setTimeout(r, pause));
  }
  await page.waitForFunction((n) => window.__keySamples.length >= n, KEYS);
  const samples = await page.evaluate(() => window.__keySamples.splice(0));
  return samples;
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), n: s.length };
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

const site = await startSite({ csp: STRICT_CSP });
const browser = await launchBrowser();
console.log(`keystroke → next animation frame · Chromium ${browser.version()} · CPU throttled ${RATE}× · ${KEYS} keystrokes per run${PAUSES ? ' · a pause after every 10th key' : ''}`);
const rows = [];
try {
  for (const f of largestForms()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL(`forms/${f.edition}-${f.category}.html`, site.url).href);
    await page.waitForFunction(() => window.__ycReady !== undefined, null, { timeout: 60_000 });
    await page.evaluate(fillForm, eligibleValues(f.edition, f.category));
    await page.evaluate(record);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    const selector = `[name="${f.field}"]`;
    const attached = stats(await typeKeys(page, selector));
    await page.evaluate(() => window.__ycHandles.forEach((h) => h.detach()));
    const detached = stats(await typeKeys(page, selector));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    rows.push({ form: `${f.edition} ${f.category} (${f.fields} fields) · ${f.field}`, attached, detached });
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}

console.log('\nform · field typed                               | checker p50 / p95 / p99          | detached p50 / p95 / p99         | added p50 · p99');
for (const r of rows) {
  const a = r.attached, d = r.detached;
  console.log(
    `${r.form.padEnd(48)} | ${[a.p50, a.p95, a.p99].map(fmt).join(' / ').padEnd(32)} | ${[d.p50, d.p95, d.p99].map(fmt).join(' / ').padEnd(32)} | +${fmt(a.p50 - d.p50)} · +${fmt(a.p99 - d.p99)}`,
  );
}
console.log('\ntarget: the checker adds at most 4 ms to the detached page’s p50 and at most 16 ms (one frame) to its p99');
