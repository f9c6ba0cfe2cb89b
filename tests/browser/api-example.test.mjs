// Browser test of the API example page (api-example.html): it loads likecast-api.mjs in Chromium, predicts
// the CLI's likes for its form, lists advice, and fills the form from a message read with parse().
// The web folder comes from LIKECAST_WEB_DIR (default build/web).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Results, artifacts, recordRequests, root, startBrowser, startServer } from './harness.mjs';

const webDir = process.env.LIKECAST_WEB_DIR || join(root, 'build', 'web');
const cli = process.env.LIKECAST_CLI || join(root, 'build', 'native', 'likecast');
const model = join(webDir, 'likecast.json');   // the model the pages load

function cliLikes(args) {
  return JSON.parse(execFileSync(cli, ['predict', '--model', model, ...args, '--json'], { encoding: 'utf8' })).likes;
}

// The likes the example shows once its prediction changes from `previous`.
async function shownLikes(page, previous = null) {
  await page.waitForFunction((old) => {
    const likes = document.getElementById('prediction').dataset.likes;
    return likes !== undefined && likes !== old;
  }, previous, { timeout: 20000 });
  return Number(await page.getAttribute('#prediction', 'data-likes'));
}

const results = new Results();
const { server, url } = await startServer(webDir);
const browser = await startBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  const requests = recordRequests(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(`${url}api-example.html`);

  const first = await shownLikes(page).catch(() => null);
  const firstExpected = cliLikes(['--views', '120000', '--shares', '3400', '--comments', '560', '--downloads', '900',
    '--duration', '32', '--status', 'active']);
  results.check(`example predicts the CLI's ${firstExpected} likes`, first === firstExpected, `example shows ${first}`);
  const advice = await page.$$eval('#advice li', (items) => items.map((item) => item.textContent));
  results.check('example lists advice for each lever', advice.length === 4, JSON.stringify(advice));

  // New numbers, with downloads left blank: the model assumes them, as the CLI does without --downloads.
  await page.fill('#views', '950000');
  await page.fill('#shares', '88000');
  await page.fill('#comments', '4100');
  await page.fill('#downloads', '');
  await page.fill('#durationSec', '58');
  await page.selectOption('#authorStatus', 'under_review');
  await page.check('#verified');
  await page.click('#video-form button');
  const second = await shownLikes(page, String(first)).catch(() => null);
  const secondExpected = cliLikes(['--views', '950000', '--shares', '88000', '--comments', '4100', '--duration', '58',
    '--verified', '--status', 'under_review']);
  results.check(`example predicts the CLI's ${secondExpected} likes for new numbers`, second === secondExpected, `example shows ${second}`);
  const assumedText = await page.textContent('#prediction');
  results.check('example names the assumed input', assumedText.includes('downloads'), assumedText);

  // A message read with parse() fills the form and predicts.
  await page.fill('#message', 'my video got 2.5k views, 12 shares, 3 comments and 0 downloads, 15 seconds');
  await page.click('#message-form button');
  const third = await shownLikes(page, String(second)).catch(() => null);
  const thirdExpected = cliLikes(['--views', '2500', '--shares', '12', '--comments', '3', '--downloads', '0',
    '--duration', '15', '--verified', '--status', 'under_review']);
  results.check(`parsed message predicts the CLI's ${thirdExpected} likes`, third === thirdExpected, `example shows ${third}`);
  results.check('parsed views fill the form', (await page.inputValue('#views')) === '2500', await page.inputValue('#views'));

  // A bad input shows the API's message instead of a prediction.
  await page.fill('#views', '');
  await page.click('#video-form button');
  await page.waitForSelector('#prediction.error', { timeout: 5000 }).catch(() => null);
  const errorText = await page.textContent('#prediction');
  results.check('missing views show the API error', errorText === 'views is required: how many views does the video have?', errorText);

  results.check('no page errors', errors.length === 0, errors.join('; '));
  results.check('no request leaves 127.0.0.1', requests.foreign().length === 0, requests.foreign().join(', '));
  await page.screenshot({ path: join(artifacts, 'api-example.png'), fullPage: true });
  await context.close();
} catch (error) {
  results.check('test runs to the end', false, error.message.split('\n')[0]);
} finally {
  await browser.close();
  server.close();
}
console.log(`api-example: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
