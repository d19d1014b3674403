// Nothing typed is lost: drafts survive a reload, export/import round-trips, and hostile or
// failing storage is reported without breaking the form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openPage, offOrigin, siteAndBrowser } from './harness.mjs';

const env = siteAndBrowser();

const FORM = '/forms/national-2023-enterprise.html';
const ready = (page) => page.waitForFunction(() => window.__ycReady !== undefined, null, { timeout: 15000 });

test('a draft is restored after a reload', async () => {
  const { page, context, requests } = await openPage(env.browser, new URL(FORM, env.site.url).href);
  await ready(page);
  await page.locator('#f-applicant').fill('示例科技有限公司');
  await page.locator('#f-uscc').fill('91110000600037341L');
  await page.locator('input[name=scenarios][value="' + (await page.locator('input[name=scenarios]').first().getAttribute('value')) + '"]').check();
  await page.waitForFunction(() => /已保存/.test(document.querySelector('.yc-draft-status')?.textContent ?? ''));
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('#f-applicant').inputValue(), '', 'the form itself starts empty');
  await page.locator('.yc-restore').click();
  assert.equal(await page.locator('#f-applicant').inputValue(), '示例科技有限公司');
  assert.equal(await page.locator('#f-uscc').inputValue(), '91110000600037341L');
  assert.equal(await page.locator('input[name=scenarios]').first().isChecked(), true);
  assert.deepEqual(offOrigin(requests, env.site.url), []);
  await context.close();
});

test('export then import round-trips the values', async () => {
  const { page, context } = await openPage(env.browser, new URL(FORM, env.site.url).href, { contextOptions: { acceptDownloads: true } });
  await ready(page);
  await page.locator('#f-applicant').fill('导出测试公司');
  await page.locator('#f-revenue').fill('1,234.5');
  await page.locator('#f-commitment').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.yc-export').click()]);
  const file = await download.path();
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(saved.values.applicant, '导出测试公司');
  await page.locator('.yc-clear').click();
  await page.locator('#f-applicant').fill('');
  await page.locator('#f-revenue').fill('');
  await page.locator('#f-commitment').uncheck();
  await page.locator('.yc-import-file').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('#f-applicant').value === '导出测试公司');
  assert.equal(await page.locator('#f-revenue').inputValue(), '1,234.5');
  assert.equal(await page.locator('#f-commitment').isChecked(), true);
  assert.match(await page.locator('.yc-draft-status').textContent(), /已导入/);
  await context.close();
});

test('a corrupted or hostile draft is refused with a message and the form still works', async () => {
  const { page, context } = await openPage(env.browser, new URL(FORM, env.site.url).href);
  await ready(page);
  const key = 'yanglao-check:draft:national-2023:enterprise:' + FORM; // the page's path
  for (const bad of ['{not json', JSON.stringify({ version: 1, edition: 'national-2023', category: 'enterprise', values: { applicant: { $: 1 } } })]) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, bad]);
    await page.reload();
    await ready(page);
    assert.match(await page.locator('.yc-draft-status').textContent(), /无法识别，已忽略/);
    await page.locator('#f-uscc').fill('91110000600037341A');
    await page.locator('#f-uscc').blur();
    await page.locator('#yc-msg-uscc').waitFor();
  }
  await context.close();
});

test('an imported file with markup or unknown fields is refused, and markup in values stays text', async () => {
  const { page, context } = await openPage(env.browser, new URL(FORM, env.site.url).href);
  await ready(page);
  await page.locator('.yc-import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"evil":"<img src=x onerror=alert(1)>"}') });
  await page.waitForFunction(() => /无法导入/.test(document.querySelector('.yc-draft-status').textContent));
  const payload = '"><img src=x onerror=alert(1)>';
  await page.locator('.yc-import-file').setInputFiles({ name: 'y.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ applicant: payload, contact_phone: payload })) });
  await page.waitForFunction((p) => document.querySelector('#f-applicant').value === p, payload);
  await page.locator('button[type=submit]').click();
  assert.equal(await page.locator('img[src=x]').count(), 0);
  await context.close();
});

test('full or missing storage is reported on the page and typing goes on', async () => {
  const { page, context } = await openPage(env.browser, new URL(FORM, env.site.url).href);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.reload();
  await ready(page);
  await page.locator('#f-applicant').fill('满了也要能填');
  await page.waitForFunction(() => /存储空间已满/.test(document.querySelector('.yc-draft-status').textContent));
  assert.equal(await page.locator('#f-applicant').inputValue(), '满了也要能填');
  await context.close();
  const second = await openPage(env.browser, new URL(FORM, env.site.url).href);
  await second.page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await second.page.reload();
  await ready(second.page);
  assert.match(await second.page.locator('.yc-draft-status').textContent(), /禁用了本地存储/);
  await second.page.locator('#f-uscc').fill('91110000600037341A');
  await second.page.locator('#f-uscc').blur();
  await second.page.locator('#yc-msg-uscc').waitFor();
  await second.context.close();
});
