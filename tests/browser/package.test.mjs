// Tests of scripts/package: the folder and the zip hold exactly the published files (no CMake or test files),
// the zip's files are the built bytes, and the packaged folder served alone runs the page with no missing file.
// Packages the web folder from LIKECAST_WEB_DIR (default build/web) into a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishedFiles } from '../../scripts/web-files.mjs';
import { Results, predictedLikes, recordRequests, root, startBrowser, startServer } from './harness.mjs';

const webDir = process.env.LIKECAST_WEB_DIR || join(root, 'build', 'web');
const cli = process.env.LIKECAST_CLI || join(root, 'build', 'native', 'likecast');
const model = join(webDir, 'likecast.json');   // the model the pages load
const sorted = (list) => [...list].sort().join(', ');

const results = new Results();
const dist = mkdtempSync(join(tmpdir(), 'likecast-dist-'));
try {
  const output = execFileSync(join(root, 'scripts', 'package'), [], {
    encoding: 'utf8', env: { ...process.env, LIKECAST_WEB_DIR: webDir, LIKECAST_DIST_DIR: dist },
  });
  results.check('package reports its size', /^packaged \d+ files .* \d+ bytes, \d+ gzipped$/m.test(output), output.trim());

  const folder = join(dist, 'likecast');
  results.check('folder holds exactly the published files', sorted(readdirSync(folder)) === sorted(publishedFiles),
    sorted(readdirSync(folder)));
  const zipped = execFileSync('cmake', ['-E', 'tar', 'tf', join(dist, 'likecast.zip')], { encoding: 'utf8' }).trim().split('\n');
  results.check('zip holds exactly the published files', sorted(zipped) === sorted(publishedFiles), sorted(zipped));

  const unpacked = join(dist, 'unpacked');
  execFileSync('cmake', ['-E', 'make_directory', unpacked]);
  execFileSync('cmake', ['-E', 'tar', 'xf', join(dist, 'likecast.zip')], { cwd: unpacked });
  const changed = publishedFiles.filter((name) => !readFileSync(join(unpacked, name)).equals(readFileSync(join(webDir, name))));
  results.check("zip's files are the built files", changed.length === 0, changed.join(', '));

  // The packaged folder alone runs the page: every request is served, and the prediction is the CLI's.
  const { server, url } = await startServer(folder);
  const browser = await startBrowser();
  try {
    const context = await browser.newContext();
    const requests = recordRequests(context);
    const failed = [];
    context.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
    const page = await context.newPage();
    await page.goto(`${url}?views=120000&shares=3400&comments=560&downloads=900&duration=32&verified=0&status=active`);
    const expected = JSON.parse(execFileSync(cli, ['predict', '--model', model, '--views', '120000', '--shares', '3400',
      '--comments', '560', '--downloads', '900', '--duration', '32', '--json'], { encoding: 'utf8' })).likes;
    const pageLikes = await predictedLikes(page).catch(() => null);
    results.check(`packaged page predicts the CLI's ${expected} likes`, pageLikes === expected, `page shows ${pageLikes}`);
    results.check('packaged page requests no missing file', failed.length === 0, failed.join(', '));
    results.check('no request leaves 127.0.0.1', requests.foreign().length === 0, requests.foreign().join(', '));
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
} catch (error) {
  results.check('package runs', false, error.message.split('\n').slice(0, 5).join(' '));
} finally {
  rmSync(dist, { recursive: true, force: true });
}
console.log(`package: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
