// Differential test: the phone checker of the built module (pkg/, `validateField` on a 2023
// 企业 contact phone) against libphonenumber-js (`isValidPhoneNumber`, default country CN),
// over a generated corpus of real-looking and broken numbers: every area-code candidate
// (010, 020–029, 0300–0999) at local lengths 6–9, every mobile prefix 100–199, 400/800, the
// +86 forms, extensions, and typical slips.
//
// Verdicts: ours is "valid" (no issue), "warn" (accepted with a warning, e.g. an unallocated
// mobile prefix) or "invalid" (an error); libphonenumber's is valid or invalid. "warn" agrees
// with libphonenumber's invalid. Every disagreement must be listed, by corpus tag and pair of
// verdicts, in phone-disagreements.json with its reason; a listed pair that no longer occurs
// fails too, so the list cannot go stale.
//
//   bash scripts/build.sh && node --test tests/differential/phone.test.mjs

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { isValidPhoneNumber } = require('libphonenumber-js/max');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { initSync, validateField } = await import(new URL('pkg/yanglao_check.js', `file://${ROOT}`));
initSync({ module: fs.readFileSync(`${ROOT}pkg/yanglao_check_bg.wasm`) });

const LISTED = JSON.parse(fs.readFileSync(new URL('phone-disagreements.json', import.meta.url), 'utf8'));

// A small deterministic generator (xorshift32) so the corpus is the same on every run.
let state = 0x9e3779b9;
function rand(n) {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state % n;
}
const digits = (n) => Array.from({ length: n }, () => String(rand(10))).join('');
// An ordinary subscriber number: 2–9 first, but not 95/96 (short service numbers, tagged apart).
function local(len) {
  for (;;) {
    const l = String(2 + rand(8)) + digits(len - 1);
    if (!/^9[56]/.test(l)) return l;
  }
}

function corpus() {
  const out = [];
  const add = (tag, value) => out.push({ tag, value });
  const areas = ['10'];
  for (let i = 20; i <= 29; i++) areas.push(String(i));
  for (let i = 300; i <= 999; i++) areas.push(String(i));
  for (const area of areas) {
    if (area === '400' || area === '800' || area === '950') {
      add('trunk-0-before-service', `0${area}-${local(7)}`);
      continue;
    }
    for (const len of [6, 7, 8, 9]) {
      const l = local(len);
      add('landline', `0${area}-${l}`);
      if (rand(4) === 0) add('landline-brackets', `(0${area})${l}`);
      if (rand(4) === 0) add('landline-plus86', `+86 ${area} ${l}`);
    }
    if (rand(4) === 0) add('landline-local-95-96', `0${area}-9${5 + rand(2)}${digits(3 + rand(4))}`);
    if (rand(8) === 0) add('landline-local-leading-0', `0${area}-0${digits(7)}`);
    if (rand(8) === 0) add('landline-local-leading-1', `0${area}-1${digits(7)}`);
  }
  for (let p = 100; p <= 199; p++) {
    for (let k = 0; k < 3; k++) add('mobile', `${p}${digits(8)}`);
  }
  for (const p of ['1610', '1611', '1619', '1740', '1741', '1749']) add('mobile', `${p}${digits(7)}`);
  for (const p of ['17400', '17405', '17406', '17409']) add('mobile', `${p}${digits(6)}`);
  for (let k = 0; k < 20; k++) {
    const m = `13${digits(9)}`;
    add('mobile-formatted', `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`);
    add('mobile-plus86', `+86 ${m}`);
    add('mobile-plus86', `0086-${m}`);
    add('mobile-86', `86${m}`);
    add('mobile-trunk-0', `0${m}`);
    add('mobile-plus86-trunk-0', `+86 (0)${m}`);
    add('mobile-too-short', m.slice(0, 10));
    add('mobile-too-long', `${m}${rand(10)}`);
  }
  for (const p of ['400', '800', '950']) {
    for (let k = 0; k < 10; k++) {
      const rest = digits(7);
      add('service', `${p}-${rest.slice(0, 3)}-${rest.slice(3)}`);
      add('service-plus86', `+86 ${p} ${rest.slice(0, 3)} ${rest.slice(3)}`);
      add('service-wrong-length', `${p}${digits(6)}`);
      add('service-wrong-length', `${p}${digits(8)}`);
    }
  }
  const realLandlines = ['0755-26781234', '010-65881234', '0571-88888888', '021-62321234'];
  for (const n of realLandlines) {
    const ext = digits(1 + rand(5));
    add('extension-hyphen', `${n}-${ext}`);
    add('extension-zhuan', `${n}转${ext}`);
    add('extension-ext', `${n} ext. ${ext}`);
  }
  for (let k = 0; k < 20; k++) add('missing-area-code', local(7 + rand(2)));
  for (let k = 0; k < 10; k++) add('letters', `0755-2678${'abcd'[rand(4)]}234`);
  for (let k = 0; k < 10; k++) add('too-short', digits(3 + rand(3)));
  add('not-mainland', '+852 2123 4567');
  add('not-mainland', '+1 202 555 0143');
  return out;
}

function ours(value) {
  const issues = validateField('national-2023', 'enterprise', 'contact_phone', value);
  if (issues.some((i) => i.severity === 'error')) return 'invalid';
  if (issues.length > 0) return 'warn';
  return 'valid';
}

function theirs(value) {
  return isValidPhoneNumber(value, 'CN') ? 'valid' : 'invalid';
}

const agree = (o, t) => (o === 'valid') === (t === 'valid');

test('phone checker agrees with libphonenumber-js, or the disagreement is listed with its reason', () => {
  const entries = corpus();
  const found = new Map();
  let agreements = 0;
  for (const { tag, value } of entries) {
    const o = ours(value);
    const t = theirs(value);
    if (agree(o, t)) { agreements++; continue; }
    const key = `${tag} ours=${o} libphonenumber=${t}`;
    if (!found.has(key)) found.set(key, []);
    found.get(key).push(value);
  }
  const listed = new Map(LISTED.disagreements.map((d) => [`${d.tag} ours=${d.ours} libphonenumber=${d.libphonenumber}`, d]));
  const unlisted = [...found.keys()].filter((k) => !listed.has(k));
  const stale = [...listed.keys()].filter((k) => !found.has(k));
  console.log(`phone corpus: ${entries.length} numbers, ${agreements} agree, ${entries.length - agreements} disagree in ${found.size} listed kinds`);
  for (const [k, values] of found) console.log(`  ${k}: ${values.length}, e.g. ${values.slice(0, 3).join(' | ')}`);
  assert.deepEqual(unlisted.map((k) => `${k}: ${found.get(k).slice(0, 5).join(' | ')}`), [], 'unlisted disagreements: fix them or list them with a reason');
  assert.deepEqual(stale, [], 'listed disagreements that no longer occur: remove them from phone-disagreements.json');
  for (const d of LISTED.disagreements) assert.ok(d.reason && d.reason.length > 20, `a reason for ${d.tag}`);
});
