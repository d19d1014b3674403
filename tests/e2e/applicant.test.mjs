// The applicant's side (issue 10), typed as a person would: nothing typed is lost, messages
// only when earned (GOV.UK), a submit status that tells the truth, loading said as loading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, openReady, ready, siteAndBrowser, typeInto, waitRule, waitVerdict } from './harness.mjs';

const env = siteAndBrowser();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FORM = '/forms/national-2023-enterprise.html';
const KEY = 'yanglao-check:draft:national-2023:enterprise:' + FORM;
const scenario = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, `tests/scenarios/national-2023/${name}.json`), 'utf8')).values;
const saved = (page) => page.waitForFunction(() => /已保存/.test(document.querySelector('.yc-draft-status')?.textContent ?? ''));
const messages = (page) => page.locator('.yc-message').count();
const draftFile = (values) => ({
  name: 'draft.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ version: 1, edition: 'national-2023', category: 'enterprise', values })),
});

// --- 1. Nothing typed is lost ---------------------------------------------------------------

const FIVE = ['案例一', '案例二', '案例三', '案例四', '案例五'];

for (const [how, items] of [['restore', FIVE], ['restore', ['只有一项']], ['import', FIVE], ['import', ['只有一项']]]) {
  test(`${how} with ${items.length} 典型案例 brings every item back, no more and no less`, async () => {
    const { page, context } = await openReady(env, FORM);
    if (how === 'restore') {
      await page.evaluate(([k, v]) => localStorage.setItem(k, JSON.stringify({ version: 1, savedAt: '2026-11-30T10:00:00Z', edition: 'national-2023', category: 'enterprise', values: v })), [KEY, { applicant: '列表测试', cases: items }]);
      await page.reload();
      await ready(page);
      await page.getByRole('button', { name: '恢复草稿' }).click();
      assert.equal(await page.locator('.yc-draft-status').textContent(), '已恢复草稿。', 'the status says restored, not overwritten by 已保存');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'yc-draft-status', 'focus stays in the bar');
    } else {
      await page.locator('.yc-import-file').setInputFiles(draftFile({ applicant: '列表测试', cases: items }));
      await page.waitForFunction(() => document.querySelector('#f-applicant').value === '列表测试');
      assert.equal(await page.locator('.yc-draft-status').textContent(), '已从文件恢复填写内容。');
    }
    const cases = await page.evaluate(() => window.__ycHandle.values().cases);
    assert.deepEqual(cases.filter((c) => c !== ''), items);
    assert.equal(await page.locator('textarea[name=cases]').count(), Math.max(2, items.length));
    // The draft now stored is the whole list, not a shortened form.
    await page.waitForFunction(([k, n]) => JSON.parse(localStorage.getItem(k) ?? '{}').values?.cases?.filter((c) => c).length === n, [KEY, items.length]);
    await context.close();
  });
}

test('typing over an unanswered restore offer never replaces the draft; 恢复 keeps the new typing too', async () => {
  const { page, context } = await openReady(env, FORM);
  await typeInto(page, '#f-applicant', '原来的公司');
  await typeInto(page, '#f-uscc', '91110000600037341L');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').values?.uscc === '91110000600037341L', KEY);
  const draft = await page.evaluate((k) => localStorage.getItem(k), KEY);
  await page.reload();
  await ready(page);
  // The person misses the offer and types into another field.
  await typeInto(page, '#f-contact_title', '经理');
  await page.waitForFunction((k) => localStorage.getItem(k + ':pending') !== null, KEY);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), draft, 'the draft on offer is untouched');
  assert.match(await page.locator('.yc-draft-status').textContent(), /发现本机保存的草稿（全国 2023 · 企业类/);
  // A reload meanwhile: still offered.
  await page.reload();
  await ready(page);
  await typeInto(page, '#f-contact_title', '经理');
  await page.getByRole('button', { name: '恢复草稿' }).click();
  assert.equal(await page.locator('#f-applicant').inputValue(), '原来的公司');
  assert.equal(await page.locator('#f-uscc').inputValue(), '91110000600037341L');
  assert.equal(await page.locator('#f-contact_title').inputValue(), '经理', 'what was typed meanwhile stays');
  assert.match(await page.locator('.yc-draft-status').textContent(), /已恢复草稿。刚才新填写的 1 个栏目保留新内容/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k + ':pending'), KEY), null);
  await context.close();
});

