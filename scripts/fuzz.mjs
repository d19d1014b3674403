// Calls every exported function of the built pkg/ with arbitrary values of every JS type, from a
// seeded PRNG, and checks what comes back.
//
//   node scripts/fuzz.mjs [--calls N] [--seed S] [--tame]     (default: 10 000 000 calls)
//
// Expected behaviour (src/wasm_api.rs):
//   - misuse throws an Error with a non-empty message: an edition or category that is unknown
//     or not a string, a fieldId that is not a string; every such call must throw;
//   - nothing else throws: bad *values* (of any type, including objects whose getters, toJSON,
//     iterators or proxy traps throw) come back as issues;
//   - a WebAssembly.RuntimeError (a Rust panic is `unreachable`; a corrupted module gives
//     "memory access out of bounds") is always a failure;
//   - results are well formed: validateField → Issue[]; validateForm → { valid: boolean,
//     issues: Issue[], eligibility: { verdict, rules } }; countChars → a count; schema and
//     editions → their objects.
// On the first failure it prints the call (argument types, truncated), how to reproduce it, and
// exits 1. --tame leaves out the "hostile" values (revoked proxies, throwing getters, iterators
// and toJSON) to fuzz the rest while such a failure is being fixed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
function arg(name, fallback) {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(String(argv[i + 1]).replace(/_/g, ''));
  if (!Number.isFinite(v) || v < 0) {
    console.error(`fuzz: ${name} needs a number`);
    process.exit(2);
  }
  return v;
}
for (const a of argv) {
  if (a.startsWith('--') && !['--calls', '--seed', '--tame'].includes(a)) {
    console.error(`fuzz: unknown option ${a}\nusage: node scripts/fuzz.mjs [--calls N] [--seed S] [--tame]`);
    process.exit(2);
  }
}
const CALLS = Math.floor(arg('--calls', 10_000_000));
const SEED = arg('--seed', 20261122) >>> 0;
const TAME = argv.includes('--tame');

// ---------------------------------------------------------------------------------------------
// PRNG (mulberry32) and pickers

let state = SEED;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rand() * n);
const pick = (a) => a[int(a.length)];
const chance = (p) => rand() < p;

// ---------------------------------------------------------------------------------------------
// The module

const GLUE = path.join(ROOT, 'pkg/yanglao_check.js');
const WASM = path.join(ROOT, 'pkg/yanglao_check_bg.wasm');
if (!fs.existsSync(GLUE) || !fs.existsSync(WASM)) {
  console.error('fuzz: pkg/ is not built: run bash scripts/build.sh');
  process.exit(1);
}
const api = await import(pathToFileURL(GLUE).href);
api.initSync({ module: fs.readFileSync(WASM) });
const EXPORTS = ['editions', 'schema', 'validateField', 'validateForm', 'countChars', 'new Checker', 'Checker.field', 'Checker.form', 'Checker.dependents'];
const CHECKER_CODES = new Set(['UNKNOWN_EDITION', 'UNKNOWN_CATEGORY', 'UNKNOWN_FIELD', 'WRONG_TYPE']);
for (const name of [...EXPORTS.filter((n) => !n.includes('Checker')), 'Checker']) {
  if (typeof api[name] !== 'function') {
    console.error(`fuzz: pkg/ does not export ${name}()`);
    process.exit(1);
  }
}

const forms = [];
for (const e of api.editions()) {
  for (const c of e.categories) {
    const schema = api.schema(e.id, c.id);
    const seeds = [];
    const dir = path.join(ROOT, 'tests/scenarios', e.id);
    if (fs.existsSync(dir)) {
      for (const f of fs.readdirSync(dir).filter((f) => f.startsWith(c.id + '-') && f.endsWith('.json'))) {
        try {
          const v = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).values;
          if (v && typeof v === 'object') seeds.push(v);
        } catch {}
      }
    }
    const fields = schema.fields;
    const optionValues = fields.flatMap((f) => (f.options ?? []).map((o) => o.value));
    forms.push({ e: e.id, c: c.id, fields, ids: fields.map((f) => f.id), seeds, optionValues });
  }
}
const knownPair = new Set(forms.map((f) => f.e + '\u0000' + f.c));
const formOf = (e, c) => forms.find((f) => f.e === e && f.c === c);
const editionIds = [...new Set(forms.map((f) => f.e))];
const categoryIds = [...new Set(forms.map((f) => f.c))];

