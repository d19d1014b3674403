// Speed and size figures, printed, never asserted (run: bash scripts/bench.sh [--quick]).
// Needs a built pkg/ (scripts/build.sh) and, for the per-dependency table, twiggy
// (bash scripts/setup.sh --bench).
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUICK = process.argv.includes('--quick');
const pkg = (f) => path.join(ROOT, 'pkg', f);
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const us = (ns) => (ns / 1000).toFixed(2) + ' µs';

function sizes(file) {
  const b = fs.readFileSync(file);
  return {
    raw: b.length,
    gzip: zlib.gzipSync(b, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length,
  };
}

function quantiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p99: q(0.99) };
}

console.log('== Shipped bytes (target: wasm + glue ≤ 40 KB brotli; ajv bundle 42 KB) ==');
const wasm = sizes(pkg('yanglao_check_bg.wasm'));
const glue = sizes(pkg('yanglao_check.js'));
for (const [name, s] of [['yanglao_check_bg.wasm', wasm], ['yanglao_check.js', glue]]) {
  console.log(`${name.padEnd(24)} raw ${kb(s.raw).padStart(10)}  gzip -9 ${kb(s.gzip).padStart(9)}  brotli 11 ${kb(s.brotli).padStart(9)}`);
}
console.log(`${'total'.padEnd(24)} raw ${kb(wasm.raw + glue.raw).padStart(10)}  gzip -9 ${kb(wasm.gzip + glue.gzip).padStart(9)}  brotli 11 ${kb(wasm.brotli + glue.brotli).padStart(9)}`);
const editionsDir = path.join(ROOT, 'src/editions');
for (const f of fs.readdirSync(editionsDir).filter((f) => f.endsWith('.json'))) {
  const text = fs.readFileSync(path.join(editionsDir, f), 'utf8');
  if (!text.trim()) continue;
  const min = Buffer.from(JSON.stringify(JSON.parse(text)));
  const br = zlib.brotliCompressSync(min, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`edition ${f.padEnd(22)} as embedded (minified) ${kb(min.length)}, brotli ${kb(br)}`);
}

// Per dependency: twiggy over a build that keeps function names.
try {
  execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown'], { cwd: ROOT, stdio: 'inherit' });
  const named = path.join(ROOT, 'target/wasm32-unknown-unknown/release/yanglao_check.wasm');
  const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', named], { maxBuffer: 1 << 28 }).toString();
  const groups = new Map();
  let total = 0;
  for (const line of csv.split('\n').slice(1)) {
    const m = line.match(/^"?(.*?)"?,(\d+),/);
    if (!m) continue;
    const [name, size] = [m[1], Number(m[2])];
    if (/^custom section|function names|^export|__wbindgen_describe|^table|^elem|^type\[/.test(name)) continue;
    let group;
    if (name.startsWith('data segment') || name.startsWith('data[')) group = 'data (editions JSON, messages, tables)';
    else if (/Deserialize|Visitor|serde_json::de|de::/.test(name)) group = 'serde: deserialising editions';
    else if (/Serialize|serde_wasm_bindgen|ser::/.test(name)) group = 'serde: serialising reports';
    else {
      const crate = (name.match(/^<?(?:&?mut |&)?([A-Za-z_][A-Za-z0-9_]*)/) || [])[1] || 'other';
      group = crate === 'yanglao_check' ? 'yanglao_check::' + ((name.match(/yanglao_check::([a-z_]+)/) || [])[1] || '') : crate;
    }
    groups.set(group, (groups.get(group) || 0) + size);
    total += size;
  }
  console.log('\n== What the bytes go to (twiggy, before wasm-opt and wasm-bindgen; code + data) ==');
  for (const [g, n] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 18)) {
    console.log(`${g.padEnd(40)} ${kb(n).padStart(10)}  ${((100 * n) / total).toFixed(1).padStart(5)} %`);
  }
} catch (e) {
  console.log('\n(per-dependency table skipped: ' + String(e.message).split('\n')[0] + ' — run bash scripts/setup.sh --bench)');
}

console.log('\n== WebAssembly compile + instantiate, fresh node processes (target ≤ 5 ms) ==');
const probe = `
const fs = require('fs'); const bytes = fs.readFileSync(${JSON.stringify(pkg('yanglao_check_bg.wasm'))});
const t0 = performance.now(); const m = new WebAssembly.Module(bytes); const t1 = performance.now();
import(${JSON.stringify('file://' + pkg('yanglao_check.js'))}).then((g) => { const t2 = performance.now(); g.initSync({ module: m }); const t3 = performance.now();
g.editions(); const t4 = performance.now(); console.log(JSON.stringify({ compile: t1 - t0, instantiate: t3 - t2, firstCall: t4 - t3 })); });`;
const runs = [];
for (let i = 0; i < (QUICK ? 3 : 10); i++) runs.push(JSON.parse(spawnSync(process.execPath, ['-e', probe]).stdout.toString()));
for (const k of ['compile', 'instantiate', 'firstCall']) {
  const q = quantiles(runs.map((r) => r[k]));
  console.log(`${k.padEnd(12)} median ${q.p50.toFixed(2)} ms   max ${Math.max(...runs.map((r) => r[k])).toFixed(2)} ms`);
}

