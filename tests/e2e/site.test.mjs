// The static site around the checker: the index (edition picker), the comparison page, the
// navigation between forms, the printable 自查报告, 增加一项, a submit that passes, and what
// happens without WebAssembly or when the module can't be loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { offOrigin, openPage, openReady, siteAndBrowser, typeInto, waitVerdict } from './harness.mjs';

const env = siteAndBrowser();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('index: every edition with its title, 文号, issuers, data year and deadline, and a link to each of its forms', async () => {
  const { page, context, cspViolations, consoleErrors } = await openPage(env.browser, env.site.url);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  const editions = page.locator('section.edition');
  assert.equal(await editions.count(), 4);
  const henan = page.locator('section#henan-2021');
  assert.match(await henan.locator('h3').textContent(), /河南省工业和信息化厅/);
  assert.match(await henan.locator('.edition-facts').textContent(), /文号豫工信联电子〔2021〕140号/);
  assert.match(await henan.locator('.edition-facts').textContent(), /数据年度2020年/);
  assert.match(await page.locator('section#jiangsu-2021 .edition-facts').textContent(), /材料报送截止2021-05-30/);
  assert.match(await page.locator('section#national-2018 .edition-facts').textContent(), /发文单位工业和信息化部办公厅、民政部办公厅、国家卫生健康委员会办公厅/);
  assert.equal(await page.locator('section#national-2018 ul.forms li').count(), 3, 'national-2018 has no 园区类');
  // Every link on the page resolves on the site.
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
  for (const href of new Set(hrefs)) {
    if (href.includes('#')) continue;
    assert.equal((await fetch(href)).status, 200, href);
  }
  assert.ok(hrefs.some((h) => h.endsWith('/compare.html')));
  assert.ok(hrefs.some((h) => h.endsWith('/foreign.html')), 'the 嵌入示例 link');
  assert.deepEqual(cspViolations, []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('form pages link to the same category in the other editions and to the other categories', async () => {
  const { page, context } = await openReady(env, '/forms/national-2023-park.html');
  const picker = page.locator('.site-nav .picker');
  const links = await picker.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['national-2023-enterprise.html', 'national-2023-park.html', 'national-2023-street.html', 'national-2023-base.html', 'henan-2021-park.html']);
  assert.equal(await picker.locator('a[aria-current="page"]').textContent(), '园区类');
  await picker.getByRole('link', { name: /河南 2021/ }).click();
  await page.waitForURL(/henan-2021-park\.html$/);
  assert.equal(await page.locator('form#application').getAttribute('data-edition'), 'henan-2021');
  await context.close();
});

test('compare: per category, one column per edition, clause + text + thresholds, differences marked, quota notes shown', async () => {
  const { page, context, cspViolations } = await openPage(env.browser, new URL('/compare.html', env.site.url).href);
  assert.equal(await page.locator('table.compare').count(), 4);
  const enterprise = page.locator('#cat-enterprise table.compare');
  const heads = await enterprise.locator('thead th').allTextContents();
  assert.equal(heads.length, 4);
  assert.ok(heads[0].startsWith('全国 2023') && heads[1].startsWith('河南 2021'));
  assert.equal(await page.locator('#cat-park thead th').count(), 2, 'only two editions have 园区类');
  // Rows are aligned by topic: the 注册时间 clauses of all four editions share the first rule row.
  const first = enterprise.locator('tbody tr').nth(1);
  const cells = await first.locator('td').allTextContents();
  assert.equal(cells.length, 4);
  for (const c of cells) assert.match(c, /注册时间|工商注册/);
  // 3 years in 2023, 2 in 2018, 1 in Jiangsu: the differing thresholds are marked.
  const marks = await first.locator('td.diff mark').allTextContents();
  assert.ok(marks.some((m) => /≥ 2 年/.test(m)) && marks.some((m) => /≥ 1 年/.test(m)), marks.join(' | '));
  assert.ok(!(await first.locator('td').first().getAttribute('class'))?.includes('diff'), 'the first column is the reference');
  assert.ok((await page.locator('td.diff mark').count()) >= 5);
  // Every rule cell has its clause number; every header links to its form.
  assert.equal(await page.locator('table.compare td[data-rule]:not(:has(.clause))').count(), 0);
  const formLinks = await page.locator('table.compare thead a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal(formLinks.length, 14);
  // national-2018's per-province quotas, shown as information.
  const quota = page.locator('#notes-national-2018 table.quota');
  assert.match(await quota.textContent(), /计划单列市/);
  assert.match(await page.locator('#notes').textContent(), /仅供参考/);
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('增加一项 adds another 典型案例 the checker reads; a fixed-size list has no button', async () => {
  const { page, context } = await openReady(env, '/forms/national-2023-enterprise.html');
  await typeInto(page, '#f-cases', '案例一');
  await typeInto(page, '#f-cases-2', '案例二');
  await page.getByRole('button', { name: '增加一项' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-cases-3', 'focus goes to the new item');
  assert.equal(await page.locator('#f-cases-3').getAttribute('aria-label'), '典型应用案例介绍 第3项');
  await page.keyboard.type('案例三三');
  assert.match(await page.locator('#yc-count-cases').textContent(), /3 \/ 3 \/ 4/, 'the counter counts the new item');
  assert.deepEqual(await page.evaluate(() => window.__ycHandle.values().cases), ['案例一', '案例二', '案例三三']);
  await context.close();
  const park = await openReady(env, '/forms/national-2023-park.html');
  assert.equal(await park.page.locator('textarea[name=cases]').count(), 2, '园区类: exactly two cases');
  assert.equal(await park.page.getByRole('button', { name: '增加一项' }).count(), 0);
  await park.context.close();
});

test('a submit that passes every check stays on the page and says so, with the eligibility verdict', async () => {
  const scenario = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/scenarios/national-2023/enterprise-eligible.json'), 'utf8'));
  const { page, context } = await openReady(env, '/forms/national-2023-enterprise.html');
  const file = { name: 'eligible.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 1, edition: 'national-2023', category: 'enterprise', values: scenario.values })) };
  await page.locator('.yc-import-file').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('#f-applicant').value !== '');
  await waitVerdict(page, '符合申报条件');
  const before = page.url();
  await page.getByRole('button', { name: '提交自查' }).click();
  await page.waitForFunction(() => /^格式检查通过，按申报条件自查：均符合或已承诺/.test(document.querySelector('.submit-status').textContent));
  assert.equal(page.url(), before, 'no navigation: this site has no server');
  assert.equal(await page.locator('.yc-summary').count(), 0);
  assert.equal(await page.locator('.yc-message.yc-error').count(), 0);
  // Typing again clears the status: it described the form as it was.
  await typeInto(page, '#f-contact_title', '（兼）');
  assert.equal(await page.locator('.submit-status').textContent(), '');
  await context.close();
});

test('the printable 自查报告: navigation and tools hidden, a dated header, values and verdicts shown', async () => {
  const { page, context } = await openReady(env, '/forms/national-2023-enterprise.html');
  await typeInto(page, '#f-applicant', '打印测试有限公司');
  await page.locator('label[for="f-enterprise_type-2"]').click();
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.site-nav', '.actions', '.yc-draft', '.rules-source', '#hint-uscc', '.js-off-notice']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is not printed`);
  }
  const header = page.locator('.print-header');
  assert.equal(await header.isVisible(), true);
  assert.match(await header.textContent(), /自查报告：智慧健康养老应用试点示范申报书（企业类）/);
  assert.match(await header.locator('[data-print-date]').textContent(), /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(await page.locator('#f-applicant').isVisible(), true);
  assert.equal(await page.locator('[data-yc-eligibility] .yc-verdict').isVisible(), true);
  assert.equal(await page.locator('li.yc-rule').first().isVisible(), true);
  // The chosen option reads as chosen in print, not by colour alone.
  const after = await page.locator('label[for="f-enterprise_type-2"]').evaluate((l) => getComputedStyle(l, '::after').content);
  assert.match(after, /已选/);
  assert.ok((await page.pdf({ format: 'A4' })).length > 10_000, 'Chromium prints it');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.print-header').isVisible(), false);
  await context.close();
});

test('without WebAssembly the notice stays, printing and 增加一项 still work, and the form submits as plain HTML', async () => {
  const { page, context } = await openPage(env.browser, new URL('/forms/national-2023-street.html', env.site.url).href);
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.reload();
  await page.waitForLoadState('load');
  // The page shows the notice (hidden in the HTML) once it knows there is no WebAssembly.
  await page.locator('.js-off-notice').waitFor({ state: 'visible' });
  assert.equal(await page.locator('.checks-loading').isVisible(), false, 'the loading line gave way to the notice');
  assert.match(await page.locator('.js-off-notice').textContent(), /在线检查未启用/);
  assert.equal(await page.evaluate(() => window.__ycReady), undefined);
  assert.equal(await page.locator('.yc-draft, .yc-panel').count(), 0);
  await page.getByRole('button', { name: '增加一项' }).click();
  assert.equal(await page.locator('textarea[name=cases]').count(), 4, 'street asks for 3 cases; one more was added');
  await typeInto(page, '#f-applicant', '无脚本街道');
  await Promise.all([page.waitForURL(/\?/), page.getByRole('button', { name: '提交自查' }).click()]);
  assert.match(decodeURIComponent(page.url()), /applicant=无脚本街道/);
  await context.close();
});

test('when the module fails to load, the page says so and stays usable', async () => {
  const { page, context, pageErrors, requests } = await openPage(env.browser, 'about:blank');
  await page.route('**/pkg/yanglao_check_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto(new URL('/forms/national-2023-base.html', env.site.url).href);
  await page.waitForFunction(() => /未能加载/.test(document.querySelector('.js-off-notice')?.textContent ?? ''));
  assert.equal(await page.locator('.js-off-notice').isVisible(), true);
  assert.deepEqual(pageErrors.map(String), [], 'no uncaught error');
  await typeInto(page, '#f-applicant', '仍可填写');
  assert.equal(await page.locator('#f-applicant').inputValue(), '仍可填写');
  assert.deepEqual(offOrigin(requests.filter((u) => u !== 'about:blank'), env.site.url), []);
  await context.close();
});
