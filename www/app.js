// The site's only script: loads the checker and enhances every form that names its edition
// and category (<form data-edition="…" data-category="…">), plus the few things the static
// pages need (打印自查报告, 增加一项, the print date).
//
// An ES module with no dependencies, no eval and no inline code: it runs under
// `script-src 'self' 'wasm-unsafe-eval'`. Paths are relative to this file (import.meta.url),
// so it works from www/index.html and from www/forms/*.html alike, under any base path.
//
// The checker's glue is imported dynamically rather than with a static `import`: if pkg/ is
// missing or the browser can't run it, the rest of this file (printing, 增加一项) still works
// and the page says that live checks are off.

const GLUE = new URL('./pkg/yanglao_check.js', import.meta.url);
const WASM = new URL('./pkg/yanglao_check_bg.wasm', import.meta.url);

// The Word export's own module (pkg/docx/): imported on the first click of 导出 Word, never before.
const DOCX_EXPORT = new URL('./pkg/docx/export.js', import.meta.url);

const LOAD_FAILED = '在线检查未能加载，表单仍可照常填写和提交。';
const NO_WASM = '在线检查未启用：此浏览器不支持 WebAssembly，表单仍可照常填写和提交。';

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function fillPrintDate() {
  for (const el of document.querySelectorAll('[data-print-date]')) el.textContent = today();
}

/** 典型案例 and other lists: one more textarea with the same name, up to data-max. */
function addItem(button) {
  const name = button.dataset.addFor;
  const form = button.form ?? button.closest('form');
  if (!name || !form) return;
  const all = [...form.querySelectorAll('textarea')].filter((t) => t.name === name);
  const last = all[all.length - 1];
  if (!last) return;
  const max = Number(button.dataset.max ?? Infinity);
  if (all.length >= max) return;
  const n = all.length + 1;
  // A fresh element, not a clone: the binding's aria-invalid and message ids belong to the
  // inputs it has seen, and it finds this one by its name on the next event.
  const item = document.createElement('textarea');
  item.name = name;
  item.id = `f-${name}-${n}`;
  item.rows = last.rows;
  const label = (last.getAttribute('aria-label') ?? '').replace(/\s*第\d+项$/, '');
  item.setAttribute('aria-label', `${label} 第${n}项`);
  const hint = document.getElementById(`hint-${name}`);
  if (hint) item.setAttribute('aria-describedby', hint.id);
  last.after(item);
  if (n >= max) button.hidden = true;
  item.focus();
}

/**
 * The 自查报告's first page: the verdict and every clause that is 不符合 or 待补充, with the
 * sub-conditions that fail, copied from the panel when printing starts.
 */
function fillPrintSummary() {
  const box = document.querySelector('[data-print-summary]');
  const panel = document.querySelector('.yc-panel');
  if (!box) return;
  box.textContent = '';
  if (!panel) return;
  const verdict = panel.querySelector('.yc-verdict');
  const head = document.createElement('p');
  head.className = 'print-verdict';
  head.textContent = `申报条件自查结论：${verdict?.textContent ?? ''}（${panel.querySelector('.yc-panel-counts')?.textContent ?? ''}）`;
  box.append(head);
  const failing = [...panel.querySelectorAll('li.yc-rule.yc-status-notMet, li.yc-rule.yc-status-missing')];
  if (failing.length === 0) return;
  const list = document.createElement('ul');
  list.className = 'print-failing';
  for (const rule of failing) {
    const li = document.createElement('li');
    const status = rule.querySelector('.yc-status')?.textContent ?? '';
    const clause = rule.querySelector('.yc-clause')?.textContent ?? '';
    const parts = [...rule.querySelectorAll('.yc-part.yc-status-notMet .yc-part-text, .yc-part.yc-status-missing .yc-part-text')].map((p) => p.textContent);
    li.textContent = `【${status}】${clause} ${parts.join('；')}`;
    list.append(li);
  }
  box.append(list);
}

function beforePrint() {
  fillPrintDate();
  fillPrintSummary();
}

function wirePage() {
  fillPrintDate();
  window.addEventListener('beforeprint', beforePrint);
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('[data-print]')) {
      window.print();
      return;
    }
    const add = target?.closest('button[data-add-for]');
    if (add) addItem(add);
  });
}

/**
 * This site has no server. A submit that passed every check (the binding stops the others by
 * preventing the default) ends here with a message instead of reloading the page. A
 * department's own page would drop this listener and let the submit go to its backend.
 */
