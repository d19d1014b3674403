// The docx module by itself, in Node (no browser): what a page may pass it, including what a
// JS string can hold and Rust cannot (lone surrogates), and what it refuses with an Error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PKG = new URL('../../www/pkg/docx/', import.meta.url);
const glue = await import(new URL('yanglao_docx.js', PKG).href);
glue.initSync({ module: readFileSync(new URL('yanglao_docx_bg.wasm', PKG)) });

/** python-docx's reading of the file: every paragraph's and cell's text. */
function read(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'yc-docx-'));
  try {
    const path = join(dir, 'f.docx');
    writeFileSync(path, bytes);
    const script = 'import docx,json,sys\nd=docx.Document(sys.argv[1])\nprint(json.dumps([p.text for p in d.paragraphs]+[c.text for t in d.tables for r in t.rows for c in r.cells],ensure_ascii=False))';
    return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })).join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('lone surrogates, controls, markup and a 50 000-字 part give a valid file that shows text as text', () => {
  const long = '智慧健康养老'.repeat(8400); // 50 400 字, one paragraph
  const values = {
    applicant: 'A\uD800B\uDFFFC<w:t>&lt;</w:t>\u0000\u0007D😀',
    uscc: '91110000600037341l',
    part2_1: long,
    cases: ['<script>alert(1)</script>', '\uDBFF'],
    scenarios: ['family_health', '不是选项'],
    commitment: true,
    staff: 12,
  };
  const bytes = glue.shenbaoshu('national-2023', 'enterprise', values, { today: '2023-06-01' });
  assert.ok(bytes instanceof Uint8Array && bytes[0] === 0x50 && bytes[1] === 0x4b);
  const text = read(bytes);
  assert.ok(text.includes('A\uFFFDB\uFFFDC<w:t>&lt;</w:t>D😀'), 'surrogates as U+FFFD, controls dropped, markup as text');
  assert.ok(text.includes('91110000600037341L'));
  assert.ok(text.includes(long));
  assert.ok(text.includes('<script>alert(1)</script>'));
  assert.ok(text.includes('☑家庭健康管理') && text.includes('（另填：不是选项）'), 'what is no option is shown as typed');
  assert.ok(text.includes('自查结果'));
});

test('misuse throws an Error with a Chinese message; odd values never throw', () => {
  assert.throws(() => glue.shenbaoshu('national-2099', 'enterprise', {}, {}), /未知的版本/);
  assert.throws(() => glue.shenbaoshu('national-2023', 'farm', {}, {}), /没有类别/);
  for (const bad of [null, undefined, 42, 'text', []]) {
    assert.throws(() => glue.shenbaoshu('national-2023', 'enterprise', bad, {}), /values 应为对象/);
  }
  const odd = { applicant: { toString: () => 'x' }, uscc: [1, 2], unknown_field: 'ignored', founded: NaN, staff: -0 };
  for (const options of [undefined, null, 5, { today: 'not a date' }, { today: 20230601 }]) {
    const bytes = glue.shenbaoshu('national-2023', 'enterprise', odd, options);
    assert.ok(bytes.length > 1000);
  }
  assert.equal(glue.fileName('national-2023', 'park', { applicant: 'a/b:c*?' }), '智慧健康养老应用试点示范申报书（园区类）-a_b_c__.docx');
});
