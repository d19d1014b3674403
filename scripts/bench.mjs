// Speed and size figures for the checker, printed next to their targets, never asserted.
//
//   bash scripts/bench.sh [--quick]          (builds first, then runs this)
//   node scripts/bench.mjs [--quick] [--no-browser] [--no-twiggy]
//
// Needs a built pkg/ (bash scripts/build.sh), www/pkg/ for the browser figures, and twiggy
// for the per-dependency table (bash scripts/setup.sh --bench). Every section that cannot run
// says why and the others still print.
//
// What is measured (see the issue "Speed and size"):
//   1. shipped bytes: pkg/*.wasm and the JS glue, raw / gzip -9 / brotli -q 11; what each crate
//      contributes (twiggy over a name-carrying build, before and after wasm-bindgen +
//      wasm-opt);
//   2. node, through the built pkg/: per-keystroke validateField and whole-form validateForm
//      (with eligibility) on the largest form of each category, median and p99 of batch means
//      (100 calls per hrtime.bigint() pair) and of single calls; a 1 MB text;
//   3. WebAssembly.compile and the glue's initSync, each in fresh node processes;
//   4. headless Chromium: navigation → first live check, and input event → message in the DOM
//      and → next animation frame over ≥ 300 keystrokes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const NO_BROWSER = argv.includes('--no-browser');
const NO_TWIGGY = argv.includes('--no-twiggy');

const PKG = path.join(ROOT, 'pkg');
const WASM = path.join(PKG, 'yanglao_check_bg.wasm');
const GLUE = path.join(PKG, 'yanglao_check.js');

// Iteration counts. Full: ≥ 20 000 timed calls per figure (batched) plus as many single calls.
const CALLS = QUICK ? 4_000 : 20_000;
const BATCH = 100;
const WARMUP = QUICK ? 500 : 3_000;
const CHILD_SAMPLES = QUICK ? 10 : 20;
const PAGE_LOADS = QUICK ? 4 : 12;
const KEYSTROKES = QUICK ? 100 : 400;

let browserProfile = null; // filled by section 5, printed in section 6
const keyFields = new Map(); // category → the message field its keystrokes used

// ---------------------------------------------------------------------------------------------
// Formatting

const KB = (n) => (n / 1024).toFixed(1);
const fmtUs = (ns) => (ns / 1000 < 10 ? (ns / 1000).toFixed(2) : (ns / 1000).toFixed(1)) + ' µs';
const fmtMs = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)) + ' ms';
const pct = (n, total) => ((100 * n) / total).toFixed(1) + ' %';

/** Prints rows (arrays of cells) as an aligned table; numbers-looking cells right-aligned. */
function table(header, rows, { indent = '  ' } = {}) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const right = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+]?[\d.,]+( ?(%|µs|ms|KB|B|x))?$|^[-—]$|^$/.test(String(r[i] ?? '').trim())));
  const line = (r) =>
    indent +
    r
      .map((c, i) => {
        const pad = widths[i] - [...c].length;
        return right[i] ? ' '.repeat(pad) + c : c + ' '.repeat(pad);
      })
      .join('  ')
      .trimEnd();
  console.log(line(all[0]));
  console.log(indent + widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
}

function heading(text) {
  console.log('\n' + text);
  console.log('='.repeat([...text].length));
}

function quantile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
function stats(samples) {
  const s = Float64Array.from(samples).sort();
  return { p50: quantile(s, 0.5), p99: quantile(s, 0.99), max: s[s.length - 1], min: s[0], n: s.length };
}

function skipped(what, err) {
  console.log(`  (${what} skipped: ${String((err && err.message) || err).split('\n')[0]})`);
}

function compressed(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}
const brotli = (buf) => compressed(buf).brotli;

