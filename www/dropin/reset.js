import init, { attach } from '../pkg/yanglao_check.js';

await init({ module_or_path: new URL('../pkg/yanglao_check_bg.wasm', import.meta.url) });
window.__ycHandle = attach(document.getElementById('f'), { edition: 'national-2023', category: 'enterprise' });
window.__ycReady = performance.now();
