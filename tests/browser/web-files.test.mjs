// Checks of the built web folder without a browser. Every page's Content-Security-Policy allows only the
// page's own origin, and no page has inline scripts or styles. No script uses eval or new Function. The
// manifest's icons exist at their sizes, and sw.js is stamped with the version of the files beside it.
// The web folder comes from LIKECAST_WEB_DIR (default build/web).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildVersion, cachedFiles } from '../../scripts/web-files.mjs';
import { Results, root } from './harness.mjs';

const webDir = process.env.LIKECAST_WEB_DIR || join(root, 'build', 'web');
const read = (name) => readFileSync(join(webDir, name), 'utf8');

// Sources a directive may list: nothing that names another host or allows inline code.
const kAllowedSources = new Set(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:', 'blob:']);

const results = new Results();
const missing = cachedFiles.filter((name) => !existsSync(join(webDir, name)));
results.check('every cached file is built', missing.length === 0, missing.join(', '));

for (const name of cachedFiles.filter((file) => file.endsWith('.html') && existsSync(join(webDir, file)))) {
  const html = read(name);
  const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i);
  results.check(`${name}: has a Content-Security-Policy`, !!meta);
  const directives = (meta ? meta[1] : '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]);
  const policy = Object.fromEntries(directives.map(([directive, ...sources]) => [directive, sources]));
  results.check(`${name}: default-src is 'self'`, JSON.stringify(policy['default-src']) === JSON.stringify(["'self'"]),
    JSON.stringify(policy['default-src']));
  const extra = directives.flatMap(([directive, ...sources]) => sources.filter((s) => !kAllowedSources.has(s)).map((s) => `${directive} ${s}`));
  results.check(`${name}: policy allows no other source`, extra.length === 0, extra.join(', '));
  results.check(`${name}: object-src is 'none'`, JSON.stringify(policy['object-src']) === JSON.stringify(["'none'"]));

  const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attributes, body]) =>
    !/\bsrc=/.test(attributes) || body.trim() !== '');
  results.check(`${name}: no inline scripts`, inlineScripts.length === 0, inlineScripts.map((m) => m[0].slice(0, 80)).join(' | '));
  const handlers = html.match(/\son[a-z]+\s*=/gi) || [];
  results.check(`${name}: no inline event handlers`, handlers.length === 0, handlers.join(', '));
  const styles = html.match(/<style\b|\sstyle\s*=/gi) || [];
  results.check(`${name}: no inline styles`, styles.length === 0, styles.join(', '));
}

// The page links the manifest and registers the service worker; without them it cannot be installed or work offline.
const index = existsSync(join(webDir, 'index.html')) ? read('index.html') : '';
results.check('index.html links the manifest', /<link rel="manifest" href="manifest.webmanifest">/.test(index));
results.check('index.html loads offline.js', /<script src="offline.js"( defer)?><\/script>/.test(index));

// Emscripten emits eval and new Function unless built with -sDYNAMIC_EXECUTION=0.
const kDynamicCode = /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/;
for (const name of [...cachedFiles, 'sw.js'].filter((file) => /\.m?js$/.test(file) && existsSync(join(webDir, file)))) {
  const match = read(name).match(kDynamicCode);
  results.check(`${name}: no eval or new Function`, !match, match ? match[0] : '');
}

// The manifest's icons exist, with the sizes it declares.
const manifest = JSON.parse(read('manifest.webmanifest'));
results.check('manifest starts at a cached page', cachedFiles.includes(manifest.start_url.replace(/^\.\//, '')), manifest.start_url);
for (const icon of manifest.icons) {
  const path = join(webDir, icon.src);
  if (!existsSync(path)) {
    results.check(`icon ${icon.src}: exists`, false);
    continue;
  }
  if (icon.type === 'image/png') {
    const bytes = readFileSync(path);
    const size = `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
    results.check(`icon ${icon.src}: is a ${icon.sizes} PNG`, bytes.toString('latin1', 1, 4) === 'PNG' && size === icon.sizes, size);
  } else {
    results.check(`icon ${icon.src}: is an SVG`, readFileSync(path, 'utf8').startsWith('<svg'));
  }
}

// sw.js carries the version of exactly these files, so it was stamped after the last file was built.
const worker = read('sw.js');
const version = worker.match(/^const kVersion = '([0-9a-f]+)';$/m);
const expectedVersion = missing.length === 0 ? buildVersion(webDir) : 'none';
results.check('sw.js has the version of the built files', !!version && version[1] === expectedVersion,
  `sw.js has ${version ? version[1] : 'no version'}, the files hash to ${expectedVersion}`);
const list = worker.match(/^const kCachedFiles = (.*);$/m);
results.check('sw.js caches every file', !!list && list[1] === JSON.stringify(cachedFiles), list ? list[1].slice(0, 80) : 'no list');

console.log(`web-files: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