// ---------------------------------------------------------------------------------------------
// Values

const MB = '智慧健康养老a1'.repeat(Math.ceil((1 << 20) / 8)).slice(0, 1 << 20); // 1 Mi UTF-16 units
const BIG_ARRAY = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? i : String(i)));
const DIGITS_400 = '9'.repeat(400);
const PIECES = [
  // shapes the checkers know
  '91110000600037341L', '91110000600037341A', '9111000060003734', '91110000600037341l', '９１１１００００６０００３７３４１Ｌ',
  '13812345678', '138 1234 5678', '+86 138-1234-5678', '010-62795627', '(0755)2603-6008转8001', '62795627',
  'a@b.cn', 'wangli@kangyi-tech.com.cn', 'a＠b.cn', 'a@@b', '@', 'a@b',
  '2023-05-20', '2020-05-20', '2019-02-29', '2020-02-29', '2023-13-01', '2023/5/20', '2023年5月20日', '20230520', '0000-00-00', '9999-12-31',
  '8000', '1,234.5', '1,23.4', '5200万元', '3亿元', '５００元', '-120', '+5', '.5', '5.', '0.000001', '1e3', '1E-7', '0x1F', '1_000',
  '15%', '15％', '0.15', '百分之十五', '100', '100.0001', '-0.0', '00012', 'yes', 'no', '是', '否', 'true', 'false', 'on', 'other',
  // what the brief asks for
  '', ' ', '\t\n\r', '\u0000', 'a\u0000b', '\u200b', '\u200c\u200d', '\ufeff', '\u200f', '\u202e', '\u202eabc\u202c', 'مرحبا', 'שלום',
  '\ud800', '\udfff', 'a\ud800b', '\udc00\ud800', '😀', '👨‍👩‍👧‍👦', '🇨🇳', 'e\u0301', '１２３', '１．５', '１，０００', '٣٤٥', '१२३',
  '1e309', '-1e309', '-0', 'NaN', 'Infinity', '-Infinity', '∞', DIGITS_400, '-' + DIGITS_400, '0.' + DIGITS_400, '1' + '0'.repeat(308),
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '${x}', '%s%n', '\\', '"', "'", '{}', '[]', 'null', 'undefined', '__proto__', 'constructor',
];

function randomString() {
  const r = rand();
  if (r < 0.45) return pick(PIECES);
  if (r < 0.75) return Array.from({ length: 1 + int(6) }, () => pick(PIECES)).join(pick(['', ' ', ',', '、', '\n']));
  if (r < 0.9) return String.fromCharCode(...Array.from({ length: int(24) }, () => int(0x10000))); // any UTF-16, lone surrogates included
  if (r < 0.985) return String.fromCodePoint(...Array.from({ length: int(12) }, () => pick([int(0x80), 0x4e00 + int(0x5000), 0xff10 + int(10), 0x1f600 + int(80), int(0x110000)])).map((c) => (c >= 0xd800 && c < 0xe000 ? 0xfffd : c)));
  if (r < 0.99998) {
    const p = pick(PIECES) || 'x';
    return p.repeat(1 + int(Math.ceil(20_000 / p.length))); // up to 20 000 units
  }
  return MB; // rarely: 1 Mi characters
}

function randomNumber() {
  return pick([0, -0, 1, -1, 1.5, -3, 42, 2023, 1e21, 1e-7, 5e-324, 1e308, 1e309, -1e309, NaN, Infinity, -Infinity, 2 ** 53 + 1, Number(DIGITS_400), rand() * 1e6, -rand() * 100, int(1000)]);
}

