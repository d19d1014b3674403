// 导出 Word（.docx）: the 申报书 as a Word file, made in the browser.
//
// Shipped beside the docx module (pkg/docx/): `scripts/build.sh` copies this file there.
// Importing it costs a few hundred bytes; the Word generator's own wasm module (yanglao_docx)
// is fetched only on the first export, so the checker module every applicant loads does not
// grow. Nothing leaves the browser: the file is made here and saved through an object URL,
// which works under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'`.
//
//   import { attachDocxButton } from './pkg/docx/export.js';
//   attachDocxButton(button, { edition, category, values: () => handle.values() });

const GLUE = new URL('./yanglao_docx.js', import.meta.url);
const WASM = new URL('./yanglao_docx_bg.wasm', import.meta.url);

let loading = null;

/** The docx module, loaded once, on first use. */
function docxModule() {
  loading ??= import(GLUE.href).then(async (glue) => {
    await glue.default({ module_or_path: WASM });
    return glue;
  });
  // A failed load (network, an old browser) is retried on the next click, not cached.
  loading.catch(() => { loading = null; });
  return loading;
}

/** Today as the page's clock says (the rules engine never reads a clock). */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The .docx for these values: `{ blob, fileName }`. Throws an Error for an unknown edition or
 * category, or when the module cannot be loaded; values with errors still give a file, whose
 * first page carries the 自查结果 box.
 */
export async function makeDocx({ edition, category, values }) {
  const glue = await docxModule();
  const bytes = glue.shenbaoshu(edition, category, values ?? {}, { today: today() });
  const fileName = glue.fileName(edition, category, values ?? {});
  const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  return { blob, fileName };
}

/** Saves a Blob under a name, through an object URL (no request leaves the page). */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is no longer needed.
  queueMicrotask(() => URL.revokeObjectURL(url));
}

/**
 * One export from `button`'s form: makes the file, saves it, and says what happened in the
 * `role="status"` element with `data-yc-docx-status` in the same form (or `status`).
 * `values` is a function returning the form's values (`() => handle.values()`).
 */
export async function exportDocx(button, { edition, category, values, status } = {}) {
  const form = button.form ?? button.closest('form');
  const statusEl = status ?? form?.querySelector('[data-yc-docx-status]') ?? null;
  const say = (text) => { if (statusEl) statusEl.textContent = text; };
  if (button.getAttribute('aria-busy') === 'true') return;
  button.setAttribute('aria-busy', 'true');
  say('正在生成 Word 文件…');
  try {
    const { blob, fileName } = await makeDocx({ edition, category, values: values?.() ?? {} });
    saveBlob(blob, fileName);
    say(`已生成“${fileName}”（${Math.max(1, Math.round(blob.size / 1024))} KB）。如有未改正的问题，文件首页列有自查结果。`);
  } catch (err) {
    console.warn('yanglao-docx: export failed', err);
    say(`未能生成 Word 文件：${err?.message ?? err}`);
  } finally {
    button.removeAttribute('aria-busy');
  }
}

/** Makes `button` export its form on every click (see `exportDocx`); returns a function
 *  that removes the listener. */
export function attachDocxButton(button, options = {}) {
  const onClick = (event) => {
    event.preventDefault();
    exportDocx(button, options);
  };
  button.addEventListener('click', onClick);
  return () => button.removeEventListener('click', onClick);
}
