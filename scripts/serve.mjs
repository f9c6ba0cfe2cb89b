// A small static file server for build/web, bound to 127.0.0.1 only.
//   node scripts/serve.mjs [FOLDER] [PORT]
// Serves .wasm as application/wasm (browsers refuse streaming compilation otherwise).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.csv': 'text/csv',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

export function serve(folder, port, host = '127.0.0.1') {
  const root = resolve(folder);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      let file = normalize(join(root, path));
      // Compare with the separator, so a sibling folder such as web-secret beside web is not served.
      if (file !== root && !file.startsWith(root + sep)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2] || 'build/web';
  const port = Number(process.argv[3] || process.env.PORT || 8080);
  serve(folder, port).then(
    () => console.log(`LikeCast is served at http://127.0.0.1:${port}/ (Ctrl+C stops it)`),
    (error) => {
      console.error(`error: cannot serve on 127.0.0.1:${port}: ${error.message}; set PORT to a free port`);
      process.exit(1);
    });
}
