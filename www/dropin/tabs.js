// A tab script as such systems have it: tabs and panels matched by index, and a button that
// checks the form, then posts it. The checker is loaded as the README says.
import init, { attach } from '../pkg/yanglao_check.js';

const form = document.getElementById('applyForm');
const titles = () => document.querySelectorAll('.tab-title li');
const panels = () => document.querySelectorAll('.tab-content > div');
let current = 0;
function show(i) {
  current = i;
  titles().forEach((li, j) => li.classList.toggle('on', j === i));
  panels().forEach((div, j) => div.classList.toggle('hide', j !== i));
}
titles().forEach((li, i) => li.addEventListener('click', () => show(i)));
document.getElementById('btnPrev').addEventListener('click', () => show(Math.max(0, current - 1)));
document.getElementById('btnNext').addEventListener('click', () => show(Math.min(panels().length - 1, current + 1)));
// A summary link to a field on another tab: open that tab first (capture: before the checker
// moves focus to the field).
document.addEventListener('click', (e) => {
  const a = e.target.closest('.yc-summary a[href^="#"]');
  const target = a && document.getElementById(a.getAttribute('href').slice(1));
  const panel = target && target.closest('.tab-content > div');
  if (panel) show([...panels()].indexOf(panel));
}, true);

await init({ module_or_path: new URL('../pkg/yanglao_check_bg.wasm', import.meta.url) });
const handle = attach(form, { edition: 'national-2023', category: 'enterprise' });
document.getElementById('btnSave').addEventListener('click', () => {
  const report = handle.validate();
  if (report && report.valid) {
    handle.clearDraft();
    form.submit();
  }
});
window.__ycHandle = handle;
window.__ycReady = performance.now();
