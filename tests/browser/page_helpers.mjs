// Helpers of the page's flow tests: desktop and phone contexts, and the
// app's state through window.likecastTest (page.js). Clicks, taps and touch
// drags land on the widgets the app names in that state. Also the CLI's
// prediction for the same scenario, screenshots, and the closing
// "name: N passed, N failed" line.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Results, artifacts, root, startBrowser, startServer } from './harness.mjs';

export const webDir = process.env.LIKECAST_WEB_DIR || join(root, 'build', 'web');
export const cliPath = process.env.LIKECAST_CLI || join(root, 'build', 'native', 'likecast');
export const casesDir = process.env.LIKECAST_CASES || join(root, '..', 'shared', 'cases');
export const dataPath = process.env.LIKECAST_DATA || join(root, '..', 'shared', 'data', 'tiktok_dataset.csv');

export const devices = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
};

// Starts the server and the browser, runs `body(context)`, then prints the summary and exits.
export async function runFlow(name, body) {
  const results = new Results();
  const { server, url } = await startServer(webDir);
  const browser = await startBrowser();
  try {
    await body({ browser, url, results });
  } catch (error) {
    results.check(`${name} ran to the end`, false, error.stack || String(error));
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${name}: ${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
}

// Opens the page in a new context and waits until the app has drawn with its model loaded.
export async function openPage(browser, url, { device = 'desktop', query = '', colorScheme = 'light', context } = {}) {
  const ownContext = context || await browser.newContext({ ...devices[device], colorScheme, acceptDownloads: true });
  const page = await ownContext.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url + (query ? `?${query}` : ''));
  await waitReady(page);
  return { context: ownContext, page, errors };
}

export async function waitReady(page, timeout = 20000) {
  await page.waitForFunction(() => window.likecastTest && window.likecastTest.ready() &&
    window.likecastTest.state().model.loaded && window.likecastTest.state().frames > 2, null, { timeout });
}

export async function state(page) {
  return page.evaluate(() => window.likecastTest.state());
}

// Polls the state until `test(state)` is true; returns that state, or throws with `what` after `timeout` ms.
export async function until(page, test, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    last = await state(page);
    if (test(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Waits until the page stops drawing (its layout has settled), or `timeout` ms when it keeps drawing
// (while training).
export async function settle(page, timeout = 1500) {
  const deadline = Date.now() + timeout;
  let frames = (await state(page)).frames;
  while (Date.now() < deadline) {
    await page.waitForTimeout(120);
    const now = (await state(page)).frames;
    if (now === frames) return;
    frames = now;
  }
}

// The rectangle of a named widget in the last frame (CSS pixels), or null.
export async function widget(page, name) {
  const s = await state(page);
  return s.widgets[name] || null;
}

async function centerOf(page, name) {
  await settle(page);
  const rect = await widget(page, name);
  if (!rect) throw new Error(`widget ${name} was not drawn`);
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
}

// True when the widget was drawn this frame entirely inside the viewport and its window.
async function onScreen(page, name) {
  await settle(page);
  const rect = await widget(page, name);
  const viewport = page.viewportSize();
  return rect && rect.visible && rect.y >= 0 && rect.y + rect.h <= viewport.height;
}

export async function click(page, name) {
  if (!(await onScreen(page, name)) && (await widget(page, 'pane:tab-content'))) await scrollTo(page, name, 'pane:tab-content');
  const point = await centerOf(page, name);
  await page.mouse.click(point.x, point.y);
  await page.waitForTimeout(80);
}

export async function tap(page, name) {
  if (!(await onScreen(page, name))) await scrollTo(page, name, null, true);
  const point = await centerOf(page, name);
  await page.touchscreen.tap(point.x, point.y);
  await page.waitForTimeout(120);
}

// A finger drag from one point to another, through the DevTools protocol (Playwright has no touch drag).
export async function touchDrag(page, from, to, steps = 10) {
  await settle(page);
  const cdp = await page.context().newCDPSession(page);
  // The start and the first move go out together: a busy page acknowledges each event late, and a
  // finger that rests half a second before moving is a long press, not a drag.
  const first = { x: from.x + (to.x - from.x) / steps, y: from.y + (to.y - from.y) / steps };
  await Promise.all([
    cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] }),
    cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [first] }),
  ]);
  for (let i = 2; i <= steps; i += 1) {
    const x = from.x + (to.x - from.x) * i / steps;
    const y = from.y + (to.y - from.y) * i / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    await page.waitForTimeout(20);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.waitForTimeout(150);
}

// Scrolls until widget `name` is fully inside widget `area` (or the viewport): with the mouse wheel over
// `area`, or with finger drags when `touch` is set.
export async function scrollTo(page, name, area, touch = false) {
  for (let i = 0; i < 40; i += 1) {
    await settle(page);
    const rect = await widget(page, name);
    const viewport = page.viewportSize();
    const box = (area && await widget(page, area)) || { x: 0, y: 0, w: viewport.width, h: viewport.height };
    const top = Math.max(0, box.y), bottom = Math.min(viewport.height, box.y + box.h);
    if (rect && rect.visible && rect.y >= top && rect.y + rect.h <= bottom) return rect;
    const below = !rect || rect.y + rect.h > bottom;
    if (touch) {
      const x = viewport.width / 2, middle = viewport.height / 2;
      await touchDrag(page, { x, y: middle + (below ? 150 : -150) }, { x, y: middle - (below ? 150 : -150) }, 6);
      await page.waitForTimeout(400);   // the scroll glides on for a moment
      continue;
    }
    await page.mouse.move(box.x + box.w / 2, box.y + Math.min(box.h / 2, 200));
    await page.mouse.wheel(0, below ? 200 : -200);
    await page.waitForTimeout(60);
  }
  throw new Error(`could not scroll ${name} into view`);
}

// Types a chat message into the page's HTML chat input and waits for the reply.
export async function sendChat(page, text) {
  const before = (await state(page)).log.length;
  await page.focus('#likecast-chat-input');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  return until(page, (s) => s.log.length >= before + 2, `a reply to "${text}"`);
}

// The CLI's integer prediction for the slots in the page's state, with the page's own model file.
export function cliLikes(slots) {
  const args = ['predict', '--model', join(webDir, 'likecast.json'), '--views', String(slots.views), '--json'];
  for (const [slot, flag] of [['shares', '--shares'], ['comments', '--comments'], ['downloads', '--downloads'],
    ['duration_sec', '--duration']]) {
    if (slots[slot] !== undefined) args.push(flag, String(slots[slot]));
  }
  if (slots.verified === 1) args.push('--verified');
  if (slots.author_status !== undefined) args.push('--status', ['active', 'under_review', 'banned'][slots.author_status]);
  return JSON.parse(execFileSync(cliPath, args, { encoding: 'utf8' })).likes;
}

// The first number of the aria-live mirror.
export async function liveLikes(page) {
  const text = await page.textContent('#likecast-live');
  const match = /^Predicted likes: (\d+)\./.exec(text || '');
  return match ? Number(match[1]) : null;
}

export async function shoot(page, name) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

export { Results, artifacts, root, startBrowser };
