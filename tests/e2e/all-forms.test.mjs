// A smoke pass over every generated form (14: four editions, national-2018 and jiangsu-2021
// without 园区): it loads under the strict CSP, the checker attaches, nothing goes wrong in the
// console, the panel starts at 信息待补充, and the page has an input for every field of the
// edition's schema, labelled as the seed labels it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { WWW_DIR, offOrigin, openReady, siteAndBrowser } from './harness.mjs';

const env = siteAndBrowser();

const FORMS = fs.readdirSync(path.join(WWW_DIR, 'forms')).filter((f) => f.endsWith('.html')).sort();

test('there are 14 generated forms and the index links to each of them', async () => {
  assert.equal(FORMS.length, 14, FORMS.join(' '));
  const html = await (await fetch(new URL('/index.html', env.site.url))).text();
  const linked = [...html.matchAll(/href="forms\/([^"]+\.html)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(linked, FORMS);
  assert.ok(!FORMS.some((f) => /^(national-2018|jiangsu-2021)-park/.test(f)), 'no 园区 form for editions without the category');
});

for (const file of FORMS) {
  const [, edition, category] = file.match(/^(.+-\d{4})-(\w+)\.html$/);
  test(`${file}: loads, attaches, 信息待补充, an input for every field, no console error or CSP violation`, async () => {
    const { page, context, requests, consoleErrors, cspViolations, pageErrors, response } = await openReady(env, `/forms/${file}`);
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('.js-off-notice').isHidden(), true);
    assert.equal(await page.evaluate(() => ['detach', 'validate', 'values'].every((m) => typeof window.__ycHandle?.[m] === 'function')), true);
    assert.equal(await page.locator('[data-yc-eligibility] .yc-verdict').textContent(), '信息待补充');
    assert.equal(await page.getByRole('button', { name: '导出 Word（.docx）' }).isVisible(), true, 'the Word export is offered');
    assert.match(await page.locator('[data-yc-eligibility] .yc-verdict').getAttribute('class'), /yc-verdict-incomplete/);

    // The page against the edition's own schema, asked of the module the page loaded.
    const report = await page.evaluate(async ([ed, cat]) => {
      const glue = await import(new URL('../pkg/yanglao_check.js', location.href).href);
      const s = glue.schema(ed, cat);
      const form = document.getElementById('application');
      const problems = [];
      for (const f of s.fields) {
        const inputs = [...form.elements].filter((el) => el.name === f.id);
        if (inputs.length === 0) problems.push(`no input for ${f.id}`);
        const wrap = form.querySelector(`[data-field-wrap="${f.id}"]`);
        const label = wrap?.querySelector(':scope > label, :scope > legend, label.declaration');
        if (!label || !label.textContent.includes(f.label)) problems.push(`label of ${f.id}`);
        if (!document.getElementById(`f-${f.id}`)) problems.push(`no #f-${f.id}`);
        if (f.kind === 'longText' && !document.getElementById(`yc-count-${f.id}`)) problems.push(`no counter for ${f.id}`);
        if (f.options?.length && f.kind !== 'choice') {
          const values = inputs.map((i) => i.value);
          for (const o of f.options) if (!values.includes(o.value)) problems.push(`option ${f.id}=${o.value}`);
        }
      }
      const named = new Set([...form.elements].map((el) => el.name).filter(Boolean));
      for (const n of named) if (!s.fields.some((f) => f.id === n)) problems.push(`input ${n} is not a field`);
      const rules = [...document.querySelectorAll('[data-yc-eligibility] li.yc-rule')];
      for (const li of rules) {
        if (!s.rules.some((r) => r.id === li.dataset.rule)) problems.push(`panel rule ${li.dataset.rule}`);
        for (const part of ['.yc-clause', '.yc-status', '.yc-text', '.yc-explanation']) if (!li.querySelector(part)) problems.push(`${li.dataset.rule} lacks ${part}`);
      }
      return { problems, rules: rules.length, schemaRules: s.rules.length, title: s.category.formTitle };
    }, [edition, category]);
    assert.deepEqual(report.problems, []);
    assert.ok(report.rules >= 1 && report.rules <= report.schemaRules, `${report.rules} rules shown of ${report.schemaRules}`);
    assert.equal(await page.locator('h1').textContent(), report.title);

    // The draft bar and its tools.
    const bar = page.locator('.yc-draft');
    // The bar is a labelled group; only its status line is live (the buttons are not read out).
    assert.equal(await bar.getAttribute('role'), 'group');
    assert.equal(await bar.locator('.yc-draft-status').getAttribute('role'), 'status');
    for (const label of ['保存到文件', '从文件恢复', '删除本机草稿']) assert.equal(await bar.getByRole('button', { name: label }).count(), 1, label);

    // No inline style anywhere, even after the binding drew (it would need style-src 'unsafe-inline').
    assert.equal(await page.locator('[style]').count(), 0);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(pageErrors.map(String), []);
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(offOrigin(requests, env.site.url), []);
    await context.close();
  });
}