const api = await import('file://' + pkg('yanglao_check.js'));
api.initSync({ module: fs.readFileSync(pkg('yanglao_check_bg.wasm')) });

function timeCalls(fn, n) {
  for (let i = 0; i < Math.min(2000, n); i++) fn();
  const batch = 100;
  const means = [];
  for (let b = 0; b < n / batch; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    means.push(Number(process.hrtime.bigint() - t) / batch);
  }
  const singles = [];
  for (let i = 0; i < Math.min(5000, n); i++) {
    const t = process.hrtime.bigint();
    fn();
    singles.push(Number(process.hrtime.bigint() - t));
  }
  return { batch: quantiles(means), single: quantiles(singles) };
}

console.log('\n== Calls from node through the built pkg/ (targets: keystroke ≤ 1 µs, form with eligibility ≤ 10 µs; ajv 0.11 / 5.4 µs) ==');
const N = QUICK ? 5000 : 40000;
const options = { today: '2023-06-01' };
for (const e of api.editions()) {
  for (const c of e.categories) {
    const file = path.join(ROOT, 'tests/scenarios', e.id, `${c.id}-eligible.json`);
    if (!fs.existsSync(file)) continue;
    const values = JSON.parse(fs.readFileSync(file, 'utf8')).values;
    const fields = api.schema(e.id, c.id).fields.length;
    const short = Object.keys(values).find((k) => typeof values[k] === 'string' && values[k].length < 12) ?? 'applicant';
    const f = timeCalls(() => api.validateField(e.id, c.id, short, values[short], values, options), N);
    const w = timeCalls(() => api.validateForm(e.id, c.id, values, options), N / 10);
    console.log(`${(e.id + ' ' + c.id).padEnd(28)} ${String(fields).padStart(3)} fields  validateField(${short}) median ${us(f.batch.p50)} p99 ${us(f.single.p99)}   validateForm median ${us(w.batch.p50)} p99 ${us(w.single.p99)}`);
  }
}
const mb = '智慧健康养老'.repeat(175000);
let t = process.hrtime.bigint();
api.validateField('national-2023', 'enterprise', 'intro', mb, undefined, options);
const mbField = Number(process.hrtime.bigint() - t);
t = process.hrtime.bigint();
const n = api.countChars(mb);
console.log(`1 MB text (${n} 字): validateField ${(mbField / 1e6).toFixed(2)} ms, countChars ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(2)} ms`);

// In Chromium: time to the first live check and keystroke → message.
try {
  const { launchBrowser, openPage, startSite } = await import('../tests/e2e/harness.mjs');
  const site = await startSite({});
  const browser = await launchBrowser();
  const loads = [];
  let keys = null;
  for (let i = 0; i < (QUICK ? 3 : 8); i++) {
    const { page, context } = await openPage(browser, new URL('/forms/national-2023-enterprise.html', site.url).href);
    await page.waitForFunction(() => window.__ycReady !== undefined);
    loads.push(await page.evaluate(() => window.__ycReady));
    if (i === 0) {
      keys = await page.evaluate(async (count) => {
        const el = document.querySelector('#f-uscc');
        el.value = '91110000600037341A';
        el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
        const dom = [], frame = [];
        for (let k = 0; k < count; k++) {
          el.value = k % 2 ? '91110000600037341A' : '91110000600037341L';
          const t0 = performance.now();
          el.dispatchEvent(new InputEvent('input', { bubbles: true }));
          const shown = !!document.querySelector('#yc-msg-uscc');
          const t1 = performance.now();
          if (shown !== (k % 2 === 1)) throw new Error('message out of step');
          await new Promise((r) => requestAnimationFrame(() => r()));
          dom.push(t1 - t0);
          frame.push(performance.now() - t0);
        }
        return { dom, frame };
      }, QUICK ? 100 : 400);
    }
    await context.close();
  }
  await browser.close();
  await site.close();
  const l = quantiles(loads);
  console.log('\n== Chromium (headless) ==');
  console.log(`navigation → first live check: median ${l.p50.toFixed(1)} ms, worst ${Math.max(...loads).toFixed(1)} ms`);
  const d = quantiles(keys.dom), fr = quantiles(keys.frame);
  console.log(`input event → message in the DOM: p50 ${d.p50.toFixed(3)} ms, p99 ${d.p99.toFixed(3)} ms (target: on screen within 16 ms)`);
  console.log(`input event → next animation frame: p50 ${fr.p50.toFixed(2)} ms, p99 ${fr.p99.toFixed(2)} ms (includes waiting for vsync)`);
} catch (e) {
  console.log('\n(Chromium figures skipped: ' + String(e.message).split('\n')[0] + ')');
}