function randomBigInt() {
  return pick([0n, -1n, 1n, 2n ** 64n, -(2n ** 63n), 10n ** 400n, BigInt(int(1e9))]);
}

/** Objects whose own code throws when read: the module must survive them (unless --tame). */
function hostile() {
  const boom = () => {
    throw new HostileError('thrown by the caller\'s own object');
  };
  switch (int(8)) {
    case 0: {
      const p = Proxy.revocable({}, {});
      p.revoke();
      return p.proxy;
    }
    case 1: {
      const p = Proxy.revocable([], {});
      p.revoke();
      return p.proxy;
    }
    case 2:
      return new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
    case 3:
      return new Proxy(['a', 'b'], { get: boom });
    case 4: {
      const a = ['1', '2'];
      Object.defineProperty(a, 1, { get: boom });
      return a;
    }
    case 5: {
      const a = ['x'];
      a[Symbol.iterator] = boom;
      return a;
    }
    case 6:
      return { toJSON: boom };
    default: {
      const o = {};
      for (const id of ['revenue', 'uscc', 'intro', 'founded', 'applicant']) Object.defineProperty(o, id, { get: boom, enumerable: true });
      return o;
    }
  }
}
class HostileError extends Error {}

function randomObject(depth) {
  switch (int(18)) {
    case 0: return {};
    case 1: return { a: randomString(), b: [1, 2] };
    case 2: return new Date(rand() * 4e12 - 1e12);
    case 3: return /re+/g;
    case 4: return new Map([['revenue', '1']]);
    case 5: return new Set(['a']);
    case 6: return new String(randomString());
    case 7: return new Number(randomNumber());
    case 8: return new Boolean(chance(0.5));
    case 9: return new Uint8Array([1, 2, 3]);
    case 10: return new ArrayBuffer(8);
    case 11: return Promise.resolve(1);
    case 12: return new Error('not a value');
    case 13: return Object.create(null);
    case 14: return { toString: () => '8000', valueOf: () => 8000 };
    case 15: return { toJSON: () => randomString() };
    case 16: {
      const o = { x: 1 };
      o.self = o; // a cycle
      return o;
    }
    default: return depth < 3 ? { nested: randomValue(depth + 1) } : {};
  }
}

function randomArray(depth) {
  const r = rand();
  if (r < 0.00002) return BIG_ARRAY; // rarely: 100 000 items
  if (r < 0.000025) return chance(0.2) ? new Array(2 ** 32 - 1) : Object.assign(new Array(1_000_000), { 7: '1' }); // huge and sparse
  if (r < 0.5) return Array.from({ length: int(6) }, () => (chance(0.9) ? randomString() : randomNumber())); // a plausible list
  if (r < 0.6) {
    const a = [];
    a[int(5) + 1] = randomString(); // holes
    return a;
  }
  if (r < 0.7) {
    // deeply nested
    let a = [randomString()];
    for (let i = int(depth < 1 ? 2000 : 20); i > 0; i--) a = [a];
    return a;
  }
  return Array.from({ length: int(5) }, () => randomValue(depth + 1));
}

function randomValue(depth = 0) {
  const r = rand();
  if (r < 0.4) return randomString();
  if (r < 0.55) return randomArray(depth);
  if (r < 0.62) return chance(0.5);
  if (r < 0.72) return randomNumber();
  if (r < 0.77) return chance(0.5) ? null : undefined;
  if (r < 0.8) return randomBigInt();
  if (r < 0.9) return depth < 4 ? randomObject(depth) : {};
  if (r < 0.93) return pick([() => 1, function named() {}, class K {}, Math.max, async () => 1]);
  if (r < 0.96) return pick([Symbol('s'), Symbol.iterator, Symbol.for('revenue')]);
  if (!TAME && r < 0.962) return hostile();
  return pick(PIECES);
}

/** A value meant for one field: mostly of a plausible type, sometimes anything. */
function fieldValue(form, field) {
  const r = rand();
  if (r < 0.25 && form.seeds.length) {
    const v = pick(form.seeds)[field.id];
    if (v !== undefined) return mutate(v);
  }
  if (r < 0.4 && form.optionValues.length) return chance(0.5) ? pick(form.optionValues) : Array.from({ length: int(4) }, () => pick(form.optionValues));
  if (r < 0.55) return pick([true, false, 'yes', '', null]);
  return randomValue();
}

