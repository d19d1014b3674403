// A dependency-free static file server for www/ (node:http + node:fs only).
//
//   node scripts/serve.mjs                 # serves www/ on http://127.0.0.1:8080/
//   PORT=0 HOST=0.0.0.0 node scripts/serve.mjs
//
// Tests start it in-process:
//   import { startServer } from '../../scripts/serve.mjs';
//   const site = await startServer({ root: 'www', port: 0, headers: { 'Content-Security-Policy': "default-src 'self'" } });
//   ... fetch(site.url) ...
//   await site.close();

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>404 未找到 Not found</title></head>
<body><h1>404</h1><p>页面不存在。 The page was not found.</p><p><a href="/">返回首页 Home</a></p></body></html>
`;

/** Resolve a request path to a file under root, or null when it would escape root. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed %-escape
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const target = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  return target;
}

function send(res, status, headers, body, method) {
  res.writeHead(status, headers);
  res.end(method === 'HEAD' ? undefined : body);
}

/**
 * Start the static server.
 * @param {{ root?: string, port?: number, host?: string, headers?: Record<string,string> }} [options]
 *   root: directory to serve (default www/ next to scripts/); port 0 picks a free port;
 *   headers: extra response headers for every response (e.g. a Content-Security-Policy).
 * @returns {Promise<{ url: string, port: number, server: http.Server, close: () => Promise<void> }>}
 */
/**
 * `offer`: the precompressed encodings this server sends, brotli first (a benchmark plays a
 * department's server that has only gzip, or none, with ['gzip'] or []).
 */
export async function startServer({ root, port = 0, host = '127.0.0.1', headers = {}, offer = ['br', 'gzip'] } = {}) {
  const rootDir = fs.realpathSync(path.resolve(root ?? fileURLToPath(new URL('../www', import.meta.url))));
  const extra = { ...headers };

  const server = http.createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const base = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...extra };
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, 405, { ...base, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed\n', method);
      return;
    }
    const notFound = () =>
      send(res, 404, { ...base, 'Content-Type': 'text/html; charset=utf-8' }, NOT_FOUND_PAGE, method);

    // Take the path as sent (no URL parsing: "//x/y" must stay a path, not a host).
    const raw = (req.url ?? '/').split('#')[0];
    const q = raw.indexOf('?');
    const urlPath = q >= 0 ? raw.slice(0, q) : raw;
    const search = q >= 0 ? raw.slice(q) : '';
    if (!urlPath.startsWith('/')) return notFound();
    // Reject any ".." segment outright, raw or %-encoded, before resolving.
    if (/(^|[\/\\])\.\.([\/\\]|$)/.test(safeDecode(urlPath) ?? '..')) return notFound();
    let file = resolveInside(rootDir, urlPath);
    if (!file) return notFound();

    try {
      let stat = await fs.promises.stat(file);
      if (stat.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          // Redirect so that relative URLs (./pkg/...) resolve inside the directory.
          const location = '/' + urlPath.replace(/^\/+/, '') + '/' + search; // never '//host'
          send(res, 301, { ...base, Location: location, 'Content-Type': 'text/plain; charset=utf-8' }, `Moved to ${location}\n`, method);
          return;
        }
        file = path.join(file, 'index.html');
        stat = await fs.promises.stat(file);
      }
      if (!stat.isFile()) return notFound();
      // Symlinks must not lead outside root either.
      const real = await fs.promises.realpath(file);
      if (real !== rootDir && !real.startsWith(rootDir + path.sep)) return notFound();

      // A precompressed copy beside the file (scripts/compress.mjs) is sent when the browser
      // accepts it, as nginx's brotli_static/gzip_static do.
      const sent = await precompressed(real, req.headers['accept-encoding'] ?? '', offer);
      const headers = { ...base, 'Content-Type': mimeType(file), 'Content-Length': sent ? sent.size : stat.size };
      if (sent) Object.assign(headers, { 'Content-Encoding': sent.encoding, Vary: 'Accept-Encoding' });
      res.writeHead(200, headers);
      if (method === 'HEAD') return res.end();
      fs.createReadStream(sent ? sent.file : real)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      notFound();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}/`,
    port: actualPort,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.(); // browsers keep connections alive
      }),
  };
}

/** The `.br` or `.gz` beside `file` that the request accepts (brotli first), if there is one. */
async function precompressed(file, acceptEncoding, offer) {
  const accepts = (name) => new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[0-9.]+)?\\s*(,|$)`, 'i').test(acceptEncoding);
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!offer.includes(encoding) || !accepts(encoding)) continue;
    try {
      const stat = await fs.promises.stat(file + suffix);
      if (stat.isFile()) return { file: file + suffix, size: stat.size, encoding };
    } catch {
      // no such copy: try the next encoding, else send the file as it is
    }
  }
  return null;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

// Run directly: node scripts/serve.mjs
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const port = Number.parseInt(process.env.PORT ?? '8080', 10);
  const host = process.env.HOST ?? '127.0.0.1';
  const root = process.env.ROOT ?? fileURLToPath(new URL('../www', import.meta.url));
  const site = await startServer({ root, port, host });
  console.log(`Serving ${path.relative(process.cwd(), root) || '.'} at ${site.url}  (Ctrl+C to stop)`);
  const stop = async () => {
    await site.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
