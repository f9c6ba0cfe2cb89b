// Browser tests of the embedded widget: embed-host.html contains two widgets with the documented snippet.
// Each predicts the CLI's likes for the scenario in its URL and reports its height with postMessage, and
// embed.js sizes its frame to that height. The web folder comes from LIKECAST_WEB_DIR (default build/web).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Results, artifacts, predictedLikes, recordRequests, root, startBrowser, startServer } from './harness.mjs';

const webDir = process.env.LIKECAST_WEB_DIR || join(root, 'build', 'web');
const cli = process.env.LIKECAST_CLI || join(root, 'build', 'native', 'likecast');
const model = join(webDir, 'likecast.json');   // the model the pages load

function cliLikes(args) {
  return JSON.parse(execFileSync(cli, ['predict', '--model', model, ...args, '--json'], { encoding: 'utf8' })).likes;
}

// The scenarios in embed-host.html's two iframes.
const widgets = [
  { id: 'widget-compact', compact: true,
    args: ['--views', '120000', '--shares', '3400', '--comments', '560', '--downloads', '900', '--duration', '32', '--status', 'active'] },
  { id: 'widget-full', compact: false,
    args: ['--views', '2500', '--shares', '12', '--comments', '3', '--downloads', '0', '--duration', '15', '--verified', '--status', 'banned'] },
];

// Runs in the host page before its scripts: records each likecast:height message with the id of the frame
// that sent it.
function recordHeightMessages() {
  if (window !== window.top) return;
  window.likecastHeights = [];
  window.addEventListener('message', (event) => {
    if (!event.data || event.data.type !== 'likecast:height') return;
    const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
    window.likecastHeights.push({ id: frame ? frame.id : null, height: event.data.height });
  });
}

function lastHeight(page, id) {
  return page.evaluate((frameId) => {
    const heights = window.likecastHeights.filter((m) => m.id === frameId);
    return heights.length ? heights[heights.length - 1].height : null;
  }, id);
}

const results = new Results();
const { server, url } = await startServer(webDir);
const browser = await startBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const requests = recordRequests(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(recordHeightMessages);
  await page.goto(`${url}embed-host.html`);

  for (const widget of widgets) {
    const frame = await (await page.waitForSelector(`#${widget.id}`)).contentFrame();
    const expected = cliLikes(widget.args);
    const widgetLikes = await predictedLikes(frame).catch((error) => `none (${error.message.split('\n')[0]})`);
    results.check(`${widget.id}: widget shows the CLI's ${expected} likes`, widgetLikes === expected, `widget shows ${widgetLikes}`);

    let reported = null;
    try {
      await page.waitForFunction((id) => window.likecastHeights.some((m) => m.id === id), widget.id, { timeout: 20000 });
      reported = await lastHeight(page, widget.id);
    } catch {
      reported = null;
    }
    results.check(`${widget.id}: widget reports its height`, typeof reported === 'number' && reported > 0, `reported ${reported}`);
    if (widget.compact) {
      results.check(`${widget.id}: compact widget fits 600 pixels`, typeof reported === 'number' && reported <= 600, `reported ${reported}`);
    }

    // The frame follows the last report, within embed.js's bounds of 200 to 4000 pixels.
    const expectedHeight = typeof reported === 'number' ? Math.round(Math.min(4000, Math.max(200, reported))) : null;
    const sized = await page.waitForFunction(([id, height]) => {
      const box = document.getElementById(id).getBoundingClientRect();
      return Math.abs(box.height - height) < 1;
    }, [widget.id, expectedHeight], { timeout: 5000 }).then(() => true, () => false);
    const frameHeight = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().height, widget.id);
    results.check(`${widget.id}: frame is sized to the reported height`, expectedHeight !== null && sized,
      `frame is ${frameHeight} px, reported ${reported}`);
  }

  // A message that does not come from a widget's frame changes nothing.
  const before = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.style.height));
  await page.evaluate(() => window.postMessage({ type: 'likecast:height', height: 999 }, '*'));
  await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
  const after = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.style.height));
  results.check('messages from outside the frames are ignored', JSON.stringify(before) === JSON.stringify(after),
    `${JSON.stringify(before)} became ${JSON.stringify(after)}`);

  results.check('no page errors', errors.length === 0, errors.join('; '));
  results.check('no request leaves 127.0.0.1', requests.foreign().length === 0, requests.foreign().join(', '));
  await page.screenshot({ path: join(artifacts, 'embed-host.png'), fullPage: true });
  await context.close();
} catch (error) {
  results.check('test runs to the end', false, error.message.split('\n')[0]);
} finally {
  await browser.close();
  server.close();
}
console.log(`embed: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
