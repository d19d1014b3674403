// Hostile input renders as text, the strict CSP holds, nothing leaves the origin, and
// detach() leaves the page exactly as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offOrigin, openPage, openReady, pristine, ready, siteAndBrowser, typeInto } from './harness.mjs';

const env = siteAndBrowser();

const FORM = '/forms/national-2023-enterprise.html';
const PAYLOADS = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "'><svg onload=alert(1)>"];
// Every text field a person can reach (fields that do not apply are inert: out of reach, by design).
const TEXT_FIELDS = ['input[type=text]', 'input[type=tel]', 'input[type=email]', 'textarea'].map((t) => `form ${t}:not([inert] *):not([inert])`).join(', ');

/** Elements that could run script, and any attribute named on… anywhere in the document. */
const scriptable = (page) => page.evaluate(() => ({
  elements: document.querySelectorAll('img, script:not([src]), svg, iframe, object, embed').length,
  handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
  scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
}));

test('XSS payloads typed into every text field render as text: no dialog, no new element, no CSP violation', async () => {
  const { page, context, requests, cspViolations, pageErrors } = await openReady(env, FORM);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const before = await scriptable(page);
  const fields = await page.locator(TEXT_FIELDS).all();
  assert.ok(fields.length > 25, `${fields.length} text fields a person can reach`);
  let i = 0;
  for (const field of fields) {
    const payload = PAYLOADS[i++ % PAYLOADS.length];
    await field.click();
    await page.keyboard.type(payload);
    await page.keyboard.press('Tab');
  }
  await page.getByRole('button', { name: '提交自查' }).click();
  await page.locator('.yc-summary').waitFor();
  // The panel and the draft are drawn after a pause: wait for both, not for a fixed time.
  await page.locator('.yc-panel').waitFor();
  await page.waitForFunction(() => /已保存/.test(document.querySelector('.yc-draft-status')?.textContent ?? ''));
  assert.equal(dialogs, 0);
  assert.deepEqual(await scriptable(page), before, 'no element or handler was injected');
  // What was typed is still there, as typed.
  i = 0;
  for (const field of fields) assert.equal(await field.inputValue(), PAYLOADS[i++ % PAYLOADS.length]);
  // Messages and the summary are text only.
  const markupInMessages = await page.evaluate(() => [...document.querySelectorAll('.yc-message, .yc-summary, .yc-panel')].filter((el) => el.querySelector('img, script, svg')).length);
  assert.equal(markupInMessages, 0);
  assert.equal(await page.locator('[style]').count(), 0, 'no inline style');
  // The saved draft holds the payloads; restoring it after a reload is still only text.
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: '恢复草稿' }).click();
  assert.equal(await page.locator('#f-applicant').inputValue(), PAYLOADS[0]);
  assert.deepEqual(await scriptable(page), before);
  assert.equal(dialogs, 0);
  assert.deepEqual(cspViolations, []);
  assert.deepEqual(pageErrors.map(String), []);
  assert.deepEqual(offOrigin(requests, env.site.url), []);
  await context.close();
});

test('detach() takes away every element, listener and attribute the binding added', async () => {
  const { page, context } = await openReady(env, FORM);
  const form = await pristine(page, '#application');
  const panel = await pristine(page, '[data-yc-eligibility]');
  // Use the form: messages, a counter, a greyed-out field, the summary.
  await typeInto(page, '#f-uscc', '91110000600037341A');
  await page.keyboard.press('Tab');
  await typeInto(page, '#f-intro', '介绍');
  await page.locator('label[for="f-enterprise_type"]').click();
  await page.getByRole('button', { name: '提交自查' }).click();
  await page.locator('.yc-summary').waitFor();
  await page.evaluate(() => window.__ycHandle.detach());
  await page.evaluate(() => window.__ycHandle.detach()); // idempotent
  // Reset what the person typed (not the binding's doing) and compare the markup.
  const after = await page.evaluate(() => {
    const f = document.querySelector('#application');
    f.reset();
    // The site's own loading line (app.js hides it once the checker is ready), not the binding's.
    f.querySelector('.checks-loading')?.removeAttribute('hidden');
    // Likewise the site's submit status line (app.js writes it from yc:invalid).
    const status = f.querySelector('.submit-status');
    if (status) status.textContent = '';
    return f.outerHTML;
  });
  assert.equal(after, form);
  assert.equal(await page.locator('[data-yc-eligibility]').evaluate((el) => el.outerHTML), panel);
  assert.equal(await page.locator('[class*="yc-"], [id^="yc-"]').count(), 0, 'nothing of the binding is left');
  // No listener is left either: leaving a wrong field shows nothing, and a submit goes through
  // as plain HTML would (to the form's own URL, ?…).
  await typeInto(page, '#f-uscc', 'bad');
  await page.keyboard.press('Tab');
  assert.equal(await page.locator('.yc-message').count(), 0);
  await Promise.all([page.waitForURL(/\?/), page.getByRole('button', { name: '提交自查' }).click()]);
  assert.match(page.url(), /uscc=bad/);
  await context.close();
});

test('a whole session — index, a form, typing, submit, export, compare, the foreign page — requests nothing from another origin', async () => {
  const { page, context, requests, cspViolations, consoleErrors } = await openPage(env.browser, env.site.url, { contextOptions: { acceptDownloads: true } });
  await page.getByRole('link', { name: '企业类' }).first().click();
  await ready(page);
  await typeInto(page, '#f-applicant', '会话测试');
  await typeInto(page, '#f-contact_email', 'someone@example.com');
  await page.keyboard.press('Enter');
  await page.locator('.yc-summary').waitFor();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存到文件' }).click()]);
  await page.getByRole('link', { name: '各版本申报条件对照' }).first().click();
  await page.waitForLoadState('load');
  await page.getByRole('link', { name: '首页' }).first().click();
  await page.getByRole('link', { name: '嵌入示例' }).click();
  await ready(page);
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the module was fetched');
  assert.deepEqual(offOrigin(requests, env.site.url), []);
  assert.deepEqual(cspViolations, []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