function mutate(v) {
  if (chance(0.5)) return v;
  if (typeof v === 'string') {
    const i = int(v.length + 1);
    switch (int(4)) {
      case 0: return v.slice(0, i) + randomString() + v.slice(i);
      case 1: return v.slice(0, i) + v.slice(i + 1 + int(3));
      case 2: return Number(v);
      default: return v.slice(0, -1) + pick(PIECES).slice(0, 1);
    }
  }
  if (Array.isArray(v)) return chance(0.5) ? v.slice(int(v.length)) : [...v, randomString()];
  return randomValue();
}

/** An own, enumerable property even for keys like "__proto__" (plain assignment would set the prototype). */
function put(o, key, value) {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function valuesFor(form) {
  const r = rand();
  if (r < 0.03) return randomValue(); // not an object at all (or any object)
  let o;
  if (r < 0.45 && form.seeds.length) {
    o = { ...pick(form.seeds) };
    for (let i = int(4); i > 0; i--) {
      const f = pick(form.fields);
      put(o, f.id, fieldValue(form, f));
    }
  } else {
    o = {};
    for (let i = int(14); i > 0; i--) {
      if (chance(0.93)) {
        const f = pick(form.fields);
        put(o, f.id, fieldValue(form, f));
      } else {
        put(o, randomString(), randomValue());
      }
    }
  }
  if (chance(0.01)) put(o, 'self', o); // a cycle: JSON.stringify throws, the reflective path reads it
  if (chance(0.005)) Object.setPrototypeOf(o, { revenue: '1', intro: '继承' }); // inherited keys
  if (!TAME && chance(0.003)) {
    const f = pick(form.fields);
    Object.defineProperty(o, f.id, { get: () => { throw new HostileError('getter'); }, enumerable: true });
  }
  return o;
}

function options() {
  const r = rand();
  if (r < 0.4) return undefined;
  if (r < 0.75) return { locale: pick(['zh-CN', 'en', 'zh-CN', randomString()]), today: pick(['2023-06-01', '2021-09-30', '2019-01-01', randomString()]) };
  if (r < 0.85) return { today: randomValue(), locale: randomValue() };
  return randomValue();
}

const id = (real, pool) => {
  const r = rand();
  if (r < 0.95) return real;
  if (r < 0.97) return pick(pool); // a real id, possibly from another pair
  if (r < 0.985) return randomString();
  return randomValue();
};

// ---------------------------------------------------------------------------------------------
// Checks

const SEVERITIES = new Set(['error', 'warning']);
const VERDICTS = new Set(['eligible', 'ineligible', 'incomplete']);
const STATUSES = new Set(['met', 'notMet', 'missing', 'declared']);
const isStringArray = (a) => Array.isArray(a) && a.every((x) => typeof x === 'string');

function issueProblem(i, fieldId) {
  if (!i || typeof i !== 'object') return 'an issue is not an object';
  if (typeof i.field !== 'string') return `issue.field is ${JSON.stringify(i.field)}`;
  if (fieldId !== undefined && i.field !== fieldId) return `validateField('${fieldId}') gave an issue for field ${JSON.stringify(i.field)}`;
  for (const k of ['rule', 'code']) if (typeof i[k] !== 'string' || i[k] === '') return `issue.${k} is ${JSON.stringify(i[k])}`;
  if (!SEVERITIES.has(i.severity)) return `issue.severity is ${JSON.stringify(i.severity)}`;
  if (typeof i.message !== 'string' || i.message.trim() === '') return 'issue.message is empty';
  if (i.fields !== undefined && !isStringArray(i.fields)) return 'issue.fields is not a string array';
  return null;
}

function resultProblem(name, args, r) {
  switch (name) {
    case 'new Checker':
      if (!(r instanceof api.Checker)) return 'new Checker did not return a Checker';
      if (r.edition !== args[0] || r.category !== args[1]) return `the checker says ${r.edition}/${r.category}`;
      return null;
    case 'Checker.field':
      return resultProblem('validateField', [args.checker.edition, args.checker.category, args[0]], r);
    case 'Checker.form':
      return resultProblem('validateForm', [], r);
    case 'Checker.dependents': {
      if (!isStringArray(r)) return 'dependents is not a string array';
      const ids = formOf(args.checker.edition, args.checker.category)?.ids ?? [];
      if (r.some((d) => !ids.includes(d) || d === args[0])) return `dependents(${args[0]}) names ${JSON.stringify(r)}`;
      return null;
    }
    case 'validateField': {
      if (!Array.isArray(r)) return 'validateField did not return an array';
      // An unknown field id comes back clipped (and with lone surrogates replaced) in issue.field.
      const real = formOf(args[0], args[1])?.ids.includes(args[2]);
      for (const i of r) {
        const p = issueProblem(i, real ? args[2] : undefined);
        if (p) return p;
      }
      return null;
    }
    case 'validateForm': {
      if (!r || typeof r !== 'object') return 'validateForm did not return an object';
      if (typeof r.valid !== 'boolean') return 'report.valid is not a boolean';
      if (!Array.isArray(r.issues)) return 'report.issues is not an array';
      for (const i of r.issues) {
        const p = issueProblem(i);
        if (p) return p;
      }
      if (r.valid !== !r.issues.some((i) => i.severity === 'error')) return `report.valid is ${r.valid} with ${r.issues.filter((i) => i.severity === 'error').length} errors`;
      const e = r.eligibility;
      if (!e || typeof e !== 'object') return 'report.eligibility is not an object';
      if (!VERDICTS.has(e.verdict)) return `eligibility.verdict is ${JSON.stringify(e.verdict)}`;
      if (!Array.isArray(e.rules)) return 'eligibility.rules is not an array';
      for (const rule of e.rules) {
        if (!rule || typeof rule.id !== 'string' || typeof rule.text !== 'string' || typeof rule.explanation !== 'string') return 'a rule lacks id/text/explanation';
        if (!STATUSES.has(rule.status)) return `rule.status is ${JSON.stringify(rule.status)}`;
        if (!isStringArray(rule.fields)) return 'rule.fields is not a string array';
      }
      return null;
    }
    case 'countChars': {
      if (typeof r !== 'number' || !Number.isInteger(r) || r < 0) return `countChars returned ${String(r)}`;
      if (typeof args[0] === 'string' && r > args[0].length) return `countChars returned ${r} for ${args[0].length} UTF-16 units`;
      if (typeof args[0] !== 'string' && r !== 0) return `countChars returned ${r} for a ${typeof args[0]}`;
      return null;
    }
    case 'schema': {
      if (!r || typeof r !== 'object' || !Array.isArray(r.fields) || r.fields.length === 0 || !Array.isArray(r.rules)) return 'schema is not { fields: [...], rules: [...] }';
      if (r.edition?.id !== args[0] || r.category?.id !== args[1]) return 'schema is for another edition or category';
      return null;
    }
    case 'editions': {
      if (!Array.isArray(r) || r.length === 0 || !r.every((e) => typeof e.id === 'string' && Array.isArray(e.categories))) return 'editions() is not a list of editions';
      return null;
    }
  }
  return null;
}

/** Whether the arguments are misuse, which must throw. */
function misuse(name, args) {
  if (name === 'countChars' || name === 'editions' || name === 'Checker.form') return false;
  if (name === 'Checker.field' || name === 'Checker.dependents') {
    return typeof args[0] !== 'string' || !formOf(args.checker.edition, args.checker.category)?.ids.includes(args[0]);
  }
  const [e, c] = args;
  if (typeof e !== 'string' || typeof c !== 'string' || !knownPair.has(e + '\u0000' + c)) return true;
  return name === 'validateField' && typeof args[2] !== 'string';
}

function describe(v, depth = 0) {
  try {
    if (typeof v === 'string') {
      const shown = JSON.stringify(v.length > 48 ? v.slice(0, 48) : v);
      return v.length > 48 ? `${shown}…(${v.length} units)` : shown;
    }
    if (typeof v === 'bigint') return `${String(v).slice(0, 24)}n`;
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'symbol') return v.toString();
    if (typeof v === 'function') return `function ${v.name || '(anonymous)'}`;
    if (v === null || v === undefined) return String(v);
    if (Array.isArray(v)) return depth > 1 ? `[…${v.length}]` : `[${v.slice(0, 4).map((x) => describe(x, depth + 1)).join(', ')}${v.length > 4 ? `, …${v.length} items` : ''}]`;
    const proto = Object.getPrototypeOf(v);
    const kind = proto === null ? 'Object(null proto)' : proto === Object.prototype ? '' : (proto.constructor?.name ?? 'object') + ' ';
    const keys = Reflect.ownKeys(v).slice(0, 8);
    if (depth > 1) return `${kind}{…${keys.length} keys}`;
    return `${kind}{${keys.map((k) => `${String(k)}: ${(() => { try { return describe(v[k], depth + 1); } catch { return '<getter throws>'; } })()}`).join(', ')}${Reflect.ownKeys(v).length > 8 ? ', …' : ''}}`;
  } catch {
    return '<' + typeof v + ' that cannot be inspected (revoked proxy?)>';
  }
}

