// Writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) beside each file named, and checks
// the shipped module against the size budget.
//
//   node scripts/compress.mjs www/pkg/yanglao_check_bg.wasm www/pkg/yanglao_check.js ...
//   node scripts/compress.mjs --budget www/pkg     # fail when the module is over the budget
//
// Departments' servers send the precompressed files themselves (nginx gzip_static /
// brotli_static, IIS static compression: see README), and scripts/serve.mjs does the same, so a
// slow line carries the compressed bytes without any server CPU. Bytes are deterministic, so
// the budget is a check, not a timing.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The one place the shipped checker's size budget is written: wasm + glue, brotli 11, bytes. */
export const BROTLI_BUDGET = { files: ['yanglao_check_bg.wasm', 'yanglao_check.js'], bytes: 180_000 };

export function brotli(buffer) {
  return zlib.brotliCompressSync(buffer, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  });
}

export function gzip(buffer) {
  return zlib.gzipSync(buffer, { level: 9 });
}

function compressBeside(file) {
  const raw = fs.readFileSync(file);
  const br = brotli(raw);
  const gz = gzip(raw);
  fs.writeFileSync(file + '.br', br);
  fs.writeFileSync(file + '.gz', gz);
  return { raw: raw.length, br: br.length, gz: gz.length };
}

function checkBudget(dir) {
  let total = 0;
  for (const name of BROTLI_BUDGET.files) {
    const file = path.join(dir, name);
    const br = fs.existsSync(file + '.br') ? fs.statSync(file + '.br').size : brotli(fs.readFileSync(file)).length;
    console.log(`[size] ${name}: ${br} B brotli`);
    total += br;
  }
  const verdict = total <= BROTLI_BUDGET.bytes ? 'within' : 'OVER';
  console.log(`[size] checker (wasm + glue): ${total} B brotli, ${verdict} the budget of ${BROTLI_BUDGET.bytes} B (scripts/compress.mjs)`);
  return total <= BROTLI_BUDGET.bytes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  if (args[0] === '--budget') {
    process.exit(checkBudget(args[1] ?? 'www/pkg') ? 0 : 1);
  }
  for (const file of args) {
    const s = compressBeside(file);
    console.log(`[compress] ${file}: ${s.raw} B raw, ${s.gz} B gzip -9, ${s.br} B brotli 11`);
  }
}
