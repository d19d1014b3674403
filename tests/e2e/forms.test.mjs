// End to end in headless Chromium: a person typing into the generated 2023 forms, under a
// strict CSP, and what they see. Build first: bash scripts/build.sh && cargo test --test sitegen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, offOrigin, siteAndBrowser } from './harness.mjs';

const env = siteAndBrowser();

async function open(path) {
  const p = await openPage(env.browser, new URL(path, env.site.url).href);
  await p.page.waitForFunction(() => window.__ycReady !== undefined, null, { timeout: 15000 });
  return p;
}

const msg = (page, id) => page.locator(`#yc-msg-${id}`);
const ruleStatus = (page, id) => page.locator(`[data-yc-eligibility] li[data-rule="${id}"] .yc-status`).textContent();

test('enterprise: a message appears only after leaving the field, and clears on the fixing keystroke', async () => {
  const { page, requests, consoleErrors, cspViolations, context } = await open('/forms/national-2023-enterprise.html');
  assert.equal(await page.locator('.js-off-notice').isHidden(), true, 'the js-off notice is hidden once attached');
  const uscc = page.locator('#f-uscc');
  await uscc.click();
  await page.keyboard.type('91110000600037341A', { delay: 5 });
  assert.equal(await msg(page, 'uscc').count(), 0, 'no message while typing for the first time');
  await page.keyboard.press('Tab');
  await assert.doesNotReject(msg(page, 'uscc').waitFor());
  assert.match(await msg(page, 'uscc').textContent(), /“L”/);
  assert.equal(await uscc.getAttribute('aria-invalid'), 'true');
  assert.match(await uscc.getAttribute('aria-describedby'), /yc-msg-uscc/);
  assert.match(await uscc.getAttribute('aria-describedby'), /hint-uscc/, 'the page’s own description is kept');
  await uscc.focus();
  await page.keyboard.press('Backspace');
  assert.equal(await msg(page, 'uscc').count(), 1, 'still wrong after deleting');
  await page.keyboard.type('L');
  assert.equal(await msg(page, 'uscc').count(), 0, 'gone on the keystroke that fixes it');
  assert.equal(await uscc.getAttribute('aria-invalid'), null);
  assert.doesNotMatch((await uscc.getAttribute('aria-describedby')) ?? '', /yc-msg/);
  assert.deepEqual(offOrigin(requests, env.site.url), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(cspViolations, []);
  await context.close();
});

test('enterprise: the eligibility panel goes from 待补充 to 不符合 to 符合 for clause 1', async () => {
  const { page, context } = await open('/forms/national-2023-enterprise.html');
  assert.equal(await ruleStatus(page, 'e1'), '待补充');
  await page.locator('#f-apply_date').fill('2023-05-20');
  await page.locator('#f-uscc').fill('91110000600037341L');
  await page.locator('#f-decl_no_violation').check();
  await page.locator('#f-founded').fill('2021-03-01');
  await page.waitForFunction(() => document.querySelector('li[data-rule="e1"] .yc-status')?.textContent === '不符合');
  assert.match(await page.locator('li[data-rule="e1"] .yc-explanation').textContent(), /满2年2个月，不足3年/);
  assert.equal(await page.locator('.yc-verdict').textContent(), '不符合申报条件');
  await page.locator('#f-founded').fill('2020-05-20');
  await page.waitForFunction(() => document.querySelector('li[data-rule="e1"] .yc-status')?.textContent === '已承诺');
  await context.close();
});

test('enterprise: submit with errors shows the summary, focuses it, links to fields, and stops the submit', async () => {
  const { page, context } = await open('/forms/national-2023-enterprise.html');
  await page.locator('#f-contact_phone').fill('62795627');
  const before = page.url();
  await page.locator('button[type=submit]').click();
  const summary = page.locator('.yc-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('yc-summary')), true);
  assert.equal(page.url(), before, 'the submit was stopped');
  assert.match(await summary.locator('h2').textContent(), /提交前请修改以下 \d+ 个问题/);
  const link = summary.locator('a[data-yc-field="contact_phone"]');
  assert.match(await link.textContent(), /区号/);
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-contact_phone');
  assert.ok(await msg(page, 'applicant').count() === 1, 'every empty required field shows its message after submit');
  await context.close();
});

test('street: 字数 counter and the 近5年累计投入 rule', async () => {
  const { page, context } = await open('/forms/national-2023-street.html');
  await page.locator('#f-intro').fill('本街道于2019年启动智慧养老建设。');
  assert.match(await page.locator('#yc-count-intro').textContent(), /字数 \d+\/1000/);
  assert.equal(await ruleStatus(page, 's1'), '待补充');
  await page.locator('#f-invest_5y').fill('150');
  await page.waitForFunction(() => document.querySelector('li[data-rule="s1"] .yc-status')?.textContent === '不符合');
  await page.locator('#f-invest_5y').fill('200');
  await page.waitForFunction(() => document.querySelector('li[data-rule="s1"] .yc-status')?.textContent === '符合');
  await context.close();
});

test('every generated form loads, attaches and shows 信息待补充 with no error or CSP violation', async () => {
  const html = await (await fetch(new URL('/index.html', env.site.url).href)).text();
  const forms = [...html.matchAll(/href="(forms\/[^"]+\.html)"/g)].map((m) => '/' + m[1]);
  assert.ok(forms.length >= 4, `found ${forms.length} forms`);
  for (const path of forms) {
    const { page, consoleErrors, cspViolations, requests, context } = await open(path);
    assert.equal(await page.locator('.yc-verdict').textContent(), '信息待补充', path);
    assert.deepEqual(consoleErrors, [], path);
    assert.deepEqual(cspViolations, [], path);
    assert.deepEqual(offOrigin(requests, env.site.url), [], path);
    await context.close();
  }
});

test('park and base forms: typing a value moves a rule', async () => {
  {
    const { page, context } = await open('/forms/national-2023-park.html');
    await page.locator('#f-park_revenue').fill('1000');
    await page.locator('#f-park_health_revenue').fill('400');
    await page.waitForFunction(() => document.querySelector('li[data-rule="p4"] .yc-status')?.textContent === '不符合');
    await page.locator('#f-park_health_revenue').fill('500');
    await page.waitForFunction(() => document.querySelector('li[data-rule="p4"] .yc-status')?.textContent === '符合');
    await context.close();
  }
  {
    const { page, context } = await open('/forms/national-2023-base.html');
    await page.locator('#f-invest_5y').fill('1,499.9');
    await page.locator('#f-decl_industry_base').check();
    await page.waitForFunction(() => document.querySelector('li[data-rule="b1"] .yc-status')?.textContent === '不符合');
    await context.close();
  }
});