let calls = 0;
let misuseThrown = 0;
const perFunction = Object.fromEntries(EXPORTS.map((n) => [n, 0]));

function fail(name, args, why, error) {
  console.error(`\nfuzz: FAILED at call ${calls} (seed ${SEED}): ${why}`);
  console.error(`  ${name}(${args.map((a) => describe(a)).join(', ')})`.slice(0, 1500));
  if (error !== undefined) {
    const kind =
      error instanceof WebAssembly.RuntimeError
        ? 'WebAssembly.RuntimeError (a Rust panic, or a corrupted module)'
        : error instanceof HostileError
          ? 'the caller object\'s own exception, unwound through the module'
          : error?.constructor?.name ?? typeof error;
    if (!(error instanceof WebAssembly.RuntimeError) && !(error instanceof Error && error.constructor === Error)) {
      console.error('  note: a JS exception that unwinds through WebAssembly skips the Rust frames\' cleanup and leaks their shadow-stack space; a few thousand such calls corrupt the module ("memory access out of bounds" on every later call)');
    }
    const text = String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ');
    console.error(`  threw ${kind}:\n    ${text}`);
  }
  console.error(`  reproduce: node scripts/fuzz.mjs --seed ${SEED} --calls ${calls}${TAME ? ' --tame' : ''}`);
  process.exit(1);
}