test('放弃草稿 keeps what was typed meanwhile as the new draft; focus stays in the bar', async () => {
  const { page, context } = await openReady(env, FORM);
  await typeInto(page, '#f-applicant', '旧草稿');
  await saved(page);
  await page.reload();
  await ready(page);
  await typeInto(page, '#f-contact_title', '新内容');
  await page.getByRole('button', { name: '放弃草稿' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'yc-draft-status');
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), KEY);
  assert.equal(stored?.values?.contact_title, '新内容');
  assert.equal(stored?.values?.applicant ?? '', '');
  await context.close();
});

test('the draft actions say what they do in plain Chinese, and the file is named in Chinese', async () => {
  const { page, context } = await openReady(env, FORM, { contextOptions: { acceptDownloads: true } });
  const names = await page.locator('.yc-draft button').allTextContents();
  assert.deepEqual(names, ['保存到文件', '从文件恢复', '删除本机草稿']);
  assert.ok(!names.some((n) => /JSON/.test(n)));
  await typeInto(page, '#f-applicant', '文件名测试');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存到文件' }).click()]);
  assert.match(download.suggestedFilename(), /^申报草稿-全国2023-企业类-\d{4}-\d{2}-\d{2}\.json$/);
  // A file of another form names that form in Chinese.
  await page.locator('.yc-import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 1, edition: 'national-2023', category: 'street', values: {} })) });
  await page.waitForFunction(() => /无法从该文件恢复/.test(document.querySelector('.yc-draft-status').textContent));
  assert.match(await page.locator('.yc-draft-status').textContent(), /全国 2023.*街道（乡镇）类/);
  await context.close();
});

// --- 2. Errors only when earned -------------------------------------------------------------

test('tabbing through the empty form says nothing; submit reports the empty required fields', async () => {
  const { page, context } = await openReady(env, FORM);
  await page.locator('#f-applicant').focus();
  for (let i = 0; i < 40; i += 1) await page.keyboard.press('Tab');
  for (let i = 0; i < 20; i += 1) await page.keyboard.press('Shift+Tab');
  assert.equal(await messages(page), 0, 'no message before submit');
  assert.equal(await page.locator('[aria-invalid=true]').count(), 0);
  await page.getByRole('button', { name: '提交自查' }).click();
  await page.locator('.yc-summary').waitFor();
  assert.ok((await page.locator('.yc-message.yc-error').count()) > 5);
  assert.match(await page.locator('#yc-msg-applicant').textContent(), /请填写/);
  await context.close();
});

test('moving between the boxes of one checkbox group is not leaving it', async () => {
  const { page, context } = await openReady(env, FORM);
  await page.getByRole('button', { name: '提交自查' }).click();
  await page.locator('#yc-msg-enterprise_type').waitFor();
  // Ticking clears the error at once …
  await page.locator('#f-enterprise_type-2').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#yc-msg-enterprise_type').count(), 0, 'cleared on the tick');
  // … unticking and moving to the next box of the group says nothing yet …
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'enterprise_type', 'still inside the group');
  assert.equal(await page.locator('#yc-msg-enterprise_type').count(), 0, 'moving inside the group is not leaving it');
  // … and leaving the group judges it.
  const boxes = await page.locator('input[name=enterprise_type]').count();
  for (let i = 0; i < boxes; i += 1) await page.keyboard.press('Tab');
  await page.locator('#yc-msg-enterprise_type').waitFor();
  await context.close();
});