/** The sections of a wasm binary: [{ id, name, size }] (size = whole section incl. header). */
function wasmSections(bytes) {
  const out = [];
  let p = 8;
  const leb = () => {
    let result = 0, shift = 0, b;
    do {
      b = bytes[p++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return result;
  };
  const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];
  while (p < bytes.length) {
    const start = p;
    const id = bytes[p++];
    const len = leb();
    const body = p;
    let name = NAMES[id] ?? `section ${id}`;
    if (id === 0) {
      const n = leb();
      name = `custom "${bytes.subarray(p, p + n).toString('utf8')}"`;
    }
    p = body + len;
    out.push({ id, name, size: p - start });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inputs: the largest form of each category (most fields, across editions) and its values

if (!fs.existsSync(WASM) || !fs.existsSync(GLUE)) {
  console.error(`bench: ${path.relative(ROOT, WASM)} or the glue is missing: run bash scripts/build.sh first`);
  process.exit(1);
}
const api = await import(pathToFileURL(GLUE).href);
api.initSync({ module: fs.readFileSync(WASM) });

const largest = new Map(); // category id → { edition, category, fields, schema }
for (const e of api.editions()) {
  for (const c of e.categories) {
    const schema = api.schema(e.id, c.id);
    const cur = largest.get(c.id);
    if (!cur || schema.fields.length > cur.fields) largest.set(c.id, { edition: e.id, category: c.id, fields: schema.fields.length, schema });
  }
}
const forms = [];
for (const f of largest.values()) {
  const file = path.join(ROOT, 'tests/scenarios', f.edition, `${f.category}-eligible.json`);
  if (!fs.existsSync(file)) {
    console.log(`(no ${path.relative(ROOT, file)}: ${f.edition}/${f.category} left out)`);
    continue;
  }
  const scenario = JSON.parse(fs.readFileSync(file, 'utf8'));
  const options = { locale: 'zh-CN', today: scenario.today ?? '2023-06-01' };
  const values = scenario.values;
  const kindOf = new Map(f.schema.fields.map((x) => [x.id, x.kind]));
  // The keystroke fields: the long 'intro', and a short number field ('revenue' where the form
  // has it, else the first short amount/count/number field with a value).
  const longField = kindOf.get('intro') === 'longText' ? 'intro' : f.schema.fields.find((x) => x.kind === 'longText' && typeof values[x.id] === 'string')?.id;
  const shortField =
    typeof values.revenue === 'string'
      ? 'revenue'
      : f.schema.fields.find((x) => ['amount', 'count', 'number', 'percent'].includes(x.kind) && typeof values[x.id] === 'string' && values[x.id].length <= 12)?.id;
  forms.push({ ...f, values, options, longField, shortField, kindOf, label: `${f.category} (${f.edition}, ${f.fields} fields)` });
}

console.log(`yanglao-check benchmark${QUICK ? ' (--quick: fewer iterations)' : ''} — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
console.log(`largest form of each category: ${forms.map((f) => `${f.category} = ${f.edition} (${f.fields} fields)`).join(', ')}`);

// ---------------------------------------------------------------------------------------------
// 1. Shipped bytes

heading('1. Shipped bytes (KB = 1024 B)   target: wasm + glue ≤ 60 KB brotli and ≤ 80 KB gzip (aim: 40 KB brotli)   (peer: ajv 8 bundle 42 KB brotli)');
const wasmBytes = fs.readFileSync(WASM);
const glueBytes = fs.readFileSync(GLUE);
const sw = compressed(wasmBytes);
const sg = compressed(glueBytes);
const totalBr = sw.brotli + sg.brotli;
table(
  ['file', 'raw B', 'raw KB', 'gzip -9 KB', 'brotli 11 KB', 'target'],
  [
    ['pkg/yanglao_check_bg.wasm', sw.raw, KB(sw.raw), KB(sw.gzip), KB(sw.brotli), ''],
    ['pkg/yanglao_check.js (glue)', sg.raw, KB(sg.raw), KB(sg.gzip), KB(sg.brotli), ''],
    ['total', sw.raw + sg.raw, KB(sw.raw + sg.raw), KB(sw.gzip + sg.gzip), KB(totalBr), `≤ 60 KB brotli: ${totalBr <= 60 * 1024 ? 'MET' : `MISSED (${(totalBr / (60 * 1024)).toFixed(1)}x)`}; ≤ 80 KB gzip: ${sw.gzip + sg.gzip <= 80 * 1024 ? 'MET' : `MISSED (${((sw.gzip + sg.gzip) / (80 * 1024)).toFixed(1)}x)`}`],
  ],
);

// The Word generator's own module (crates/docx), loaded only when a person exports a .docx:
// what it adds to that click, and what it does not add to every applicant's first load.
{
  const DOCX_DIR = path.join(path.dirname(WASM), 'docx');
  const files = ['yanglao_docx_bg.wasm', 'yanglao_docx.js', 'export.js'].map((f) => path.join(DOCX_DIR, f));
  if (files.every((f) => fs.existsSync(f))) {
    const rows = files.map((f) => {
      const c = compressed(fs.readFileSync(f));
      return [`pkg/docx/${path.basename(f)}`, c.raw, KB(c.raw), KB(c.gzip), KB(c.brotli), 'on click only'];
    });
    console.log('  the Word export (pkg/docx/), fetched on the first click of 导出 Word:');
    table(['file', 'raw B', 'raw KB', 'gzip -9 KB', 'brotli 11 KB', 'loaded'], rows);
  } else {
    console.log('  (pkg/docx/ not built: bash scripts/build.sh)');
  }
}

// Sections of the shipped module: code vs data vs the rest.
const sections = wasmSections(wasmBytes);
{
  const by = new Map();
  for (const s of sections) by.set(s.name, (by.get(s.name) ?? 0) + s.size);
  console.log(
    '  sections of the .wasm: ' +
      [...by]
        .sort((a, b) => b[1] - a[1])
        .map(([n, b]) => `${n} ${KB(b)} KB (${pct(b, wasmBytes.length)})`)
        .join(', '),
  );
}

// The editions are compiled in: build.rs writes each one as a Rust static, so they are part of
// the data segment (strings and the structs that point at them), never parsed at run time.
{
  let srcRaw = 0, srcBr = 0;
  const ids = fs.readdirSync(path.join(ROOT, 'src/editions')).filter((f) => f.endsWith('.json'));
  for (const f of ids) {
    const src = fs.readFileSync(path.join(ROOT, 'src/editions', f));
    srcRaw += src.length;
    srcBr += brotli(src);
  }
  console.log(`\n  the editions: ${ids.length} files in src/editions/, ${KB(srcRaw)} KB (${KB(srcBr)} KB brotli) as written; compiled by build.rs into Rust statics, so they sit in the data segment above, and nothing parses them at run time`);
}

// What each crate contributes: twiggy over a name-carrying build (cargo build keeps the name
// section), before wasm-bindgen, and after wasm-bindgen + wasm-opt with -g (same bytes as pkg/,
// plus the names).
function crateOf(name) {
  if (/^data segment|^data\[/.test(name)) return 'data';
  if (/^custom section|^"[^"]*" subsection|^name section/.test(name)) return null; // names, producers: not shipped
  if (/^(export "|)__wbindgen_describe/.test(name)) return null; // descriptors: wasm-bindgen deletes them
  if (/ externref shim| multivalue shim/.test(name)) return 'export shims (wasm-bindgen, bodies inlined)';
  if (/^(__wbindgen|__wbg|__externref|wasm_bindgen)/.test(name)) return 'wasm_bindgen';
  let n = name.replace(/\[[0-9a-f]{8,16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
  const seg = (s) => (s.replace(/^(?:&|\*const |\*mut |mut |dyn |\[|\(|\s)+/, '').match(/^([A-Za-z_][A-Za-z0-9_]*)::/) || [])[1];
  if (n.startsWith('<')) {
    // <Self as Trait>::item — by the trait's crate when Self is a std/core wrapper (PhantomData,
    // &mut T, Vec…) and the trait is a dependency's (serde's Deserialize…), else by Self's crate.
    let depth = 0, i = 1, asAt = -1, end = -1;
    for (; i < n.length; i++) {
      const ch = n[i];
      if (ch === '<') depth++;
      else if (ch === '>') {
        if (depth === 0) { end = i; break; }
        depth--;
      } else if (depth === 0 && asAt < 0 && n.startsWith(' as ', i)) asAt = i;
    }
    const self = n.slice(1, asAt > 0 ? asAt : end > 0 ? end : n.length);
    const trait = asAt > 0 ? n.slice(asAt + 4, end > 0 ? end : n.length) : '';
    const sc = seg(self), tc = seg(trait);
    const stdlib = (c) => !c || ['core', 'alloc', 'std'].includes(c);
    n = (stdlib(sc) && tc && !stdlib(tc) ? tc : sc ?? tc ?? '') + '::';
  }
  let crate = (n.match(/^([A-Za-z_][A-Za-z0-9_]*)::/) || [])[1];
  if (!crate) {
    if (/^(memcpy|memset|memmove|memcmp|bcmp|strlen|__multi3|__udivti3|__umodti3|__divti3|__modti3|__ashlti3|__lshrti3|__ashrti3|__muloti4|__floattidf|__fixdfti|round|roundf|fmod|fmodf|pow|powf|floor|ceil|trunc|exp|exp2|log|log10|log2|sqrt)(\.\d+)?$/.test(name)) return 'compiler_builtins (memcpy, libm…)';
    if (/^(code|func)\[\d+\]/.test(name)) return 'unnamed functions';
    return 'wasm structure (types, imports, exports, tables)';
  }
  if (crate === 'serde_core' || crate === 'serde_derive') crate = 'serde';
  if (crate === '__rustc') crate = 'std'; // the allocator shims
  return crate;
}

function twiggyGroups(file) {
  const json = execFileSync('twiggy', ['top', '-n', '100000', '--format', 'json', file], { maxBuffer: 1 << 28 }).toString();
  const items = JSON.parse(json);
  const groups = new Map();
  const modules = new Map(); // yanglao_check::<module>
  let total = 0, dataTotal = 0;
  for (const it of items) {
    const g = crateOf(it.name);
    if (g === null) continue;
    groups.set(g, (groups.get(g) ?? 0) + it.shallow_size);
    total += it.shallow_size;
    if (g === 'data') dataTotal += it.shallow_size;
    if (g === 'yanglao_check') {
      const m = (it.name.match(/yanglao_check(?:\[[0-9a-f]+\])?::([a-z_0-9]+)/) || [])[1] ?? '?';
      modules.set(m, (modules.get(m) ?? 0) + it.shallow_size);
    }
  }
  return { groups, modules, total, dataTotal };
}

/**
 * The shipped module with names: cargo build (keeps the name section) → wasm-bindgen (keeps it)
 * → wasm-opt with Cargo.toml's flags plus -g (keeps it). Same code as pkg/ when the source has
 * not changed since pkg/ was built. Used for the per-crate table and the CPU profiles.
 */
function namedBuild() {
  const env = { ...process.env, PATH: `${path.join(ROOT, 'node_modules/.bin')}:${path.join(os.homedir(), '.cargo/bin')}:${process.env.PATH}` };
  execFileSync('cargo', ['build', '--quiet', '--lib', '--profile', 'wasm', '--target', 'wasm32-unknown-unknown'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env });
  const cargoWasm = path.join(ROOT, 'target/wasm32-unknown-unknown/wasm/yanglao_check.wasm');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-bench-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  // A copy: others may rebuild target/ while this runs.
  fs.mkdirSync(path.join(dir, 'cargo'));
  const cargoCopy = path.join(dir, 'cargo', 'yanglao_check.wasm');
  fs.copyFileSync(cargoWasm, cargoCopy);
  const out = path.join(dir, 'out');
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', out, cargoCopy], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const toml = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const optArgs = (toml.match(/\[package\.metadata\.wasm-pack\.profile\.custom\][^[]*?wasm-opt\s*=\s*\[([^\]]*)\]/) || [])[1]?.match(/"([^"]+)"/g)?.map((x) => x.slice(1, -1)) ?? ['-Oz'];
  const wasm = path.join(out, 'named-opt.wasm');
  execFileSync('wasm-opt', [...optArgs, '-g', path.join(out, 'yanglao_check_bg.wasm'), '-o', wasm], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const bytes = fs.readFileSync(wasm);
  const withoutNames = wasmSections(bytes).filter((x) => x.name !== 'custom "name"').reduce((acc, x) => acc + x.size, 8);
  return { dir, cargoWasm: cargoCopy, wasm, glue: path.join(out, 'yanglao_check.js'), optArgs, nameBytes: bytes.length - withoutNames, sameAsPkg: withoutNames === wasmBytes.length, withoutNames };
}


/** Names the glue's anonymous functions by the import they implement and what their line does. */
function glueNamer(glueFile) {
  const lines = glueFile && fs.existsSync(glueFile) ? fs.readFileSync(glueFile, 'utf8').split('\n') : [];
  return (line) => {
    for (let i = line; i >= 0 && i > line - 3; i--) {
      const m = (lines[i] ?? '').match(/(__wbg_[A-Za-z0-9_]+?|__wbindgen_[A-Za-z0-9_]+?)(?:_[0-9a-f]{16})?\s*:\s*function/);
      if (m) {
        const body = (lines[line + 1] ?? '').trim().replace(/^const ret = /, '').slice(0, 60);
        return `${m[1]}: ${body}`;
      }
    }
    return '(anonymous)';
  };
}

/** Self time by function and by group from a V8 CPU profile (node inspector or CDP). */
function summariseProfile(profile, glueFile) {
  const nameGlue = glueNamer(glueFile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fns = new Map(), groups = new Map();
  let total = 0, idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const cf = byId.get(id).callFrame;
    let name = (cf.functionName || '(anonymous)').replace(/\[[0-9a-f]{8,16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '').replace(/_[0-9a-f]{16}$/, '');
    if (name === '(idle)' || name === '(root)') {
      idle += dt;
      return;
    }
    let group;
    if (/^(js-to-wasm|wasm-to-js)/.test(name)) group = 'JS ↔ wasm call wrappers';
    else if (cf.url.startsWith('wasm://') || /\.wasm($|[?#])/.test(cf.url)) {
      group = 'wasm: ' + (crateOf(cf.functionName) ?? 'other');
      name += ' [wasm]';
    } else if (/yanglao_check\.js$/.test(cf.url)) {
      group = 'JS glue (yanglao_check.js)';
      if (name === '(anonymous)') name = nameGlue(cf.lineNumber);
      name += ' [glue]';
    } else if (['keystrokes', 'fillForm', 'timeCalls', 'profileFor'].includes(name)) group = 'the benchmark itself';
    else if (cf.url === '') group = name.startsWith('(') ? name : 'engine / DOM built-ins';
    else {
      group = 'JS: ' + path.basename(cf.url);
      name += ` [${path.basename(cf.url)}]`;
    }
    fns.set(name, (fns.get(name) ?? 0) + dt);
    groups.set(group, (groups.get(group) ?? 0) + dt);
    total += dt;
  });
  return { fns, groups, total, idle };
}

function printProfile(title, p, n = 12) {
  console.log(`\n  ${title} — ${(p.total / 1000).toFixed(0)} ms of samples`);
  console.log(
    '  by group: ' +
      [...p.groups]
        .sort((a, b) => b[1] - a[1])
        .filter(([, t]) => t / p.total >= 0.005)
        .map(([g, t]) => `${g} ${pct(t, p.total)}`)
        .join(', '),
  );
  table(
    ['self', 'function'],
    [...p.fns]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([f, t]) => [pct(t, p.total), f.length > 110 ? f.slice(0, 109) + '…' : f]),
  );
}

let named = null;
heading('2. Where the bytes go: shallow size by crate (twiggy top; code + data, names/custom sections left out)');
try {
  named = namedBuild();
} catch (e) {
  skipped('name-carrying build (per-crate table and CPU profiles)', e);
}
if (NO_TWIGGY) {
  console.log('  (skipped: --no-twiggy)');
} else if (named) {
  try {
    execFileSync('twiggy', ['--version'], { stdio: 'ignore' });
    const pre = twiggyGroups(named.cargoWasm);
    const post = twiggyGroups(named.wasm);
    // Data: the compiled editions (strings and structs), messages, tables, panic strings.
    const split = (g) => new Map(g.groups);
    const a = split(pre);
    const b = split(post);
    const names = [...new Set([...a.keys(), ...b.keys()])].filter((n) => (a.get(n) ?? 0) + (b.get(n) ?? 0) > 0).sort((x, y) => (b.get(y) ?? 0) - (b.get(x) ?? 0) || (a.get(y) ?? 0) - (a.get(x) ?? 0));
    table(
      ['crate', 'shipped B', 'shipped %', 'cargo build B', 'cargo build %'],
      [
        ...names.map((n) => [n, b.get(n) ?? 0, pct(b.get(n) ?? 0, post.total), a.get(n) ?? 0, pct(a.get(n) ?? 0, pre.total)]),
        ['total', post.total, '100.0 %', pre.total, '100.0 %'],
      ],
    );
    console.log(`  shipped = after wasm-bindgen and wasm-opt ${named.optArgs.join(' ')} -g: ${named.sameAsPkg ? `byte count identical to pkg/ once its ${KB(named.nameBytes)} KB name section is left out` : `${named.withoutNames} B without names vs pkg/ ${wasmBytes.length} B: the source changed since pkg/ was built (run bash scripts/bench.sh to rebuild both)`}`);
    console.log('  cargo build = target/wasm32-unknown-unknown/release/yanglao_check.wasm before wasm-bindgen and wasm-opt, without the __wbindgen_describe_* functions wasm-bindgen deletes');
    console.log("  <Self as Trait>::item counts for the trait's crate when Self is a core/alloc/std type (PhantomData<T> as serde::DeserializeSeed → serde), else for Self's crate;");
    console.log('  export shims = the wasm-bindgen wrappers of exported functions, into which wasm-opt inlined their Rust bodies');
    const modTotal = [...post.modules.values()].reduce((x, y) => x + y, 0);
    console.log(
      '  yanglao_check by module (shipped): ' +
        [...post.modules]
          .sort((x, y) => y[1] - x[1])
          .map(([m, n]) => `${m} ${KB(n)} KB`)
          .join(', ') +
        ` (total ${KB(modTotal)} KB)`,
    );
  } catch (e) {
    skipped('per-crate table', e.code === 'ENOENT' ? 'twiggy not found: bash scripts/setup.sh --bench' : e);
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Calls in node

let sink = 0;
function hrtimeOverhead() {
  const s = [];
  for (let i = 0; i < 20000; i++) {
    const t = process.hrtime.bigint();
    s.push(Number(process.hrtime.bigint() - t));
  }
  return stats(s).p50;
}

/** Per-call times of fn in ns: batch means (BATCH calls per timer pair) and single calls. */
function timeCalls(fn, calls = CALLS) {
  for (let i = 0; i < WARMUP; i++) sink ^= fn() === undefined ? 1 : 0;
  const means = [];
  for (let b = 0; b < calls / BATCH; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) sink ^= fn() === undefined ? 1 : 0;
    means.push(Number(process.hrtime.bigint() - t) / BATCH);
  }
  const singles = [];
  for (let i = 0; i < calls; i++) {
    const t = process.hrtime.bigint();
    sink ^= fn() === undefined ? 1 : 0;
    singles.push(Number(process.hrtime.bigint() - t));
  }
  return { batch: stats(means), single: stats(singles) };
}

const overhead = hrtimeOverhead();
heading(`3. Calls from node through the built pkg/ (≥ ${CALLS} timed calls each, batch = ${BATCH} calls per hrtime pair)`);
console.log('   targets: per keystroke ≤ 0.5 µs median; whole form with eligibility ≤ 10 µs   (peer: ajv 8 0.13 µs per field, 6.3 µs per form without eligibility)');
console.log('   Checker = new Checker(edition, category, options), made once per page: c.field(id, values) per keystroke, c.form(values) on submit; the free functions for comparison');
console.log(`   values = tests/scenarios/<edition>/<category>-eligible.json as a plain object; options ${JSON.stringify(forms[0]?.options)}; hrtime pair overhead ≈ ${overhead} ns (in the single-call figures)`);
const callRows = [];
const meta = [];
const met = (ns, targetNs) => (ns <= targetNs ? 'met' : `${(ns / targetNs).toFixed(1)}x over`);
for (const f of forms) {
  const { edition: e, category: c, values, options } = f;
  const probes = [];
  for (const id of [f.shortField, f.longField].filter(Boolean)) {
    const v = values[id];
    const issues = api.validateField(e, c, id, v, values, options);
    probes.push({ what: `validateField('${id}', ${typeof v === 'string' ? v.length + ' chars' : typeof v}, values)`, fn: () => api.validateField(e, c, id, v, values, options), target: 500, note: `${issues.length} issues` });
  }
  const checker = api.Checker ? new api.Checker(e, c, options) : null;
  if (checker) {
    for (const id of [f.shortField, f.longField].filter(Boolean)) {
      const issues = checker.field(id, values);
      probes.push({ what: `Checker.field('${id}', values)`, fn: () => checker.field(id, values), target: 500, note: `${issues.length} issues` });
    }
    const r = checker.form(values);
    probes.push({ what: 'Checker.form(values) + eligibility', fn: () => checker.form(values), target: 10000, note: `${r.issues.length} issues, ${r.eligibility.rules.length} rules, ${r.eligibility.verdict}` });
  }
  const report = api.validateForm(e, c, values, options);
  probes.push({ what: 'validateForm(values) + eligibility', fn: () => api.validateForm(e, c, values, options), target: 10000, note: `${report.issues.length} issues, ${report.eligibility.rules.length} rules, ${report.eligibility.verdict}` });
  for (const p of probes) {
    const t = timeCalls(p.fn);
    callRows.push([f.label, p.what, fmtUs(t.batch.p50), fmtUs(t.batch.p99), fmtUs(t.single.p50), fmtUs(t.single.p99), `≤ ${p.target / 1000} µs: ${met(t.batch.p50, p.target)}`, p.note]);
  }
  // Where a whole-form call's time goes, JS side: the engine's own JSON.stringify of the values
  // (read_all_values does it) and JSON.parse of the report (to_js_fast does it).
  const reportJson = JSON.stringify(report);
  const str = timeCalls(() => JSON.stringify(values), CALLS / 4);
  const parse = timeCalls(() => JSON.parse(reportJson), CALLS / 4);
  meta.push(`${f.category}: of validateForm, JSON.stringify(values) ≈ ${fmtUs(str.batch.p50)} (${JSON.stringify(values).length} chars in) and JSON.parse(report) ≈ ${fmtUs(parse.batch.p50)} (${reportJson.length} chars out)`);
}
table(['form', 'call', 'median (batch)', 'p99 (batch)', 'median (single)', 'p99 (single)', 'target', 'result'], callRows);
for (const m of meta) console.log('  ' + m);

// A 1 MB text in a long-text field and in countChars (median of several calls).
{
  const f = forms.find((x) => x.longField) ?? forms[0];
  const cjk = '智慧健康养老服务应用试点示范。'.repeat(Math.ceil(1_000_000 / 45)).slice(0, 1_000_000 / 3); // 3 bytes each in UTF-8
  const ascii = 'Smart elderly care pilot. '.repeat(Math.ceil(1_000_000 / 26)).slice(0, 1_000_000);
  const rows = [];
  for (const [name, text] of [['1 MB CJK text', cjk], ['1 MB ASCII text', ascii]]) {
    const reps = QUICK ? 5 : 21;
    const time = (fn) => {
      fn();
      const s = [];
      for (let i = 0; i < reps; i++) {
        const t = process.hrtime.bigint();
        fn();
        s.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return stats(s);
    };
    const issues = api.validateField(f.edition, f.category, f.longField, text, f.values, f.options);
    const vf = time(() => api.validateField(f.edition, f.category, f.longField, text, f.values, f.options));
    const n = api.countChars(text);
    const cc = time(() => api.countChars(text));
    const enc = time(() => Buffer.byteLength(text, 'utf8'));
    rows.push([`${name} (${text.length} UTF-16 units, ${Buffer.byteLength(text)} B UTF-8)`, `validateField('${f.longField}')`, fmtMs(vf.p50), fmtMs(vf.max), `${issues.map((i) => i.code).join(', ') || 'no issue'}`]);
    rows.push(['', 'countChars', fmtMs(cc.p50), fmtMs(cc.max), `${n} 字`]);
    rows.push(['', '(JS Buffer.byteLength, for scale)', fmtMs(enc.p50), fmtMs(enc.max), '']);
  }
  console.log(`\n  1 MB text (${f.edition}/${f.category}, with the form's values):`);
  table(['input', 'call', 'median', 'max', 'result'], rows);
}

// ---------------------------------------------------------------------------------------------
// 4. Compile + instantiate in fresh node processes

heading(`4. WebAssembly compile + instantiate in fresh node processes (${CHILD_SAMPLES} samples)   target: compile + instantiate ≤ 3 ms`);
{
  const big = forms.reduce((a, b) => (b.fields > a.fields ? b : a), forms[0]);
  const probe = `
import fs from 'node:fs';
const bytes = fs.readFileSync(${JSON.stringify(WASM)});
const t0 = performance.now();
const module = await WebAssembly.compile(bytes);
const t1 = performance.now();
const glue = await import(${JSON.stringify(pathToFileURL(GLUE).href)});
const t2 = performance.now();
glue.initSync({ module });
const t3 = performance.now();
const values = ${JSON.stringify(big.values)};
glue.validateForm(${JSON.stringify(big.edition)}, ${JSON.stringify(big.category)}, values, ${JSON.stringify(big.options)});
const t4 = performance.now();
glue.validateForm(${JSON.stringify(big.edition)}, ${JSON.stringify(big.category)}, values, ${JSON.stringify(big.options)});
const t5 = performance.now();
console.log(JSON.stringify({ compile: t1 - t0, glueImport: t2 - t1, initSync: t3 - t2, firstCheck: t4 - t3, secondCheck: t5 - t4 }));
`;
  // The synchronous path (initSync straight from the bytes), in its own processes: V8 reuses
  // a module already compiled from the same bytes in the same process.
  const probeBytes = `
import fs from 'node:fs';
const bytes = fs.readFileSync(${JSON.stringify(WASM)});
const glue = await import(${JSON.stringify(pathToFileURL(GLUE).href)});
const t0 = performance.now();
glue.initSync({ module: bytes });
const t1 = performance.now();
console.log(JSON.stringify({ initSyncFromBytes: t1 - t0 }));
`;
  const runs = [];
  let err = null;
  for (let i = 0; i < CHILD_SAMPLES && !err; i++) {
    const one = {};
    for (const src of [probe, probeBytes]) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', src], { encoding: 'utf8' });
      if (r.status !== 0) {
        err = r.stderr.split('\n').find((l) => l.trim()) ?? `exit ${r.status}`;
        break;
      }
      Object.assign(one, JSON.parse(r.stdout.trim().split('\n').pop()));
    }
    if (!err) runs.push(one);
  }
  if (err) skipped('child-process timing', err);
  else {
    const row = (k, label, target) => {
      const s = stats(runs.map((r) => r[k]));
      return [label, fmtMs(s.min), fmtMs(s.p50), fmtMs(s.max), target];
    };
    const inst = stats(runs.map((r) => r.initSync)).p50;
    table(
      ['step', 'min', 'median', 'max', 'target'],
      [
        row('compile', 'WebAssembly.compile(bytes)', ''),
        row('glueImport', 'import the JS glue', ''),
        row('initSync', 'glue initSync({ module }) = instantiate + start', `≤ 3 ms (with compile): ${inst <= 3 ? "met" : "missed"}`),
        row('initSyncFromBytes', 'glue initSync({ module: bytes }) (compile + instantiate, sync)', ''),
        row('firstCheck', `first validateForm (${big.edition}/${big.category}: cold; nothing to parse, V8 compiles what it runs)`, ''),
        row('secondCheck', 'second validateForm', ''),
      ],
    );
    const tot = stats(runs.map((r) => r.compile + r.initSync)).p50;
    console.log(`  compile + instantiate: median ${fmtMs(tot)} (target ≤ 3 ms: ${tot <= 3 ? "met" : "missed"}); V8 compiles lazily (Liftoff first, TurboFan for hot functions), so the first calls pay for the rest`);
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Headless Chromium

heading('5. Headless Chromium (www/ served by scripts/serve.mjs; fresh browser context per load)');
if (NO_BROWSER) {
  console.log('  (skipped: --no-browser)');
} else {
  try {
    await browserFigures();
  } catch (e) {
    skipped('Chromium figures', e);
  }
}

// Runs in the page before its scripts: when the first live check is up (app.js's __ycReady,
// else the notice hidden or a verdict shown) and when the module's instantiation ran.
function pageProbe() {
  const mark = () => {
    if (window.__ycSeen !== undefined) return;
    const notice = document.querySelector('.js-off-notice');
    if ((notice && notice.hidden) || document.querySelector('[data-yc-eligibility] .yc-verdict')) window.__ycSeen = performance.now();
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
  for (const name of ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile']) {
    const orig = WebAssembly[name];
    if (typeof orig !== 'function') continue;
    WebAssembly[name] = function (...args) {
      const start = performance.now();
      const p = orig.apply(this, args);
      p.then(() => {
        (window.__ycWasm ??= []).push({ name, start, end: performance.now() });
      }, () => {});
      return p;
    };
  }
}

/** Fills a form from a scenario's values by the inputs' names (text, lists, boxes, radios). */
function fillForm(values) {
  const form = document.querySelector('form[data-edition]');
  for (const [id, v] of Object.entries(values)) {
    const els = [...form.querySelectorAll(`[name="${CSS.escape(id)}"]`)];
    if (els.length === 0) continue;
    const type = els[0].type;
    if (type === 'checkbox' || type === 'radio') {
      for (const el of els) el.checked = typeof v === 'boolean' ? v : Array.isArray(v) ? v.includes(el.value) : el.value === String(v);
    } else if (Array.isArray(v)) {
      while (els.length < v.length && els[0].tagName === 'TEXTAREA') {
        const copy = els[els.length - 1].cloneNode(false);
        copy.id = `f-${id}-${els.length + 1}`;
        els[els.length - 1].after(copy);
        els.push(copy);
      }
      els.forEach((el, i) => (el.value = v[i] ?? ''));
    } else {
      els[0].value = typeof v === 'boolean' ? (v ? 'yes' : '') : String(v);
    }
    // As someone who filled the field and moved on: the field counts as visited.
    els[0].dispatchEvent(new Event('change', { bubbles: true }));
    els[0].dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  }
}

/**
 * In the page: alternate a field between a good and a bad value `count` times; for each input
 * event the time until the DOM shows (or no longer shows) the message, and until the next
 * animation frame. kind 'message' checks #yc-msg-<field>; kind 'counter' checks #yc-count-<field>.
 */
async function keystrokes({ field, good, bad, count, kind, randomPhase = true, frames = true }) {
  const el = document.getElementById('f-' + field);
  if (!el) throw new Error('no #f-' + field);
  const sel = (kind === 'counter' ? '#yc-count-' : '#yc-msg-') + CSS.escape(field);
  el.focus();
  el.value = bad;
  el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  const shows = () => {
    const m = document.querySelector(sel);
    return m && m.textContent.length > 0 ? m.textContent : null;
  };
  if (kind === 'message' && !shows()) throw new Error(`no ${sel} after a bad value and blur`);
  const dom = [], frame = [];
  let previous = shows();
  for (let k = 0; k < count; k++) {
    const next = k % 2 === 0 ? good : bad;
    el.value = next;
    const t0 = performance.now();
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: next.slice(-1) }));
    const now = shows();
    const t1 = performance.now();
    const ok = kind === 'counter' ? now !== null && now !== previous : (next === bad) === (now !== null);
    if (!ok) throw new Error(`keystroke ${k}: ${sel} is ${JSON.stringify(now)} after ${JSON.stringify(next.slice(-12))}`);
    previous = now;
    const t2 = frames ? await new Promise((r) => requestAnimationFrame(() => r(performance.now()))) : t1;
    dom.push(t1 - t0);
    frame.push(t2 - t0);
    // Keys arrive at any point of a frame: start the next one at a random phase.
    if (frames && randomPhase) await new Promise((r) => setTimeout(r, Math.random() * 16.7));
  }
  return { dom, frame };
}

async function browserFigures() {
  const { launchBrowser, startSite, STRICT_CSP } = await import('../tests/e2e/harness.mjs');
  if (!fs.existsSync(path.join(ROOT, 'www/pkg/yanglao_check_bg.wasm'))) throw new Error('www/pkg/ not built');
  const site = await startSite({ csp: STRICT_CSP });
  const browser = await launchBrowser();
  try {
    console.log(`  Chromium ${browser.version()}; ${PAGE_LOADS} loads per form, ${KEYSTROKES} keystrokes per field`);
    const loadRows = [];
    const keyRows = [];
    for (const f of forms) {
      const url = new URL(`/forms/${f.edition}-${f.category}.html`, site.url).href;
      const ready = [], wasm = [], html = [], dcl = [], wasmFetched = [], attach = [];
      let keyPage = null;
      for (let i = 0; i < PAGE_LOADS; i++) {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.addInitScript(pageProbe);
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForFunction(() => window.__ycReady !== undefined || window.__ycSeen !== undefined, null, { timeout: 30_000 });
        const m = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const w = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
          const inst = (window.__ycWasm ?? []).find((x) => x.name.startsWith('instantiate'));
          return { ready: window.__ycReady ?? window.__ycSeen, html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, wasmEnd: w ? w.responseEnd : null, inst };
        });
        ready.push(m.ready);
        html.push(m.html);
        dcl.push(m.dcl);
        if (m.wasmEnd !== null) wasmFetched.push(m.wasmEnd);
        if (m.inst) {
          wasm.push(m.inst.end - m.inst.start);
          attach.push(m.ready - m.inst.end);
        }
        if (i === PAGE_LOADS - 1) keyPage = { page, context };
        else await context.close();
      }
      const r = stats(ready);
      loadRows.push([
        f.label,
        fmtMs(stats(html).p50),
        fmtMs(stats(dcl).p50),
        wasmFetched.length ? fmtMs(stats(wasmFetched).p50) : '—',
        wasm.length ? fmtMs(stats(wasm).p50) : '—',
        attach.length ? fmtMs(stats(attach).p50) : '—',
        fmtMs(r.p50),
        fmtMs(r.max),
      ]);

      // Keystrokes on the last page: fill it with the eligible values first (every field visited).
      const { page, context } = keyPage;
      await page.evaluate(fillForm, f.values);
      const fields = [];
      const pickBad = (id) => {
        const good = f.values[id];
        if (typeof good !== 'string' || good.length < 2) return null;
        if (api.validateField(f.edition, f.category, id, good, f.values, f.options).some((i) => i.severity === 'error')) return null;
        for (const ch of ['A', '@', 'x', '。', '0']) {
          const bad = good.slice(0, -1) + ch;
          if (api.validateField(f.edition, f.category, id, bad, f.values, f.options).some((i) => i.severity === 'error')) return { id, good, bad };
        }
        return null;
      };
      for (const id of ['uscc', 'contact_email', 'contact_phone', 'legal_rep_phone', 'founded', 'apply_date']) {
        const p = pickBad(id);
        if (p) {
          fields.push({ ...p, kind: 'message' });
          keyFields.set(f.category, { ...p, kind: 'message' });
          break;
        }
      }
      if (f.longField && typeof f.values[f.longField] === 'string') {
        const good = f.values[f.longField];
        fields.push({ id: f.longField, good: good + '字', bad: good, kind: 'counter' });
      }
      for (const k of fields) {
        const what = k.kind === 'message' ? `${k.id}: fix/break last char → #yc-msg-${k.id}` : `${k.id} (${k.good.length} chars): add/remove a char → 字数 counter`;
        let t;
        try {
          t = await page.evaluate(keystrokes, { field: k.id, good: k.good, bad: k.bad, count: KEYSTROKES, kind: k.kind });
        } catch (e) {
          // The binding's timing (issue 14) may hold a message back; the load figures still print.
          keyRows.push([f.label, what, '—', '—', '—', '—', `not measured: ${String(e.message ?? e).split('\n')[0].slice(0, 80)} (see scripts/keystroke-bench.mjs)`]);
          continue;
        }
        const d = stats(t.dom), fr = stats(t.frame);
        keyRows.push([f.label, what, fmtMs(d.p50), fmtMs(d.p99), fmtMs(fr.p50), fmtMs(fr.p99), fr.p99 <= 16 ? 'met' : 'missed']);
      }
      await context.close();
    }
    console.log('\n  navigation → first live check (ms since navigation start, median of loads; target: navigation → first live check ≤ 150 ms on localhost):');
    table(['form', 'HTML received', 'DOMContentLoaded', '.wasm received', 'instantiateStreaming', 'then → ready', 'first live check', 'worst'], loadRows);
    console.log('  first live check = app.js sets window.__ycReady after init() and attach(); instantiateStreaming spans the .wasm body download, compile and');
    console.log('  instantiate; "then → ready" = from its end to __ycReady (start function, attach: reading and checking the form, drawing)');

    // The issue's slow profile: 1.6 Mbps down / 750 kbps up, 150 ms RTT, CPU 4x slower; one
    // server per encoding offered (a department's server with none, with gzip_static, with
    // brotli_static), the browser accepting all of them as Chromium does.
    {
      const { startServer } = await import('./serve.mjs');
      const big = forms.reduce((a, b) => (b.fields > a.fields ? b : a), forms[0]);
      const rows = [];
      for (const [label, offer] of [['uncompressed server', []], ['gzip server', ['gzip']], ['brotli server', ['br', 'gzip']]]) {
        const server = await startServer({ root: path.join(ROOT, 'www'), headers: { 'Content-Security-Policy': STRICT_CSP }, offer });
        const url = new URL(`/forms/${big.edition}-${big.category}.html`, server.url).href;
        const times = [], bytes = [];
        for (let i = 0; i < (QUICK ? 2 : 3); i++) {
          const context = await browser.newContext({ serviceWorkers: 'block' });
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
          // Only app.js's own mark: the probe's __ycSeen would stop the clock before the module arrives.
          await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
          await page.waitForFunction(() => window.__ycReady !== undefined, null, { timeout: 120_000 });
          const m = await page.evaluate(() => ({
            ready: window.__ycReady,
            transferred: performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).reduce((acc, r) => acc + (r.transferSize || 0), 0),
          }));
          times.push(m.ready);
          bytes.push(m.transferred);
          await context.close();
        }
        await server.close();
        const t = stats(times);
        rows.push([label, `${KB(stats(bytes).p50)} KB`, fmtMs(t.p50), fmtMs(t.max), label.startsWith('gzip') ? (t.p50 <= 1500 ? '≤ 1.5 s: met' : `≤ 1.5 s: missed (${(t.p50 / 1500).toFixed(1)}x)`) : '']);
      }
      console.log(`\n  slow profile (1.6 Mbps / 150 ms RTT, CPU 4x), ${big.edition}/${big.category}: navigation → first live check (target from a gzip server ≤ 1.5 s):`);
      table(['server', 'transferred', 'median', 'worst', 'target'], rows);
    }
    console.log(`\n  input event → message (${KEYSTROKES} keystrokes each, form filled with the eligible values, every field visited; target: on screen within 16 ms p99):`);
    table(['form', 'keystrokes', 'DOM p50', 'DOM p99', 'next frame p50', 'next frame p99', '16 ms p99'], keyRows);
    console.log('  DOM = performance.now() before dispatchEvent(input) → the message/counter reflects the value (synchronous);');
    console.log('  next frame = → the next requestAnimationFrame callback (the frame that paints it), each key sent at a random phase of the');
    console.log('  16.7 ms frame, so this includes on average half a frame of waiting for vsync');

    // A CPU profile of the keystrokes, with the name-carrying build served in place of pkg/.
    const f = forms.reduce((a, b) => (b.fields > a.fields ? b : a), forms[0]);
    const field = keyFields.get(f.category);
    if (named && field) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.route('**/pkg/yanglao_check_bg.wasm', (r) => r.fulfill({ body: fs.readFileSync(named.wasm), contentType: 'application/wasm' }));
      await page.route('**/pkg/yanglao_check.js', (r) => r.fulfill({ body: fs.readFileSync(named.glue), contentType: 'text/javascript; charset=utf-8' }));
      await page.goto(new URL(`/forms/${f.edition}-${f.category}.html`, site.url).href, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__ycReady !== undefined || window.__ycSeen !== undefined, null, { timeout: 30_000 });
      await page.evaluate(fillForm, f.values);
      await page.evaluate(keystrokes, { field: field.id, good: field.good, bad: field.bad, count: 50, kind: field.kind, frames: false });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await page.evaluate(keystrokes, { field: field.id, good: field.good, bad: field.bad, count: KEYSTROKES, kind: field.kind, frames: false });
      const { profile } = await cdp.send('Profiler.stop');
      browserProfile = { title: `Chromium: ${KEYSTROKES} input events on #f-${field.id} of ${f.edition}/${f.category} (filled, every field visited; no frame waits)`, summary: summariseProfile(profile, named.glue) };
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
}


// ---------------------------------------------------------------------------------------------
// 6. Where the time goes

heading('6. Where the time goes: V8 CPU profiles (self time) of the same code with names (the name-carrying build)');
if (!named) console.log('  (skipped: no name-carrying build, see section 2)');
else {
  try {
    const inspector = await import('node:inspector/promises');
    const napi = await import(pathToFileURL(named.glue).href);
    napi.initSync({ module: fs.readFileSync(named.wasm) });
    const big = forms.reduce((a, b) => (b.fields > a.fields ? b : a), forms[0]);
    const session = new inspector.Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 25 });
    const profileFor = async (fn) => {
      for (let i = 0; i < WARMUP; i++) fn();
      await session.post('Profiler.start');
      const until = performance.now() + (QUICK ? 400 : 1500);
      while (performance.now() < until) for (let i = 0; i < 20; i++) fn();
      return summariseProfile((await session.post('Profiler.stop')).profile, named.glue);
    };
    const { edition: e, category: c, values, options } = big;
    printProfile(`node: validateForm on ${e}/${c}`, await profileFor(() => napi.validateForm(e, c, values, options)));
    if (big.shortField) {
      const v = values[big.shortField];
      printProfile(`node: validateField('${big.shortField}') with values on ${e}/${c}`, await profileFor(() => napi.validateField(e, c, big.shortField, v, values, options)));
    }
    session.disconnect();
  } catch (e) {
    skipped('node profiles', e);
  }
  if (browserProfile) printProfile(browserProfile.title, browserProfile.summary);
}

if (sink === 42) console.log(''); // keep the results alive
