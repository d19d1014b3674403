// Smoke test: the static server and the browser harness work, and the home page loads
// from its own origin only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { launchBrowser, openPage, offOrigin, startSite } from './harness.mjs';

/** Raw GET that keeps the path exactly as written (fetch would normalise "..").*/
function rawGet(url, rawPath) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('static server: MIME types, index.html, 404, no path traversal, extra headers', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
  const root = path.join(dir, 'www');
  fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside root');
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  fs.writeFileSync(path.join(root, 'a.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(root, 'a.js'), 'export {};');
  fs.writeFileSync(path.join(root, 'a.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'a.json'), '{}');
  fs.writeFileSync(path.join(root, 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

  const site = await startServer({ root, port: 0, headers: { 'Content-Security-Policy': "default-src 'self'" } });
  try {
    const types = {
      '/': 'text/html',
      '/a.wasm': 'application/wasm',
      '/a.js': 'text/javascript',
      '/a.css': 'text/css',
      '/a.json': 'application/json',
      '/a.svg': 'image/svg+xml',
      '/sub/': 'text/html',
    };
    for (const [p, type] of Object.entries(types)) {
      const res = await fetch(new URL(p, site.url));
      assert.equal(res.status, 200, p);
      assert.equal(res.headers.get('content-type').split(';')[0], type, p);
      assert.equal(res.headers.get('content-security-policy'), "default-src 'self'", p);
      await res.arrayBuffer();
    }
    const wasm = await fetch(new URL('/a.wasm', site.url));
    assert.deepEqual(new Uint8Array(await wasm.arrayBuffer()), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));

    const redirect = await fetch(new URL('/sub', site.url), { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/sub/');

    const missing = await fetch(new URL('/nope.html', site.url));
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /404/);

    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/sub/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/a%00.js', '/%E0%A4%A']) {
      const res = await rawGet(site.url, p);
      assert.notEqual(res.status, 200, `${p} must not be served`);
      assert.doesNotMatch(res.body, /outside root/, p);
    }
  } finally {
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('home page loads with status 200 and makes no request off its origin', async (t) => {
  let site;
  let browser;
  t.after(async () => {
    await browser?.close();
    await site?.close();
  });
  site = await startSite();
  browser = await launchBrowser();
  const { response, requests, pageErrors } = await openPage(browser, site.url);
  assert.equal(response.status(), 200);
  assert.ok(requests.length >= 1, 'the page request was recorded');
  assert.deepEqual(offOrigin(requests, site.url), [], 'requests must stay on the site origin');
  assert.deepEqual(pageErrors.map(String), []);
});
