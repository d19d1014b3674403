// The reviewers' command and the browser's module give the same reports: every scenario
// (tests/scenarios/<edition>/*.json, all editions and categories) is exported as a draft,
// judged by `yanglao-review` (native) and by `validateForm` of the wasm build in pkg/
// (scripts/build.sh), and the two reports — validity, issues, statuses, explanations —
// must be identical, field for field.
//
// Run: node --test tests/review/equality.test.mjs  (after scripts/build.sh)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.join(ROOT, 'pkg');

function load(file) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof doc.base === 'string') {
    const base = load(path.join(path.dirname(file), doc.base));
    doc.values = { ...base.values, ...doc.values };
    for (const key of ['edition', 'category', 'today']) if (doc[key] === undefined) doc[key] = base[key];
  }
  return doc;
}

// Values as a form gives them (what tests/scenarios.rs feeds the core): numbers become the
// strings a person types; null removes a value.
function formValues(values) {
  const out = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    if (v === null) continue;
    if (typeof v === 'number') out[k] = String(v);
    else if (Array.isArray(v)) out[k] = v.map((i) => (typeof i === 'string' ? i : JSON.stringify(i)));
    else out[k] = v;
  }
  return out;
}

function scenarios() {
  const dir = path.join(ROOT, 'tests/scenarios');
  const out = [];
  for (const edition of fs.readdirSync(dir).sort()) {
    const sub = path.join(dir, edition);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const f of fs.readdirSync(sub).sort()) {
      if (!f.endsWith('.json')) continue;
      const doc = load(path.join(sub, f));
      out.push({ name: `${edition}-${f.replace(/\.json$/, '')}`, edition: doc.edition, category: doc.category, today: doc.today, values: formValues(doc.values) });
    }
  }
  return out;
}

function command() {
  execFileSync('cargo', ['build', '-q', '-p', 'yanglao-review'], { cwd: ROOT, stdio: 'inherit' });
  const target = process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target');
  return path.join(target, 'debug', 'yanglao-review');
}

test('every scenario: the command and the wasm build give identical reports', async () => {
  assert.ok(fs.existsSync(path.join(PKG, 'yanglao_check_bg.wasm')), 'pkg/ is built (bash scripts/build.sh)');
  const api = await import(pathToFileURL(path.join(PKG, 'yanglao_check.js')).href);
  api.initSync({ module: fs.readFileSync(path.join(PKG, 'yanglao_check_bg.wasm')) });
  const all = scenarios();
  assert.ok(all.length > 150, `found ${all.length} scenarios`);
  const byToday = new Map();
  for (const s of all) {
    if (!byToday.has(s.today)) byToday.set(s.today, []);
    byToday.get(s.today).push(s);
  }
  const bin = command();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yanglao-equality-'));
  let compared = 0;
  const editions = new Set();
  const forms = new Set();
  try {
    for (const [today, group] of byToday) {
      const drafts = path.join(tmp, `drafts-${today}`);
      const out = path.join(tmp, `out-${today}`);
      fs.mkdirSync(drafts);
      const byFile = new Map();
      for (const s of group) {
        const file = path.join(drafts, `${s.name}.json`);
        // The document the site's 导出 button writes (crates/core/src/draft.rs).
        fs.writeFileSync(file, JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00.000Z', edition: s.edition, category: s.category, values: s.values }));
        byFile.set(file, s);
      }
      const run = spawnSync(bin, [drafts, '--today', today, '--quiet', '-o', out], { encoding: 'utf8' });
      assert.equal(run.status, 0, `yanglao-review exit code for ${today}: ${run.stderr}`);
      const review = JSON.parse(fs.readFileSync(path.join(out, 'review.json'), 'utf8'));
      assert.deepEqual(review.refused, [], 'no scenario refused');
      assert.equal(review.applications.length, group.length);
      for (const app of review.applications) {
        const s = byFile.get(app.file);
        assert.ok(s, `unknown file ${app.file}`);
        const wasm = api.validateForm(s.edition, s.category, s.values, { today, locale: 'zh-CN' });
        assert.deepStrictEqual(app.report, wasm, `${s.name}: command and wasm reports differ`);
        // Same order of keys too: both are serde's serialisation of the same Report.
        assert.equal(JSON.stringify(app.report), JSON.stringify(wasm), `${s.name}: serialisations differ`);
        compared += 1;
        editions.add(s.edition);
        forms.add(`${s.edition}/${s.category}`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  assert.equal(compared, all.length);
  assert.equal(editions.size, 4, 'all four editions');
  assert.ok(forms.size >= 14, `all categories (${[...forms].join(', ')})`);
  console.log(`[equality] ${compared} scenarios, ${forms.size} forms: identical reports`);
});
