// A page that is not ours (www/foreign.html): its own markup, ids, classes and styles, labels
// wrapping inputs, a <select> and checkboxes whose values are the option labels, no slot for
// the panel. foreign.js only calls init() and attach(); the page's HTML has nothing for the
// checker but the inputs' names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { WWW_DIR, offOrigin, openReady, pristine, siteAndBrowser, typeInto, waitRule, waitVerdict } from './harness.mjs';

const env = siteAndBrowser();
const PAGE = '/foreign.html';

test('the foreign page carries no markup for the checker', async () => {
  const html = fs.readFileSync(path.join(WWW_DIR, 'foreign.html'), 'utf8');
  for (const hook of ['data-field-wrap', 'data-yc', 'yc-', 'data-edition', 'aria-describedby', 'style.css', 'app.js']) {
    assert.ok(!html.includes(hook), `foreign.html mentions ${hook}`);
  }
  const served = await (await fetch(new URL(PAGE, env.site.url))).text();
  assert.equal(served, html);
  const js = fs.readFileSync(path.join(WWW_DIR, 'foreign.js'), 'utf8');
  assert.match(js, /await init\(/);
  assert.match(js, /attach\(document\.getElementById\('sbForm'\)/);
});

test('a wrong credit code gets its message and aria wiring in markup the binding did not write', async () => {
  const { page, context, consoleErrors, cspViolations, pageErrors, requests } = await openReady(env, PAGE);
  const input = page.locator('#tyxydm');
  await typeInto(page, '#tyxydm', '91110000600037341A');
  assert.equal(await page.locator('#yc-msg-uscc').count(), 0);
  await page.keyboard.press('Tab');
  assert.match(await page.locator('#yc-msg-uscc').textContent(), /“L”/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.equal(await input.getAttribute('aria-describedby'), 'yc-msg-uscc');
  // With no wrapper to go by, the message goes before the <label> that wraps the input.
  assert.equal(await page.evaluate(() => document.getElementById('yc-msg-uscc').nextElementSibling === document.getElementById('tyxydm').closest('label')), true);
  await input.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('L');
  assert.equal(await page.locator('#yc-msg-uscc').count(), 0);
  assert.equal(await input.getAttribute('aria-describedby'), null, 'an attribute the page did not have is removed again');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors.map(String), []);
  assert.deepEqual(cspViolations, []);
  assert.deepEqual(offOrigin(requests, env.site.url), []);
  await context.close();
});

test('option labels as values: the <select> for 企业类型 and the 应用场景 checkboxes are read, and the panel follows', async () => {
  const { page, context } = await openReady(env, PAGE);
  // No slot on the page: the panel is put right after the form.
  assert.equal(await page.evaluate(() => document.getElementById('sbForm').nextElementSibling?.classList.contains('yc-eligibility')), true);
  assert.equal(await page.locator('.yc-eligibility .yc-verdict').textContent(), '信息待补充');
  await page.locator('#qylx').focus();
  await page.locator('#qylx').blur(); // leaving it unchosen says nothing yet: empty is reported on submit (GOV.UK)
  assert.equal(await page.locator('#yc-msg-enterprise_type').count(), 0);
  await page.locator('#qylx').selectOption({ label: '服务运营企业' });
  assert.equal(await page.locator('#yc-msg-enterprise_type').count(), 0, 'the label is accepted as the option value');
  await page.getByLabel('医养结合').check();
  await page.keyboard.press('Tab');
  assert.equal(await page.locator('#yc-msg-scenarios').count(), 0);
  // values() is what the page holds (what a draft stores): the labels, as the page wrote them.
  const values = await page.evaluate(() => window.__ycHandle.values());
  assert.deepEqual(values.enterprise_type, ['服务运营企业']);
  assert.deepEqual(values.scenarios, ['医养结合']);
  // …and the rules read them as the options they name: 服务运营企业 needs 自主知识产权数量,
  // a field this page lacks, so 二（一）4 waits for it.
  await page.waitForFunction(() => /自主知识产权数量/.test(document.querySelector('li.yc-rule[data-rule="e4"] .yc-explanation')?.textContent ?? ''));
  // 二（一）1 from the page's own date fields.
  await typeInto(page, '#sbrq', '2023-05-20');
  await typeInto(page, '#clsj', '2022-01-01');
  await waitRule(page, 'e1', '不符合');
  await waitVerdict(page, '不符合申报条件');
  await typeInto(page, '#qyjs', '智慧养老');
  assert.equal(await page.locator('#yc-count-intro').textContent(), '字数 4/1000');
  await context.close();
});

test('a submit with errors shows the summary just before the foreign form, linked to its own ids', async () => {
  const { page, context } = await openReady(env, PAGE);
  const before = page.url();
  await typeInto(page, '#lxdh', '62795627');
  await page.locator('button.tijiao').click();
  const summary = page.locator('.yc-summary');
  await summary.waitFor();
  assert.equal(page.url(), before, 'the submit was stopped');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('yc-summary')), true);
  assert.equal(await page.evaluate(() => document.querySelector('.yc-summary').nextElementSibling?.id), 'sbForm', 'outside the page’s form, right before it');
  const link = summary.locator('a[data-yc-field="contact_phone"]');
  assert.equal(await link.getAttribute('href'), '#lxdh', 'the page’s own id');
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lxdh');
  // Only the fields the page has, each linking to its own input.
  const links = await page.evaluate(() => [...document.querySelectorAll('.yc-summary a')].map((a) => !!document.getElementById(a.getAttribute('href').slice(1))));
  assert.ok(links.length >= 10, `${links.length} links to fields on the page`);
  assert.ok(links.every(Boolean));
  await context.close();
});