function invoke(name, args) {
  switch (name) {
    case 'new Checker': return new api.Checker(...args);
    case 'Checker.field': return args.checker.field(...args);
    case 'Checker.form': return args.checker.form(...args);
    case 'Checker.dependents': return args.checker.dependents(...args);
    default: return api[name](...args);
  }
}

function call(name, args) {
  calls++;
  perFunction[name]++;
  const expectThrow = misuse(name, args);
  let result;
  try {
    result = invoke(name, args);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) fail(name, args, 'the module trapped', e);
    if (!expectThrow) fail(name, args, 'threw on a call that is not misuse', e);
    // The module throws plain Errors (JsError); anything else (a TypeError from a revoked proxy,
    // the caller's own exception) went through the module without being caught.
    if (!(e instanceof Error) || e.constructor !== Error) fail(name, args, 'misuse threw something other than the module\'s own Error', e);
    if (typeof e.message !== 'string' || e.message.trim() === '') fail(name, args, 'misuse threw an Error without a message', e);
    if ((name === 'new Checker' || name.startsWith('Checker.')) && !CHECKER_CODES.has(e.code)) fail(name, args, `the Checker's Error has code ${describe(e.code)}`, e);
    misuseThrown++;
    return;
  }
  if (expectThrow) fail(name, args, `misuse (unknown or non-string id) did not throw; returned ${describe(result)}`);
  const problem = resultProblem(name, args, result);
  if (problem) fail(name, args, `malformed result: ${problem}; returned ${describe(result)}`.slice(0, 600));
  return result;
}

