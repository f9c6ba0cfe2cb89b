// Browser tests of the page: a scenario from the URL gives the same integer as
// `likecast predict --json`, the canvas is drawn, and nothing leaves 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Results, artifacts, canvasIsDrawn, predictedLikes, recordRequests, root, startBrowser, startServer } from './harness.mjs';

const cli = process.env.LIKECAST_CLI || join(root, 'build', 'native', 'likecast');
// The model file the served page loads.
const model = join(process.env.LIKECAST_WEB_DIR || join(root, 'build', 'web'), 'likecast.json');

function cliLikes(args) {
  const out = execFileSync(cli, ['predict', '--model', model, ...args, '--json'], { encoding: 'utf8' });
  return JSON.parse(out).likes;
}

const scenarios = [
  { query: 'views=120000&shares=3400&comments=560&downloads=900&duration=32&verified=0&status=active',
    args: ['--views', '120000', '--shares', '3400', '--comments', '560', '--downloads', '900', '--duration', '32', '--status', 'active'] },
  { query: 'views=2500&shares=12&comments=3&downloads=0&duration=15&verified=1&status=banned',
    args: ['--views', '2500', '--shares', '12', '--comments', '3', '--downloads', '0', '--duration', '15', '--verified', '--status', 'banned'] },
  { query: 'views=950000&shares=88000&comments=4100&downloads=12000&duration=58&verified=0&status=under_review',
    args: ['--views', '950000', '--shares', '88000', '--comments', '4100', '--downloads', '12000', '--duration', '58', '--status', 'under_review'] },
];

const results = new Results();
const { server, url } = await startServer();
const browser = await startBrowser();
try {
  for (const [index, scenario] of scenarios.entries()) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests = recordRequests(page);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}?${scenario.query}`);
    const expected = cliLikes(scenario.args);
    let shown = null;
    try {
      shown = await predictedLikes(page);
    } catch (error) {
      shown = `none (${error.message.split('\n')[0]})`;
    }
    results.check(`scenario ${index + 1}: page shows the CLI's ${expected} likes`, shown === expected, `page shows ${shown}`);
    const colours = await canvasIsDrawn(page);
    results.check(`scenario ${index + 1}: canvas is drawn`, colours > 8, `${colours} distinct colours`);
    results.check(`scenario ${index + 1}: no page errors`, errors.length === 0, errors.join('; '));
    results.check(`scenario ${index + 1}: no request leaves 127.0.0.1`, requests.foreign().length === 0, requests.foreign().join(', '));
    await page.screenshot({ path: join(artifacts, `page-desktop-${index + 1}.png`) });
    await page.close();
  }

  const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  await phone.goto(`${url}?${scenarios[0].query}`);
  const phoneLikes = await predictedLikes(phone).catch(() => null);
  results.check('phone: page shows the prediction', phoneLikes === cliLikes(scenarios[0].args), `page shows ${phoneLikes}`);
  await phone.screenshot({ path: join(artifacts, 'page-phone.png') });
  await phone.close();
} finally {
  await browser.close();
  server.close();
}
console.log(`browser: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
