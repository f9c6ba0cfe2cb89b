// Browser tests of offline use. After one visit the service worker has cached every file, so the page, the
// widget and the API example still predict with the network off and the server stopped. A new build replaces
// the old cache, and only LikeCast's own old caches are deleted. The tests work on a copy of the published
// files (scripts/web-files.mjs list) from LIKECAST_WEB_DIR (default build/web), which the update step changes.
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { buildVersion, cachedFiles, publishedFiles, stampServiceWorker } from '../../scripts/web-files.mjs';
import { Results, artifacts, predictedLikes, recordRequests, root, startBrowser } from './harness.mjs';

const webDir = process.env.LIKECAST_WEB_DIR || join(root, 'build', 'web');
const cli = process.env.LIKECAST_CLI || join(root, 'build', 'native', 'likecast');
const model = join(webDir, 'likecast.json');   // the model the pages load

function cliLikes(args) {
  return JSON.parse(execFileSync(cli, ['predict', '--model', model, ...args, '--json'], { encoding: 'utf8' })).likes;
}

const scenarios = [
  { query: 'views=120000&shares=3400&comments=560&downloads=900&duration=32&verified=0&status=active',
    args: ['--views', '120000', '--shares', '3400', '--comments', '560', '--downloads', '900', '--duration', '32', '--status', 'active'] },
  { query: 'views=950000&shares=88000&comments=4100&downloads=12000&duration=58&verified=0&status=under_review',
    args: ['--views', '950000', '--shares', '88000', '--comments', '4100', '--downloads', '12000', '--duration', '58', '--status', 'under_review'] },
];

// Loads a page and returns "" or why it failed, so an offline failure is counted instead of ending the test.
async function load(page, address) {
  try {
    await page.goto(address);
    return '';
  } catch (error) {
    return error.message.split('\n')[0];
  }
}

// The names of the origin's caches, read from a page of that origin.
const cacheNames = (page) => page.evaluate(() => caches.keys());

// Waits until `condition(names)` holds for the cache names, or the timeout; returns the last names.
async function waitForCaches(page, condition, timeout = 30000) {
  const end = Date.now() + timeout;
  let names = await cacheNames(page);
  while (!condition(names) && Date.now() < end) {
    await page.waitForTimeout(250);
    names = await cacheNames(page);
  }
  return names;
}

// Waits, with no page of the origin open, until a service worker sees cache names for which `condition` holds;
// returns them, or null after the timeout. The old worker keeps control while any page of it is open, and a
// page opened too early would become its client again.
async function waitForWorkerCaches(context, condition, timeout = 30000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const worker of context.serviceWorkers()) {
      const names = await worker.evaluate(() => caches.keys()).catch(() => null);
      if (names && condition(names)) return names;
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return null;
}

const folder = mkdtempSync(join(tmpdir(), 'likecast-offline-'));
for (const name of publishedFiles) copyFileSync(join(webDir, name), join(folder, name));

