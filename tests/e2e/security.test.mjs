// Hostile input renders as text, the strict CSP holds, nothing leaves the origin, and
// detach() leaves the page exactly as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, offOrigin, siteAndBrowser } from './harness.mjs';

const env = siteAndBrowser();

const ready = (page) => page.waitForFunction(() => window.__ycReady !== undefined, null, { timeout: 15000 });
const PAYLOADS = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "'><svg onload=alert(1)>"];

test('XSS payloads typed into every text field render as text; no dialog, no CSP violation, no foreign request', async () => {
  const { page, context, requests, cspViolations } = await openPage(env.browser, new URL('/forms/national-2023-enterprise.html', env.site.url).href);
  await ready(page);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const before = await page.evaluate(() => document.querySelectorAll('img,script,svg').length);
  const fields = await page.locator('form input[type=text], form input[type=tel], form input[type=email], form textarea').all();
  let i = 0;
  for (const field of fields) {
    await field.fill(PAYLOADS[i++ % PAYLOADS.length]);
    await field.blur();
  }
  await page.locator('button[type=submit]').click();
  await page.locator('.yc-summary').waitFor();
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img,script,svg').length), before, 'no element was injected');
  const summaryText = await page.locator('.yc-summary').textContent();
  assert.ok(summaryText.length > 0);
  assert.deepEqual(cspViolations, []);
  assert.deepEqual(offOrigin(requests, env.site.url), []);
  await context.close();
});

test('detach() removes every element, listener and attribute the binding added', async () => {
  const { page, context } = await openPage(env.browser, new URL('/forms/national-2023-enterprise.html', env.site.url).href);
  await ready(page);
  // What the server sent, before any script ran.
  const pristine = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return doc.querySelector('#application').outerHTML;
  });
  await page.locator('#f-uscc').fill('91110000600037341A');
  await page.locator('#f-uscc').blur();
  await page.locator('#f-intro').fill('介绍');
  await page.locator('input[name=enterprise_type]').first().check();
  await page.locator('button[type=submit]').click();
  await page.locator('.yc-summary').waitFor();
  await page.evaluate(() => window.__ycHandle.detach());
  await page.evaluate(() => window.__ycHandle.detach()); // idempotent
  // Reset what the person typed (not the binding's doing) and compare the markup.
  const after = await page.evaluate(() => {
    const form = document.querySelector('#application');
    form.reset();
    document.querySelector('.submit-status').textContent = '';
    return form.outerHTML;
  });
  assert.equal(after, pristine);
  assert.equal(await page.locator('[data-yc-eligibility] .yc-panel').count(), 0);
  await page.locator('#f-uscc').fill('bad');
  await page.locator('#f-uscc').blur();
  assert.equal(await page.locator('.yc-message').count(), 0, 'no listener is left');
  await context.close();
});

test('a page that is not ours gets live checks without any change to its HTML', async () => {
  const { page, context, consoleErrors, cspViolations, requests } = await openPage(env.browser, new URL('/foreign.html', env.site.url).href);
  await ready(page);
  await page.locator('#q2').fill('91110000600037341A');
  await page.locator('#q2').blur();
  assert.match(await page.locator('#yc-msg-uscc').textContent(), /“L”/);
  assert.equal(await page.locator('#q2').getAttribute('aria-invalid'), 'true');
  await page.locator('input[name=enterprise_type]').first().check(); // value is the label, not our id
  assert.equal(await page.locator('#yc-msg-enterprise_type').count(), 0, 'labels are accepted as option values');
  assert.match(await page.locator('#zige .yc-verdict').textContent(), /信息待补充|不符合申报条件/);
  await page.locator('#q10').fill('智慧养老');
  assert.match(await page.locator('#yc-count-intro').textContent(), /字数 4\/1000/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(cspViolations, []);
  assert.deepEqual(offOrigin(requests, env.site.url), []);
  await context.close();
});
