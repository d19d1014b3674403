// 导出 Word（.docx）: a person types into a form, presses the button, and gets a Word file —
// under the strict CSP, with no request off the origin, the docx module fetched only on the
// click, and the file opened by an independent reader (python-docx) with what was typed in it.
// (all-forms.test.mjs checks that every form of every edition offers the button.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCspViolations, offOrigin, openReady, siteAndBrowser, typeInto } from './harness.mjs';

const env = siteAndBrowser();

/** Opens a .docx with python-docx and returns its paragraphs and table cells as text. */
function readDocx(path) {
  const script = [
    'import docx, json, sys',
    'd = docx.Document(sys.argv[1])',
    'cells = [c.text for t in d.tables for r in t.rows for c in r.cells]',
    'print(json.dumps({"paragraphs": [p.text for p in d.paragraphs], "cells": cells}, ensure_ascii=False))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }));
}

test('the button downloads the 申报书 as .docx under the strict CSP, loading the docx module only on click', async () => {
  const { page, context, requests, pageErrors } = await openReady(env, '/forms/national-2023-enterprise.html', {
    contextOptions: { acceptDownloads: true },
  });
  const button = page.getByRole('button', { name: '导出 Word（.docx）' });
  await button.waitFor({ state: 'visible' });
  assert.equal(requests.filter((u) => u.includes('/pkg/docx/')).length, 0, 'nothing of the docx module before the click');

  await typeInto(page, '#f-applicant', '北京康颐智能科技有限公司');
  // Lower case and spaces: the document has the checker's normalisation, in capitals.
  await typeInto(page, '#f-uscc', '91110000 600037341l');
  await typeInto(page, '#f-part2_1', '第一段<b>不是标签</b> & 😀\n第二段');
  await page.keyboard.press('Tab');

  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^智慧健康养老应用试点示范申报书（企业类）-北京康颐智能科技有限公司\.docx$/);
  await page.locator('[data-yc-docx-status]').filter({ hasText: '已生成' }).waitFor();

  const dir = mkdtempSync(join(tmpdir(), 'yc-docx-'));
  try {
    const path = join(dir, 'out.docx');
    await file.saveAs(path);
    assert.equal(readFileSync(path).subarray(0, 2).toString(), 'PK');
    const doc = readDocx(path);
    assert.ok(doc.paragraphs.some((p) => p.startsWith('申报单位（盖章）：') && p.includes('北京康颐智能科技有限公司')));
    assert.ok(doc.cells.includes('91110000600037341L'), 'credit code in capitals in its cell');
    assert.ok(doc.paragraphs.includes('第一段<b>不是标签</b> & 😀'), 'markup and emoji shown as text');
    assert.ok(doc.paragraphs.includes('第二段'));
    // Most of the form is empty: the first page says so.
    assert.ok(doc.cells.some((c) => c.startsWith('自查结果') && c.includes('待补充')), 'the 自查结果 box');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const docxRequests = requests.filter((u) => u.includes('/pkg/docx/'));
  assert.ok(docxRequests.some((u) => u.endsWith('yanglao_docx_bg.wasm')), 'the docx module was loaded on click');
  assert.deepEqual(offOrigin(requests, env.site.url), []);
  assert.deepEqual(await getCspViolations(page), []);
  assert.deepEqual(pageErrors.map(String), []);
  await context.close();
});
