// Browser test of opening a large CSV file without freezing the page. The
// page's worker parses whole copies of the dataset, at least 6 MiB. The page
// keeps drawing meanwhile (requestAnimationFrame callbacks go on firing) and
// shows a progress line. The file opened before stays in use until the new
// one has loaded. Cancel (a tap on a phone) stops loading a file eight times
// as large and keeps the previous file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { casesDir, click, dataPath, openPage, runFlow, shoot, state, tap, until } from './page_helpers.mjs';

const kTargetBytes = 6 * 1024 * 1024;
const scratch = mkdtempSync(join(tmpdir(), 'likecast-csv-load-'));
const small = join(casesDir, 'csv', 'na_cells.csv');

// The dataset's rows, repeated whole under its header until the file reaches kTargetBytes. Returns the rows written.
function writeLargeCsv(path) {
  const lines = readFileSync(dataPath, 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines[0];
  const rows = lines.slice(1);
  const parts = [header];
  let bytes = header.length + 1;
  let count = 0;
  while (bytes < kTargetBytes) {
    for (const row of rows) {
      parts.push(row);
      bytes += row.length + 1;
      count += 1;
    }
  }
  writeFileSync(path, parts.join('\n') + '\n');
  return count;
}

const large = join(scratch, 'large.csv');
const largeRows = writeLargeCsv(large);
// Eight times as large, so it is still loading when the test presses Cancel.
const huge = join(scratch, 'huge.csv');
const largeText = readFileSync(large, 'utf8');
writeFileSync(huge, largeText + largeText.slice(largeText.indexOf('\n') + 1).repeat(7));

// Counts requestAnimationFrame callbacks, in total and while the live region shows that a file is opening.
function countFrames() {
  window.likecastFrames = { total: 0, whileOpening: 0 };
  const live = document.getElementById('likecast-live');
  const tick = () => {
    window.likecastFrames.total += 1;
    if (/Opening /.test(live.textContent || '')) window.likecastFrames.whileOpening += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function openFile(page, path) {
  await page.setInputFiles('#likecast-file', path);
}

await runFlow('browser-csv-load', async ({ browser, url, results }) => {
  const { context, page, errors } = await openPage(browser, url);
  await openFile(page, small);
  await until(page, (s) => s.data && s.data.name === 'na_cells.csv', 'the small file to open');
  await page.evaluate(countFrames);

  // The large file: frames go on while it loads, and the small file stays in use until it has loaded.
  await openFile(page, large);
  let s = await until(page, (x) => x.file_load !== null && x.widgets['button:cancel-open'], 'the large file to start loading');
  results.check('desktop: a progress line names the file being opened', s.file_load.name === 'large.csv' &&
    s.widgets['status:open-file'] && s.widgets['button:cancel-open'], JSON.stringify(s.file_load));
  results.check('desktop: the file opened before stays while the new one loads', s.data && s.data.name === 'na_cells.csv',
    JSON.stringify(s.data && s.data.name));
  await shoot(page, 'csv-load-desktop');
  s = await until(page, (x) => x.data && x.data.name === 'large.csv', 'the large file to load', 120000);
  const frames = await page.evaluate(() => window.likecastFrames);
  results.check('desktop: animation frames kept firing while the file loaded', frames.whileOpening >= 5, JSON.stringify(frames));
  results.check(`desktop: every one of the ${largeRows} rows was read`,
    s.data.rows_loaded + s.data.rows_skipped === largeRows && s.data.rows_loaded > 0,
    JSON.stringify({ loaded: s.data.rows_loaded, skipped: s.data.rows_skipped }));
  results.check('desktop: the progress line is gone once loaded', s.file_load === null && !s.widgets['button:cancel-open']);
  results.check('desktop: the chat says the file opened', /^Opened large\.csv: /.test(s.log[s.log.length - 1].text),
    s.log[s.log.length - 1].text);

  // Cancel: the file opened before stays, and the cancelled file never arrives.
  await openFile(page, huge);
  await until(page, (x) => x.file_load !== null && x.widgets['button:cancel-open'], 'the second large file to start loading');
  await click(page, 'button:cancel-open');
  s = await until(page, (x) => x.file_load === null, 'the load to stop');
  results.check('desktop: Cancel keeps the file opened before', s.data.name === 'large.csv', s.data.name);
  results.check('desktop: Cancel says so in the chat',
    s.log[s.log.length - 1].text === 'Stopped opening huge.csv. The file opened before is still in use.',
    s.log[s.log.length - 1].text);
  await page.waitForTimeout(3000);
  s = await state(page);
  results.check('desktop: a cancelled file never replaces the data', s.data.name === 'large.csv', s.data.name);
  results.check('desktop: no page errors', errors.length === 0, errors.join('; '));
  await context.close();

  // Phone: the progress line fits, Cancel is a 44 px target and a tap stops the load.
  const phone = await openPage(browser, url, { device: 'phone' });
  await openFile(phone.page, huge);
  s = await until(phone.page, (x) => x.file_load !== null && x.widgets['button:cancel-open'], 'the phone load to start');
  const cancel = s.widgets['button:cancel-open'];
  results.check('phone: Cancel is at least 44 CSS px tall and on screen', cancel.h >= 44 && cancel.x + cancel.w <= 360,
    JSON.stringify(cancel));
  await shoot(phone.page, 'csv-load-phone');
  await tap(phone.page, 'button:cancel-open');
  s = await until(phone.page, (x) => x.file_load === null, 'the phone load to stop');
  results.check('phone: a tap on Cancel stops the load', s.data === null && /^Stopped opening huge\.csv\.$/.test(s.log[s.log.length - 1].text),
    s.log[s.log.length - 1].text);
  results.check('phone: no page errors', phone.errors.length === 0, phone.errors.join('; '));
  await phone.context.close();
});
