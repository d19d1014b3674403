// A page that sends its form with fetch. Its own submit listener is registered before the
// checker is attached: the checker still stops a submit with errors before it runs.
import init, { attach } from '../pkg/yanglao_check.js';

const form = document.getElementById('apply');
const result = document.getElementById('result');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  result.textContent = '正在提交…';
  const response = await fetch('/dropin/api/apply', { method: 'POST', body: new URLSearchParams(new FormData(form)) });
  result.textContent = response.ok ? '提交成功，受理编号：' + (await response.text()) : '提交失败，请稍后重试';
});
form.addEventListener('yc:invalid', () => {
  result.textContent = '';
});

await init({ module_or_path: new URL('../pkg/yanglao_check_bg.wasm', import.meta.url) });
window.__ycHandle = attach(form, { edition: 'national-2023', category: 'enterprise' });
window.__ycReady = performance.now();
