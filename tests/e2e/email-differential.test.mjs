// Differential test: the e-mail checker against Chromium's own `<input type="email">`.
//
// In the real 2023 企业 page (strict CSP), each address of the corpus is put into the page's
// own contact e-mail input; the browser's `checkValidity()` is compared with the module's
// `validateField` on the input's `.value` — the value the page would submit, after the
// browser's own sanitisation (CR/LF removed, ASCII whitespace trimmed). Ours "valid" or "warn"
// (accepted with a warning, e.g. a domain without a dot) must match the browser's valid, and
// "invalid" its invalid. Every disagreement is either absent or listed, by tag and pair of
// verdicts, in email-disagreements.json with its reason; a listed one that no longer occurs
// fails too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { siteAndBrowser, openReady } from './harness.mjs';

const LISTED = JSON.parse(fs.readFileSync(new URL('email-disagreements.json', import.meta.url), 'utf8'));

function corpus() {
  const out = [];
  const add = (tag, value) => out.push({ tag, value });
  const locals = ['a', 'name', 'name.surname', 'first_last', 'x+tag', "o'brien", 'a..b', '.a', 'a.', '123456789',
    '!#$%&*+/=?^`{|}~-', 'UPPER', 'ü', '张三', 'a"b', 'a b', 'a,b', 'a(b)', 'a\\b', 'a:b', 'a;b', 'a<b>'];
  const domains = ['qq.com', '163.com', 'example.com.cn', 'x-y.cn', 'a', 'qq', 'localhost', '-a.com', 'a-.com',
    'a..com', '.a.com', 'a.com.', 'a_b.com', '1.2.3.4', '[1.2.3.4]', 'xn--fiqs8s.cn', '例子.中国', 'a.b-c.d',
    `${'x'.repeat(63)}.com`, `${'x'.repeat(64)}.com`];
  for (const l of locals) for (const d of domains) add('generated', `${l}@${d}`);
  const base = 'name@qq.com';
  const hidden = { 'full-width-space': '\u3000', 'no-break-space': '\u00a0', 'zero-width-space': '\u200b',
    'zero-width-joiner': '\u200d', bom: '\ufeff', lrm: '\u200e', rlm: '\u200f', rlo: '\u202e', lri: '\u2066',
    pdi: '\u2069', 'soft-hyphen': '\u00ad' };
  for (const [name, ch] of Object.entries(hidden)) {
    add(`hidden-${name}`, ch + base);
    add(`hidden-${name}`, base + ch);
    add(`hidden-${name}`, `name${ch}@qq.com`);
  }
  add('browser-sanitised', ` ${base} `);
  add('browser-sanitised', `\t${base}\n`);
  add('browser-sanitised', `na\nme@qq.com`);
  add('browser-sanitised', `name@qq.com\r\n`);
  add('full-width', 'name＠qq.com');
  add('full-width', 'ｎａｍｅ@qq.com');
  add('full-width', 'name@qq。com');
  add('full-width', 'name@ｑｑ.com');
  add('other', 'a@b@c.com');
  add('other', '@qq.com');
  add('other', 'name@');
  add('other', 'name');
  add('other', 'name@qq.com,other@qq.com');
  add('other', 'name@qq.com; other@qq.com');
  return out;
}

const env = siteAndBrowser();

test("e-mail checker agrees with Chromium's <input type=email>, or the disagreement is listed with its reason", async () => {
  const { page } = await openReady(env, '/forms/national-2023-enterprise.html');
  const entries = corpus();
  const results = await page.evaluate(async (list) => {
    const m = await import('/pkg/yanglao_check.js');
    await m.default();
    const input = document.querySelector('input[type="email"][name="contact_email"]');
    return list.map(({ tag, value }) => {
      input.value = value;
      const submitted = input.value;
      const browser = input.checkValidity() ? 'valid' : 'invalid';
      const issues = submitted === '' ? [] : m.validateField('national-2023', 'enterprise', 'contact_email', submitted);
      const ours = issues.some((i) => i.severity === 'error') ? 'invalid' : issues.length > 0 ? 'warn' : 'valid';
      return { tag, value, submitted, browser, ours, codes: issues.map((i) => i.code) };
    });
  }, entries);
  const found = new Map();
  let agreements = 0;
  for (const r of results) {
    if ((r.ours !== 'invalid') === (r.browser === 'valid')) { agreements++; continue; }
    const key = `${r.tag} ours=${r.ours} chromium=${r.browser}`;
    if (!found.has(key)) found.set(key, []);
    found.get(key).push(JSON.stringify(r.value));
  }
  console.log(`e-mail corpus: ${results.length} addresses, ${agreements} agree, ${results.length - agreements} disagree`);
  for (const [k, v] of found) console.log(`  ${k}: ${v.length}, e.g. ${v.slice(0, 3).join(' | ')}`);
  const listed = new Map(LISTED.disagreements.map((d) => [`${d.tag} ours=${d.ours} chromium=${d.chromium}`, d]));
  const unlisted = [...found.keys()].filter((k) => !listed.has(k));
  const stale = [...listed.keys()].filter((k) => !found.has(k));
  assert.deepEqual(unlisted.map((k) => `${k}: ${found.get(k).slice(0, 5).join(' | ')}`), [], 'unlisted disagreements: fix them or list them with a reason');
  assert.deepEqual(stale, [], 'listed disagreements that no longer occur: remove them from email-disagreements.json');
  for (const d of LISTED.disagreements) assert.ok(d.reason && d.reason.length > 20, `a reason for ${d.tag}`);
  // The dotless domain is accepted by both, with our warning.
  const dotless = results.find((r) => r.value === '123456789@qq');
  assert.deepEqual([dotless.browser, dotless.ours, dotless.codes], ['valid', 'warn', ['email.domain_without_dot']]);
  // A direction mark is refused by both, and ours names it.
  const rlo = results.find((r) => r.value === 'name@qq.com\u202e');
  assert.deepEqual([rlo.browser, rlo.ours], ['invalid', 'invalid']);
});