function interceptValidSubmit(form, handle, signal) {
  const status = form.querySelector('.submit-status');
  form.addEventListener('submit', (event) => {
    // Registered after attach(), so the binding's own listener has already run (and
    // prevented the default if the format check failed).
    const blocked = event.defaultPrevented;
    event.preventDefault();
    if (status) status.textContent = submitStatus(blocked, handle.validate());
  }, { signal });
  // A submit with errors never reaches the listener above: the checker stops it first (in the
  // capture phase) and says so with `yc:invalid`, whose detail is the report.
  form.addEventListener('yc:invalid', (event) => {
    if (status) status.textContent = submitStatus(true, event.detail);
  }, { signal });
  form.addEventListener('input', () => {
    if (status?.textContent) status.textContent = '';
  }, { signal });
}

/**
 * 导出 Word（.docx）: the button is hidden in the markup (without the checker there are no
 * values to export) and shown once the form is attached. The click imports the export module,
 * which loads the Word generator's wasm on first use.
 */
function wireDocxExport(form, handle, signal) {
  const button = form.querySelector('button[data-yc-docx]');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const status = form.querySelector('[data-yc-docx-status]');
    try {
      const { exportDocx } = await import(DOCX_EXPORT.href);
      await exportDocx(button, {
        edition: form.dataset.edition,
        category: form.dataset.category,
        values: () => handle.values(),
      });
    } catch (err) {
      console.warn('yanglao-check: Word export unavailable', err);
      if (status) status.textContent = '未能加载 Word 导出模块。';
    }
  }, { signal });
  signal.addEventListener('abort', () => { button.hidden = true; }, { once: true });
}

/**
 * What 提交自查 found, telling both halves: the format check (the binding's) and the
 * eligibility verdict (the panel's). A green "通过" with an ineligible panel beside it would
 * mislead.
 */
function submitStatus(blocked, report) {
  const rules = report?.eligibility?.rules ?? [];
  const notMet = rules.filter((r) => r.status === 'notMet').length;
  const missing = rules.filter((r) => r.status === 'missing').length;
  const errors = (report?.issues ?? []).filter((i) => i.severity === 'error').length;
  const eligibility = notMet + missing === 0
    ? '按申报条件自查：均符合或已承诺'
    : `按申报条件自查：${[notMet && `${notMet} 条不符合`, missing && `${missing} 条待补充`].filter(Boolean).join('，')}`;
  if (blocked || (report && !report.valid)) {
    return `格式检查未通过：${errors} 个问题，见表单上方的列表；${eligibility}。`;
  }
  if (notMet + missing > 0) {
    return `格式检查通过，但${eligibility}（见“申报条件自查”）。`;
  }
  return `格式检查通过，${eligibility}，可打印自查报告。（本站不提交到任何服务器：正式申报请按通知要求报送。）`;
}

function showNotice(text) {
  hideLoading();
  const notice = document.querySelector('.js-off-notice');
  if (!notice) return;
  if (text) notice.textContent = text;
  notice.hidden = false;
}

function hideNotice() {
  const notice = document.querySelector('.js-off-notice');
  if (notice) notice.hidden = true;
}

/** The "正在加载在线检查" line gives its place (and height) to the draft bar. */
function hideLoading() {
  for (const el of document.querySelectorAll('.checks-loading')) el.hidden = true;
}

async function start() {
  wirePage();
  const forms = [...document.querySelectorAll('form[data-edition][data-category]')];
  if (forms.length === 0) return;
  // No WebAssembly (very old browsers, some locked-down ones): say that checks are off.
  if (typeof WebAssembly !== 'object') {
    showNotice(NO_WASM);
    return;
  }
  let attach;
  try {
    const glue = await import(GLUE.href);
    await glue.default({ module_or_path: WASM });
    attach = glue.attach;
  } catch (err) {
    console.warn('yanglao-check: live checks unavailable', err);
    showNotice(LOAD_FAILED);
    return;
  }
  const handles = [];
  for (const form of forms) {
    try {
      const handle = attach(form, {
        edition: form.dataset.edition,
        category: form.dataset.category,
        locale: document.documentElement.lang.startsWith('en') ? 'en' : 'zh-CN',
      });
      const site = new AbortController();
      interceptValidSubmit(form, handle, site.signal);
      wireDocxExport(form, handle, site.signal);
      // The binding's Handle, with detach() also taking away this file's submit listener, so
      // that a detached form is back to plain HTML behaviour.
      handles.push({
        detach() {
          site.abort();
          handle.detach();
        },
        validate: () => handle.validate(),
        values: () => handle.values(),
        handle,
      });
    } catch (err) {
      console.warn('yanglao-check: attach failed', err);
      showNotice(LOAD_FAILED);
      return;
    }
  }
  hideNotice();
  hideLoading();
  // For the tests and the benchmark: the handles (detach(), validate(), values()) and the
  // moment the first live check was on the page (attach() draws the panel synchronously).
  window.__ycHandles = handles;
  window.__ycHandle = handles[0];
  window.__ycReady = performance.now();
}

// Module scripts run after parsing; wait anyway in case this file is loaded differently.
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
