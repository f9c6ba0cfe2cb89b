// Shared pieces of the browser tests: Debian's chromium driven by
// playwright-core, the static server, a request log that fails any request
// off 127.0.0.1, and small checks with a pass/fail count.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifacts = join(root, 'tests', 'browser', 'artifacts');
mkdirSync(artifacts, { recursive: true });

// The flags Chromium needs as root in a sandboxed, offline machine; swiftshader renders WebGL2 without a GPU.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function startBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

// Serves `folder`, by default LIKECAST_WEB_DIR or else build/web.
export async function startServer(folder = process.env.LIKECAST_WEB_DIR || join(root, 'build', 'web')) {
  const server = await serve(folder, 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// Records every request of a page; foreign() lists those that left 127.0.0.1.
export function recordRequests(page) {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  return {
    all: requests,
    foreign: () => requests.filter((url) => !/^(http:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(url)),
  };
}

export class Results {
  constructor() { this.passed = 0; this.failed = 0; }
  check(name, condition, detail = '') {
    if (condition) {
      this.passed += 1;
      console.log(`  ok    ${name}`);
    } else {
      this.failed += 1;
      console.log(`  FAIL  ${name}${detail ? ': ' + detail : ''}`);
    }
  }
}

// Waits until the aria-live mirror starts with a prediction and returns its first number.
export async function predictedLikes(page, timeout = 20000) {
  await page.waitForFunction(() => /^Predicted likes: \d+/.test(document.getElementById('likecast-live')?.textContent || ''),
    null, { timeout });
  const text = await page.textContent('#likecast-live');
  return Number(text.match(/\d+/)[0]);
}

// The number of distinct colours in a screenshot of the canvas's top-left 200x200 pixels: more than a
// few when the page drew. A screenshot, not a read of the canvas: the app draws only when something
// changes, and WebGL clears its drawing buffer after each frame is shown.
export async function canvasIsDrawn(page) {
  const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 200, height: 200 } });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const copy = document.createElement('canvas');
    copy.width = image.width;
    copy.height = image.height;
    const context = copy.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
    const colours = new Set();
    for (let i = 0; i < pixels.length; i += 4) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    return colours.size;
  }, shot.toString('base64'));
}