test('detach() gives the foreign form back exactly as it was', async () => {
  const { page, context } = await openReady(env, PAGE);
  const original = await pristine(page, 'body');
  await typeInto(page, '#tyxydm', 'x');
  await page.locator('#tyxydm').blur();
  await page.getByLabel('老年食堂').check();
  await page.locator('button.tijiao').click();
  await page.locator('.yc-summary').waitFor();
  await page.evaluate(() => window.__ycHandle.detach());
  const after = await page.evaluate(() => {
    document.getElementById('sbForm').reset();
    return document.body.outerHTML;
  });
  assert.equal(after, original);
  await context.close();
});

test('the page’s own 重填 (reset) button clears the messages and counters too', async () => {
  const { page, context } = await openReady(env, PAGE);
  await typeInto(page, '#tyxydm', '91110000600037341A');
  await page.locator('#tyxydm').blur();
  await typeInto(page, '#qyjs', '智慧养老');
  await page.locator('button.chongtian').click();
  await page.waitForFunction(() => document.getElementById('yc-count-intro')?.textContent === '字数 0/1000');
  const state = { messages: await page.locator('.yc-message').count(), counter: await page.locator('#yc-count-intro').textContent() };
  await context.close();
  assert.deepEqual(state, { messages: 0, counter: '字数 0/1000' });
});

test('a page that shows a subset of the fields is only held to the fields it has', async () => {
  const { page, context } = await openReady(env, PAGE);
  await page.locator('button.tijiao').click();
  await page.locator('.yc-summary').waitFor();
  const dead = await page.locator('.yc-summary a[href="#"]').count();
  const listed = await page.evaluate(() => [...document.querySelectorAll('.yc-summary li')].map((li) => li.querySelector('a')?.dataset.ycField ?? li.textContent));
  const onPage = await page.evaluate(() => [...new Set([...document.querySelectorAll('#sbForm [name]')].map((e) => e.name))]);
  await context.close();
  assert.equal(dead, 0);
  for (const f of listed) assert.ok(onPage.includes(f), `${f} is a field of the page`);
});