/** Checkers made so far (a page makes one and calls it thousands of times). */
const checkers = [];
function checkerArgs(args) {
  const checker = pick(checkers);
  args.checker = checker;
  return args;
}

// ---------------------------------------------------------------------------------------------
// Run

const started = process.hrtime.bigint();
const PROGRESS = 1_000_000;
console.log(`fuzz: ${CALLS} calls, seed ${SEED}${TAME ? ', --tame (no hostile objects)' : ''}; ${forms.length} forms in ${editionIds.length} editions`);
while (calls < CALLS) {
  const form = pick(forms);
  const r = rand();
  if (checkers.length === 0 || chance(0.004)) {
    // Mostly a real form; sometimes an unknown edition/category or not a string (must throw).
    const made = call('new Checker', [id(form.e, editionIds), id(form.c, categoryIds), chance(0.8) ? options() : randomValue()]);
    if (made instanceof api.Checker) {
      if (checkers.length >= 32) checkers.shift().free();
      checkers.push(made);
    }
  } else if (chance(0.3)) {
    const c = rand();
    const ownForm = () => formOf(checkers[0].edition, checkers[0].category);
    if (c < 0.6) {
      const args = checkerArgs([]);
      const f = formOf(args.checker.edition, args.checker.category) ?? ownForm();
      const fid = chance(0.95) ? pick(f.ids) : chance(0.5) ? randomString() : randomValue();
      args.push(fid, chance(0.9) ? valuesFor(f) : randomValue());
      call('Checker.field', args);
    } else if (c < 0.95) {
      const args = checkerArgs([]);
      const f = formOf(args.checker.edition, args.checker.category) ?? ownForm();
      args.push(chance(0.95) ? valuesFor(f) : randomValue());
      call('Checker.form', args);
    } else {
      const args = checkerArgs([]);
      const f = formOf(args.checker.edition, args.checker.category) ?? ownForm();
      args.push(chance(0.9) ? pick(f.ids) : randomValue());
      call('Checker.dependents', args);
    }
  } else if (r < 0.55) {
    const fid = chance(0.93) ? pick(form.ids) : chance(0.5) ? pick(pick(forms).ids) : chance(0.5) ? randomString() : randomValue();
    const field = form.fields.find((f) => f.id === fid);
    const value = field ? fieldValue(form, field) : randomValue();
    const args = [id(form.e, editionIds), id(form.c, categoryIds), fid, value];
    const shape = rand();
    if (shape < 0.6) args.push(valuesFor(form), options());
    else if (shape < 0.8) args.push(valuesFor(form));
    else if (shape < 0.9) args.push(undefined, options());
    call('validateField', args);
  } else if (r < 0.93) {
    const args = [id(form.e, editionIds), id(form.c, categoryIds), valuesFor(form)];
    if (chance(0.7)) args.push(options());
    call('validateForm', args);
  } else if (r < 0.975) {
    const args = chance(0.8) ? [randomString()] : chance(0.9) ? [randomValue()] : [];
    call('countChars', args);
  } else if (r < 0.995) {
    call('schema', [id(form.e, editionIds), id(form.c, categoryIds)]);
  } else {
    call('editions', chance(0.9) ? [] : [randomValue()]);
  }
  if (calls % PROGRESS === 0 && calls < CALLS) {
    const s = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`  ${calls} calls, ${Math.round(calls / s)} calls/s`);
  }
}
const secs = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`fuzz: OK — ${calls} calls in ${secs.toFixed(1)} s = ${Math.round(calls / secs)} calls/s`);
console.log(`  per export: ${Object.entries(perFunction).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`  ${misuseThrown} misuse calls threw an Error with a message, as they must; no trap, no other throw, no malformed result`);
