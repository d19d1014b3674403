// Calls every exported function with arbitrary values of every JS type, from a seeded PRNG.
// A Rust panic inside WebAssembly surfaces as a WebAssembly.RuntimeError ("unreachable") and
// leaves the module unusable: that is the failure this looks for. Only misuse may throw an
// Error (unknown edition or category, an id that is not a string).
//   node scripts/fuzz.mjs [--calls N] [--seed S]      (default 10 000 000 calls)
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const arg = (name, d) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const CALLS = arg('--calls', 10_000_000);
let seed = arg('--seed', 20261122) >>> 0;
const rand = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rand() * a.length)];

const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const api = await import(new URL('../pkg/yanglao_check.js', import.meta.url).href);
api.initSync({ module: fs.readFileSync(pkg + 'yanglao_check_bg.wasm') });

const editions = api.editions();
const forms = editions.flatMap((e) => e.categories.map((c) => ({ e: e.id, c: c.id, fields: api.schema(e.id, c.id).fields })));
const MB = 'x'.repeat(1 << 20);
const BIG = Array.from({ length: 100_000 }, (_, i) => String(i));
const PIECES = ['91110000600037341L', '9111000060003734', '138 1234 5678', '+86 (0755) 2603-6008 转8001', '010-1234567', 'a@b.cn', 'a＠b.cn',
  '1,234.5万元', '1,23.4', '５００元', '3亿元', '15％', '0.15', '百分之十五', '2019年3月5日', '2019-02-30', '3/5/2019', '是', '否', 'other', '',
  '\u0000', '\u200b', '\u202e', '\ud800', '\udfff', '😀', '１２３', '1e309', '-0', 'NaN', 'Infinity', '9'.repeat(400), '<script>alert(1)</script>'];

function str() {
  const r = rand();
  if (r < 0.5) return pick(PIECES);
  if (r < 0.8) return Array.from({ length: Math.floor(rand() * 8) }, () => pick(PIECES)).join(pick(['', ' ', ',']));
  if (r < 0.99995) return String.fromCharCode(...Array.from({ length: Math.floor(rand() * 24) }, () => Math.floor(rand() * 0x10000)));
  return MB;
}
function value(depth = 0) {
  const r = rand();
  if (r < 0.45) return str();
  if (r < 0.6) return Array.from({ length: Math.floor(rand() * 5) }, () => (depth < 2 && rand() < 0.2 ? value(depth + 1) : str()));
  if (r < 0.68) return pick([true, false]);
  if (r < 0.78) return pick([0, -0, 1.5, -3, 1e21, 1e300, NaN, Infinity, -Infinity, 2 ** 53 + 1, Number.MIN_VALUE]);
  if (r < 0.8) return pick([null, undefined]);
  if (r < 0.83) return 10n ** BigInt(Math.floor(rand() * 40));
  if (r < 0.88) return { a: str(), toString() { return 'x'; } };
  if (r < 0.9) return () => 1;
  if (r < 0.92) return Symbol('s');
  if (r < 0.92002) return BIG;
  return new Date(rand() * 2e12);
}
function valuesFor(form) {
  if (rand() < 0.03) return value();
  const o = {};
  const n = Math.floor(rand() * 12);
  for (let i = 0; i < n; i++) o[rand() < 0.95 ? pick(form.fields).id : str()] = value();
  if (rand() < 0.01) { o.self = o; } // a cycle: JSON.stringify throws, the reflective path reads it
  return o;
}
const idOr = (real) => (rand() < 0.97 ? real : value());

let calls = 0, misuse = 0;
const start = Date.now();
function check(name, args, fn) {
  calls++;
  try {
    const r = fn();
    if (name === 'validateForm' && (typeof r.valid !== 'boolean' || !Array.isArray(r.issues) || !Array.isArray(r.eligibility.rules))) throw new Error('malformed report');
    if (name === 'validateField' && !Array.isArray(r)) throw new Error('malformed issues');
  } catch (e) {
    const realIds = typeof args[0] === 'string' && typeof args[1] === 'string' && forms.some((f) => f.e === args[0] && f.c === args[1]) && (args.length < 3 || typeof args[2] === 'string' || name !== 'validateField');
    if (e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && e.message && !realIds) { misuse++; return; }
    const show = (a) => { try { return typeof a === 'string' ? JSON.stringify(a.slice(0, 60)) : typeof a === 'object' && a ? '{' + Object.keys(a).slice(0, 8).join(',') + '}' : String(typeof a); } catch { return typeof a; } };
    console.error(`FAILED after ${calls} calls: ${name}(${args.map(show).join(', ')})\n  ${e && e.stack || e}`);
    process.exit(1);
  }
}

while (calls < CALLS) {
  const form = pick(forms);
  const r = rand();
  if (r < 0.6) {
    const args = [idOr(form.e), idOr(form.c), rand() < 0.95 ? pick(form.fields).id : value(), value(), rand() < 0.5 ? valuesFor(form) : undefined, rand() < 0.5 ? { today: pick(['2023-06-01', str()]), locale: pick(['en', 'zh-CN', str()]) } : value()];
    check('validateField', args, () => api.validateField(...args));
  } else if (r < 0.95) {
    const args = [idOr(form.e), idOr(form.c), valuesFor(form), rand() < 0.5 ? { today: '2023-06-01' } : value()];
    check('validateForm', args, () => api.validateForm(...args));
  } else if (r < 0.98) {
    const args = [value()];
    check('countChars', args, () => api.countChars(...args));
  } else if (r < 0.995) {
    const args = [idOr(form.e), idOr(form.c)];
    check('schema', args, () => api.schema(...args));
  } else {
    check('editions', [], () => api.editions());
  }
  if (calls % 1_000_000 === 0) console.log(`${calls} calls, ${Math.round(calls / ((Date.now() - start) / 1000))} calls/s`);
}
const secs = (Date.now() - start) / 1000;
console.log(`fuzz: ${calls} calls in ${secs.toFixed(1)} s (${Math.round(calls / secs)} calls/s), ${misuse} misuse errors thrown as expected, no panic, no malformed result`);
