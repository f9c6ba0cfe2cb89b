// The files of the built web folder (build/web) that a static host serves and
// the service worker caches. The build step here writes them into sw.js with a
// version hashed from their contents, so each build gets its own cache.
//   node scripts/web-files.mjs list                        the files to publish, one a line (sw.js last)
//   node scripts/web-files.mjs stamp SW_TEMPLATE WEB_DIR    writes WEB_DIR/sw.js from the template
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Everything the page, the embedded widget and the API example load. The browser tests fail when the page
// requests a file missing here, because the page would then break offline.
export const cachedFiles = [
  'index.html', 'index.js', 'index.wasm', 'page.js', 'page.css', 'likecast.json', 'csv-worker.js', 'csv-worker.wasm',
  'offline.js', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png',
  'embed.js', 'embed-host.html', 'demo.css',
  'likecast-api.mjs', 'likecast-api.wasm', 'api-example.html', 'api-example.js',
];
export const publishedFiles = [...cachedFiles, 'sw.js'];

// A hash of every cached file's name and bytes: any change to any of them gives a new version.
export function buildVersion(webDir) {
  const hash = createHash('sha256');
  for (const name of cachedFiles) {
    hash.update(name + '\0');
    hash.update(readFileSync(join(webDir, name)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

// Replaces the template's `const kVersion = ...;` and `const kCachedFiles = [...];` lines.
export function stampServiceWorker(template, webDir) {
  const missing = cachedFiles.filter((name) => !existsSync(join(webDir, name)));
  if (missing.length > 0) {
    throw new Error(`${webDir} lacks ${missing.join(', ')}: build the app, the API and the web files first`);
  }
  const versionLine = /^const kVersion = .*;$/m;
  const filesLine = /^const kCachedFiles = .*;$/m;
  if (!versionLine.test(template) || !filesLine.test(template)) {
    throw new Error('the service worker template lacks its "const kVersion = ...;" or "const kCachedFiles = [...];" line');
  }
  return template
    .replace(versionLine, `const kVersion = '${buildVersion(webDir)}';`)
    .replace(filesLine, `const kCachedFiles = ${JSON.stringify(cachedFiles)};`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'list') {
    console.log(publishedFiles.join('\n'));
  } else if (command === 'stamp' && args.length === 2) {
    const [templatePath, webDir] = args;
    try {
      const text = stampServiceWorker(readFileSync(templatePath, 'utf8'), webDir);
      const out = join(webDir, 'sw.js');
      // Rewriting an unchanged file would only bump its time stamp.
      if (!existsSync(out) || readFileSync(out, 'utf8') !== text) writeFileSync(out, text);
    } catch (error) {
      console.error(`error: cannot write the service worker: ${error.message}`);
      process.exit(1);
    }
  } else {
    console.error('usage: node scripts/web-files.mjs list | stamp SW_TEMPLATE WEB_DIR');
    process.exit(2);
  }
}
