// Loads the checker and enhances every form on the page that names its edition and
// category (data-edition / data-category). No dependencies, no eval, no inline code: it runs
// under `script-src 'self' 'wasm-unsafe-eval'`.
import init, { attach } from './pkg/yanglao_check.js';

const notice = () => document.querySelector('.js-off-notice');

async function start() {
  const forms = document.querySelectorAll('form[data-edition][data-category]');
  if (forms.length === 0) return;
  if (typeof WebAssembly !== 'object') return; // the notice stays: live checks are off
  try {
    await init({ module_or_path: new URL('./pkg/yanglao_check_bg.wasm', import.meta.url) });
  } catch (err) {
    const n = notice();
    if (n) n.textContent = '在线检查未能加载（' + String(err && err.message || err).slice(0, 120) + '），表单仍可照常填写和提交。';
    return;
  }
  const handles = [];
  for (const form of forms) {
    const handle = attach(form, { edition: form.dataset.edition, category: form.dataset.category, locale: document.documentElement.lang === 'en' ? 'en' : 'zh-CN' });
    handles.push(handle);
    wireSiteExtras(form);
  }
  // For tests and the benchmark: the handle, and when the first live check was ready.
  window.__ycHandle = handles[0];
  window.__ycReady = performance.now();
  const n = notice();
  if (n) n.hidden = true;
}

function wireSiteExtras(form) {
  // 典型案例: one more textarea on request.
  form.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-add-for]');
    if (!button) return;
    const name = button.dataset.addFor;
    const all = form.querySelectorAll(`textarea[name="${CSS.escape(name)}"]`);
    const last = all[all.length - 1];
    if (!last) return;
    const copy = last.cloneNode(false);
    copy.value = '';
    copy.id = `f-${name}-${all.length + 1}`;
    copy.setAttribute('aria-label', (last.getAttribute('aria-label') || '').replace(/\d+$/, String(all.length + 1)));
    last.after(copy);
    copy.focus();
  });
  for (const b of document.querySelectorAll('[data-print]')) b.addEventListener('click', () => window.print());
  // This site has no server: a submit that passed every check (the binding stops the others)
  // ends here with a message. A department's page would let it go to its own backend.
  form.addEventListener('submit', (event) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    const status = form.querySelector('.submit-status');
    if (status) status.textContent = '自查通过：没有必须修改的问题。可点击“打印自查报告”保存结果。';
  });
}

start();