test('a valid field edited again is judged when left; an error clears on the keystroke and is never swapped mid-typing', async () => {
  const { page, context } = await openReady(env, FORM);
  await typeInto(page, '#f-uscc', '91110000600037341L');
  await page.keyboard.press('Tab');
  assert.equal(await page.locator('#yc-msg-uscc').count(), 0);
  // Retype it: nothing while typing …
  await page.locator('#f-uscc').click();
  await page.keyboard.press('Control+A');
  const seen = new Set();
  for (const ch of '9111000060003734') {
    await page.keyboard.type(ch);
    seen.add(await page.locator('#yc-msg-uscc').count());
  }
  assert.deepEqual([...seen], [0], 'no message while re-editing a valid field');
  // … judged on leaving …
  await page.keyboard.press('Tab');
  await page.locator('#yc-msg-uscc').waitFor();
  const first = await page.locator('#yc-msg-uscc').textContent();
  // … then the same message while fixing, gone on the keystroke that completes it.
  await page.locator('#f-uscc').click();
  await page.keyboard.press('End');
  await page.keyboard.type('1');
  assert.equal(await page.locator('#yc-msg-uscc').textContent(), first, 'no new error swapped in mid-typing');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('1L');
  assert.equal(await page.locator('#yc-msg-uscc').count(), 0, 'gone on the keystroke that makes it right');
  assert.equal(await page.locator('#f-uscc').getAttribute('aria-invalid'), null);
  await context.close();
});

test('a cross-field message is shown on the field being edited', async () => {
  const { page, context } = await openReady(env, FORM);
  // 健康养老营业收入 may not exceed 营业收入 (reported on the former); edit the latter last.
  await typeInto(page, '#f-health_revenue', '500');
  await page.keyboard.press('Tab');
  await typeInto(page, '#f-revenue', '100');
  await page.keyboard.press('Tab');
  await page.locator('#yc-msg-revenue').waitFor();
  assert.match(await page.locator('#yc-msg-revenue').textContent(), /不应大于主营业务收入/);
  await context.close();
});

// --- 3. A result that tells the truth -------------------------------------------------------

test('every field valid but 成立时间 under 3 years: the submit status says 格式检查通过，但 … 不符合', async () => {
  const values = { ...scenario('enterprise-eligible'), founded: '2022-01-01' };
  const { page, context } = await openReady(env, FORM);
  await page.locator('.yc-import-file').setInputFiles(draftFile(values));
  await waitVerdict(page, '不符合申报条件');
  await page.getByRole('button', { name: '提交自查' }).click();
  await page.waitForFunction(() => document.querySelector('.submit-status').textContent !== '');
  assert.match(await page.locator('.submit-status').textContent(), /^格式检查通过，但按申报条件自查：1 条不符合/);
  assert.equal(await page.locator('.yc-summary').count(), 0);
  // The panel lists the clause's sub-conditions, the failing one first, linking to its field.
  const first = page.locator('li.yc-rule.yc-status-notMet .yc-part').first();
  assert.equal(await first.locator('.yc-part-status').textContent(), '不符合');
  assert.equal(await first.locator('a').getAttribute('href'), '#f-founded');
  await first.locator('a').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-founded');
  await context.close();
});

test('已承诺 is explained as the applicant’s own declaration', async () => {
  const { page, context } = await openReady(env, FORM);
  await page.locator('.yc-import-file').setInputFiles(draftFile(scenario('enterprise-eligible')));
  await waitVerdict(page, '符合申报条件');
  assert.ok((await page.locator('.yc-part.yc-status-declared').count()) > 0);
  assert.match(await page.locator('.yc-panel-declared').textContent(), /申报单位自己勾选的声明，本页无法核验/);
  await page.getByRole('button', { name: '提交自查' }).click();
  await page.waitForFunction(() => /^格式检查通过，按申报条件自查：均符合或已承诺/.test(document.querySelector('.submit-status').textContent));
  await context.close();
});

test('the printed 自查报告 starts with the verdict and the list of 不符合 / 待补充', async () => {
  const { page, context } = await openReady(env, FORM);
  await typeInto(page, '#f-apply_date', '2023-05-20');
  await typeInto(page, '#f-founded', '2022-01-01');
  await waitRule(page, 'e1', '不符合');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const summary = page.locator('[data-print-summary]');
  assert.equal(await summary.isVisible(), true);
  assert.match(await summary.locator('.print-verdict').textContent(), /^申报条件自查结论：不符合申报条件/);
  assert.match(await summary.textContent(), /【不符合】/);
  assert.match(await summary.textContent(), /【待补充】/);
  // Headings of groups that do not apply are not printed.
  const hidden = await page.evaluate(() => [...document.querySelectorAll('fieldset.section')].filter((f) => getComputedStyle(f).display === 'none').length);
  assert.ok(hidden > 0, 'the 专项能力 groups of the 企业类型 not chosen are left out');
  await context.close();
});

