// Switching edition changes the fields, the options and the verdicts: the same answers are
// judged by each notice's own rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, openReady, siteAndBrowser, waitRule as waitStatus } from './harness.mjs';

const env = siteAndBrowser();
const open = (path) => openReady(env, path);

test('enterprise types and scenarios differ between national-2023 and henan-2021', async () => {
  const a = await open('/forms/national-2023-enterprise.html');
  const b = await open('/forms/henan-2021-enterprise.html');
  const labels = (page, name) => page.locator(`input[name=${name}]`).evaluateAll((els) => els.map((e) => e.labels[0].textContent.trim()));
  assert.deepEqual(await labels(a.page, 'enterprise_type'), ['终端产品企业', '系统平台企业', '服务运营企业']);
  assert.deepEqual(await labels(b.page, 'enterprise_type'), ['产品企业', '平台运营企业', '机构运营企业', '服务企业']);
  assert.ok((await labels(b.page, 'scenarios')).includes('智慧助老餐厅'));
  assert.ok(!(await labels(a.page, 'scenarios')).includes('智慧助老餐厅'));
  assert.equal(await b.page.locator('input[name=beds]').count(), 1, 'Henan asks for 床位数');
  assert.equal(await a.page.locator('input[name=beds]').count(), 0);
  // Henan: choosing a type brings that type's thresholds into the panel and leaves out the others.
  await b.page.locator('input[name=enterprise_type][value=institution]').check();
  await b.page.waitForFunction(() => document.querySelector('li[data-rule="e3"]') && !document.querySelector('li[data-rule="e1"]'));
  await b.page.locator('#f-beds').fill('299');
  await b.page.locator('#f-health_revenue').fill('900');
  await b.page.locator('#f-product_kinds').fill('6');
  await b.page.locator('input[name=has_info_system][value=yes]').check();
  await waitStatus(b.page, 'e3', '不符合');
  await b.page.locator('#f-beds').fill('300');
  await waitStatus(b.page, 'e3', '符合');
  await a.context.close();
  await b.context.close();
});

test('the same answers meet the 2018 registration rule and fail the 2023 one', async () => {
  const answers = async (page) => {
    await page.locator('#f-apply_date').fill('2018-05-20');
    await page.locator('#f-founded').fill('2016-03-01');
    await page.locator('#f-uscc').fill('91110000600037341L');
  };
  const y2018 = await open('/forms/national-2018-enterprise.html');
  await answers(y2018.page);
  await y2018.page.locator('#f-decl_legal_person').check();
  await waitStatus(y2018.page, 'e1', '已承诺', /满2年2个月，已满2年/);
  const y2023 = await open('/forms/national-2023-enterprise.html');
  await answers(y2023.page);
  await y2023.page.locator('#f-decl_no_violation').check();
  await waitStatus(y2023.page, 'e1', '不符合', /不足3年/);
  await y2018.context.close();
  await y2023.context.close();
});

test('Jiangsu asks where the company is registered and only warns about the code\'s region', async () => {
  const { page, context } = await open('/forms/jiangsu-2021-enterprise.html');
  await page.locator('#f-apply_date').fill('2021-05-20');
  await page.locator('#f-founded').fill('2019-06-01');
  await page.locator('#f-decl_brand_quality').check();
  // A code first issued in Beijing: the company may have moved to Jiangsu since, and the code
  // never changes, so the code cannot fail the clause; the declaration decides it.
  await page.locator('#f-uscc').fill('91110000600037341L');
  await waitStatus(page, 'e1', '待补充', /江苏省内注册/);
  await page.locator('#f-decl_registered_in_jiangsu').check();
  await waitStatus(page, 'e1', '已承诺');
  await page.locator('#yc-msg-uscc').waitFor();
  assert.match(await page.locator('#yc-msg-uscc').textContent(), /区划码以11开头，不是江苏/);
  await page.locator('#f-uscc').fill('91320106MA1MB7Q387');
  // A warning (not an error) is judged again when the field is left (GOV.UK timing).
  await page.locator('#f-uscc').press('Tab');
  await page.locator('#yc-msg-uscc').waitFor({ state: 'detached' });
  await waitStatus(page, 'e1', '已承诺');
  await context.close();
});

test('the comparison page shows every edition side by side, from the same data', async () => {
  const { page, context } = await openPage(env.browser, new URL('/compare.html', env.site.url).href);
  const headers = await page.locator('table.compare').first().locator('th').allTextContents();
  assert.ok(headers.some((h) => h.includes('全国 2023')) && headers.some((h) => h.includes('河南 2021')));
  assert.ok((await page.locator('td.diff mark').count()) > 0, 'differences are highlighted');
  assert.match(await page.locator('table.quota').textContent(), /计划单列市/);
  await context.close();
});
