// The few lines a department adds to a page it already has: load the checker, attach it.
// (The two window.__yc* assignments are only for this project's tests.)
import init, { attach } from './pkg/yanglao_check.js';

await init({ module_or_path: new URL('./pkg/yanglao_check_bg.wasm', import.meta.url) });
window.__ycHandle = attach(document.getElementById('sbForm'), { edition: 'national-2023', category: 'enterprise' });
window.__ycReady = performance.now();