const results = new Results();
let server = await serve(folder, 0);
const port = server.address().port;
const url = `http://127.0.0.1:${port}/`;
const browser = await startBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const requests = recordRequests(context);
  let page = await context.newPage();
  const errors = [];
  const watch = (p) => p.on('pageerror', (error) => errors.push(error.message));
  watch(page);

  // --- first visit ------------------------------------------------------
  // Caches made before the service worker: a stale LikeCast cache, and another app's cache on the same origin.
  await page.goto(`${url}not-a-page`);
  await page.evaluate(async () => {
    await (await caches.open('likecast-stale')).put('/stale', new Response('old'));
    await (await caches.open('other-app')).put('/other', new Response('theirs'));
  });

  const version = buildVersion(folder);
  await page.goto(`${url}index.html?${scenarios[0].query}`);
  results.check('first visit predicts', (await predictedLikes(page).catch(() => null)) === cliLikes(scenarios[0].args));
  const firstNames = await waitForCaches(page, (names) => names.includes(`likecast-${version}`) && !names.includes('likecast-stale'));
  results.check('service worker caches the build', firstNames.includes(`likecast-${version}`), JSON.stringify(firstNames));
  results.check('a stale LikeCast cache is deleted on activate', !firstNames.includes('likecast-stale'), JSON.stringify(firstNames));
  results.check("another app's cache is kept", firstNames.includes('other-app'), JSON.stringify(firstNames));
  const cachedCount = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, `likecast-${version}`);
  results.check(`every one of the ${cachedFiles.length} files is cached`, cachedCount === cachedFiles.length, `${cachedCount} cached`);

  // Visit the widget and the API example online once too, then check that nothing they load is missing.
  await page.goto(`${url}embed-host.html`);
  await predictedLikes(await (await page.waitForSelector('#widget-compact')).contentFrame()).catch(() => null);
  await page.goto(`${url}api-example.html`);
  await page.waitForSelector('#prediction[data-likes]', { timeout: 20000 }).catch(() => null);
  const uncached = [...new Set(requests.all.filter((u) => u.startsWith(url)).map((u) => new URL(u).pathname.slice(1)))]
    .filter((name) => !publishedFiles.includes(name) && name !== 'not-a-page' && name !== 'stale' && name !== 'other');
  results.check('every file the pages request is in the cached list', uncached.length === 0, uncached.join(', '));

  // --- offline ----------------------------------------------------------
  await context.setOffline(true);
  server.closeAllConnections();
  await new Promise((done) => server.close(done));

  let failure = await load(page, `${url}index.html?${scenarios[0].query}`);
  results.check('offline page loads', failure === '', failure);
  await page.reload().catch(() => null);
  const offlineLikes = await predictedLikes(page).catch((error) => `none (${error.message.split('\n')[0]})`);
  results.check('offline reload still predicts', offlineLikes === cliLikes(scenarios[0].args), `page shows ${offlineLikes}`);
  await load(page, `${url}index.html?${scenarios[1].query}`);
  const otherLikes = await predictedLikes(page).catch((error) => `none (${error.message.split('\n')[0]})`);
  results.check('offline page predicts a new scenario', otherLikes === cliLikes(scenarios[1].args), `page shows ${otherLikes}`);
  await page.screenshot({ path: join(artifacts, 'offline-page.png') });

  failure = await load(page, `${url}embed-host.html`);
  const frame = failure ? null : await (await page.waitForSelector('#widget-compact')).contentFrame();
  const widgetLikes = frame ? await predictedLikes(frame).catch((error) => `none (${error.message.split('\n')[0]})`) : failure;
  results.check('offline widget predicts', widgetLikes === cliLikes(scenarios[0].args), `widget shows ${widgetLikes}`);

  await load(page, `${url}api-example.html`);
  const apiLikes = await page.waitForSelector('#prediction[data-likes]', { timeout: 20000 })
    .then((element) => element.getAttribute('data-likes')).catch((error) => `none (${error.message.split('\n')[0]})`);
  results.check('offline API example predicts', Number(apiLikes) === cliLikes(scenarios[0].args), `example shows ${apiLikes}`);

  // --- a new build ------------------------------------------------------
  // Change one file and stamp sw.js again, as the build does; the old worker serves until its pages close.
  appendFileSync(join(folder, 'page.css'), '\n/* a new build */\n');
  writeFileSync(join(folder, 'sw.js'), stampServiceWorker(readFileSync(join(folder, 'sw.js'), 'utf8'), folder));
  const newVersion = buildVersion(folder);
  results.check('a changed file gives a new version', newVersion !== version, newVersion);

  await context.setOffline(false);
  server = await serve(folder, port);
  await page.goto(`${url}index.html?${scenarios[0].query}`);
  const installed = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    for (let waited = 0; !registration.waiting && waited < 20000; waited += 100) {
      await new Promise((done) => setTimeout(done, 100));
    }
    return !!registration.waiting;
  });
  results.check('the new worker installs and waits for the old pages to close', installed);
  await page.close();
  const taken = (names) => names.includes(`likecast-${newVersion}`) && !names.includes(`likecast-${version}`);
  const workerNames = await waitForWorkerCaches(context, taken);
  results.check('the new worker takes over once the old pages are closed', workerNames !== null);
  page = await context.newPage();
  watch(page);
  await page.goto(`${url}index.html?${scenarios[0].query}`);
  const newNames = await waitForCaches(page, taken);
  results.check('the new build gets its own cache', newNames.includes(`likecast-${newVersion}`), JSON.stringify(newNames));
  results.check('the old cache is deleted on activate', !newNames.includes(`likecast-${version}`), JSON.stringify(newNames));
  const newCss = await page.evaluate(async (name) => {
    const response = await (await caches.open(name)).match('page.css');
    return response ? response.text() : '';
  }, `likecast-${newVersion}`);
  results.check('the new cache holds the new file', newCss.includes('a new build'), newCss.slice(-40));
  results.check('the new build predicts', (await predictedLikes(page).catch(() => null)) === cliLikes(scenarios[0].args));

  results.check('no page errors', errors.length === 0, errors.join('; '));
  results.check('no request leaves 127.0.0.1', requests.foreign().length === 0, requests.foreign().join(', '));
  await context.close();
} catch (error) {
  results.check('test runs to the end', false, error.message.split('\n')[0]);
} finally {
  await browser.close();
  server.close();
  rmSync(folder, { recursive: true, force: true });
}
console.log(`offline: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