// --- 4. Loading is said as loading ----------------------------------------------------------

async function slowPage() {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200 * 1024, uploadThroughput: 100 * 1024 });
  await page.goto(new URL(FORM, env.site.url).href, { waitUntil: 'domcontentloaded' });
  await page.locator('#f-uscc').waitFor();
  return { context, page };
}

test('on a slow line the page says it is loading and judges what was typed meanwhile', async () => {
  const { context, page } = await slowPage();
  assert.equal(await page.evaluate(() => window.__ycReady), undefined, 'still loading');
  assert.equal(await page.locator('.checks-loading').isVisible(), true);
  assert.match(await page.locator('.checks-loading').textContent(), /正在加载在线检查/);
  assert.equal(await page.locator('.js-off-notice').isVisible(), false, 'never says 未启用 while downloading');
  await typeInto(page, '#f-uscc', '12345', 0);
  await page.keyboard.press('Tab');
  await ready(page);
  await page.locator('#yc-msg-uscc').waitFor({ timeout: 5_000 });
  assert.equal(await page.locator('.checks-loading').isVisible(), false);
  const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload], link[rel=preload]')].map((l) => l.getAttribute('href')));
  assert.deepEqual(preloads, ['../pkg/yanglao_check.js', '../pkg/yanglao_check_bg.wasm']);
  await context.close();
});

test('the page does not jump when the checker arrives on a slow line', async () => {
  const { context, page } = await slowPage();
  await ready(page);
  // Two frames after attach, so a shift it caused has been recorded.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const cls = await page.evaluate(() => window.__cls);
  console.log(`layout shift when the checker arrives (slow line): CLS ${cls.toFixed(4)}`);
  assert.ok(cls < 0.05, `CLS ${cls}`);
  await context.close();
});

// --- 5. Accessible --------------------------------------------------------------------------

test('the skip link reaches the first field; the phone link reaches the panel', async () => {
  const { page, context } = await openReady(env, FORM, { contextOptions: { viewport: { width: 375, height: 700 } } });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '跳到第一个栏目');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-applicant');
  await page.getByRole('link', { name: '查看申报条件自查结果' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'eligibility');
  assert.ok(await page.locator('.yc-verdict').isVisible());
  await context.close();
});

test('fields that do not apply are out of the Tab order and the accessibility tree', async () => {
  const { page, context } = await openReady(env, FORM);
  const inert = await page.locator('[data-field-wrap][inert]').count();
  assert.ok(inert > 0, 'before a 企业类型 is chosen, its 专项能力 fields are inert');
  await page.locator('label[for="f-enterprise_type-2"]').click();
  assert.ok((await page.locator('[data-field-wrap][inert]').count()) < inert, 'choosing a type makes its fields reachable');
  await context.close();
});

test('live regions: the counter is not live; the panel speaks after a pause, once', async () => {
  const { page, context } = await openReady(env, FORM);
  assert.equal(await page.locator('.yc-counter[aria-live]').count(), 0);
  assert.equal(await page.locator('[data-yc-eligibility][aria-live], .yc-panel[aria-live]').count(), 0);
  await typeInto(page, '#f-apply_date', '2023-05-20');
  // Count what the status line says: once, after the pause, not per keystroke.
  await page.evaluate(() => {
    window.__said = [];
    const live = document.querySelector('.yc-panel-live');
    new MutationObserver(() => window.__said.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  });
  await typeInto(page, '#f-founded', '2022-01-01');
  await page.waitForFunction(() => window.__said.some((t) => /不符合/.test(t)), null, { timeout: 5_000 });
  const said = await page.evaluate(() => window.__said);
  assert.ok(said.length <= 2, `spoken ${said.length} times: ${said.join(' | ')}`);
  await context.close();
});
