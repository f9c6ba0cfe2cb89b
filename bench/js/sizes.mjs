// Download sizes of the page: raw, gzip (level 9) and brotli (quality 11) of
// every file the page fetched on load (from bench/js/page.mjs's output) and of
// its other files in the build (manifest, service worker). Also sizes the
// service worker's cache list and the font subsets that the wasm embeds.
//   node bench/js/sizes.mjs WEB_DIR FONT_DIR PAGE.json OUT.json
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Page files reported whenever the build has them, fetched on load or not (a service worker fetches them later).
const kPageFiles = ['index.html', 'index.js', 'index.wasm', 'likecast.json', 'page.js', 'page.css',
  'manifest.webmanifest', 'manifest.json', 'sw.js', 'service-worker.js', 'offline.js'];

function sizesOf(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

function main() {
  const [webDir, fontDir, pagePath, out] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node bench/js/sizes.mjs WEB_DIR FONT_DIR PAGE.json OUT.json');
    process.exit(2);
  }
  const page = existsSync(pagePath) ? JSON.parse(readFileSync(pagePath, 'utf8')) : { resources: [] };
  const requested = new Set(page.resources.map((entry) => (entry.name.split('?')[0] || 'index.html')));

  const names = [...new Set([...requested, ...kPageFiles])].filter((name) => {
    const path = join(webDir, name);
    return existsSync(path) && statSync(path).isFile();
  });
  const files = names.map((name) => ({ name, fetched_on_load: requested.has(name), ...sizesOf(join(webDir, name)) }));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) for (const key of Object.keys(total)) total[key] += file[key];

  // The service worker's install step fetches its whole file list again, bypassing the HTTP cache.
  const worker = existsSync(join(webDir, 'sw.js')) ? readFileSync(join(webDir, 'sw.js'), 'utf8') : '';
  const listed = /const kCachedFiles = (\[[^\]]*\]);/.exec(worker);
  const precacheFiles = listed ? JSON.parse(listed[1]).filter((name) => existsSync(join(webDir, name))) : [];
  const precache = { files: precacheFiles, raw: 0, gzip: 0, brotli: 0 };
  for (const name of precacheFiles) {
    const sizes = sizesOf(join(webDir, name));
    for (const key of ['raw', 'gzip', 'brotli']) precache[key] += sizes[key];
  }

  const fonts = readdirSync(fontDir).filter((name) => name.endsWith('.subset.otf'))
    .map((name) => ({ name, ...sizesOf(join(fontDir, name)) }));
  writeFileSync(out, JSON.stringify({ files, total, service_worker_precache: precache, fonts }, null, 1));
}

main();
