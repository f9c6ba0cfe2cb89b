// Browser test of opening CSV files. Every CSV case gives the rows loaded and
// skipped that its expect.json lists, with skip reasons naming the column. A
// rejected file keeps the file opened before. A sample of the real dataset
// loads, and the file picker button and drag-and-drop both work. A file over
// the size limit is rejected before it is read, with the limit in the
// message. Runs on desktop, and the picker flow again on a phone, where the
// note about the file stays in the chat instead of covering the model tab.
import { mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { casesDir, click, dataPath, openPage, runFlow, shoot, state, tap, until } from './page_helpers.mjs';

const csvDir = join(casesDir, 'csv');
const expect = JSON.parse(readFileSync(join(csvDir, 'expect.json'), 'utf8')).files;
const scratch = mkdtempSync(join(tmpdir(), 'likecast-csv-'));

// The first 1,500 rows of the real dataset.
const sample = join(scratch, 'tiktok_sample.csv');
writeFileSync(sample, readFileSync(dataPath, 'utf8').split('\n').slice(0, 1501).join('\n') + '\n');

async function openWithInput(page, path) {
  const before = (await state(page)).log.length;
  await page.setInputFiles('#likecast-file', path);
  return until(page, (s) => s.log.length > before, `the page to answer opening ${path}`);
}

await runFlow('browser-csv', async ({ browser, url, results }) => {
  const { context, page, errors } = await openPage(browser, url);
  await click(page, 'tab:model');
  await until(page, (x) => x.tab === 'model' && x.widgets['button:open-csv'], 'the model tab');

  // The picker button, then the sample of the real dataset.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'button:open-csv')]);
  await chooser.setFiles(sample);
  let s = await until(page, (x) => x.data && x.data.name === 'tiktok_sample.csv', 'the sample to load');
  results.check('desktop: the Open CSV button opens the picker and loads the sample',
    s.data.rows_loaded + s.data.rows_skipped === 1500 && s.data.rows_loaded > 1400, JSON.stringify(s.data).slice(0, 200));
  results.check('desktop: the current model is measured on the sample', s.model_metrics && s.model_metrics.rows > 0,
    JSON.stringify(s.model_metrics));

  for (const [file, want] of Object.entries(expect)) {
    const previous = (await state(page)).data;
    s = await openWithInput(page, join(csvDir, file));
    if (want.error || want.error_mentions) {
      const last = s.log[s.log.length - 1];
      results.check(`${file}: rejected with an error`, last.kind === 'error' && s.data_error !== '', last.text);
      if (want.error_mentions) {
        results.check(`${file}: the error names ${want.error_mentions}`, s.data_error.includes(want.error_mentions), s.data_error);
      }
      results.check(`${file}: the file opened before stays`, s.data && previous && s.data.name === previous.name, JSON.stringify(s.data && s.data.name));
      continue;
    }
    results.check(`${file}: ${want.rows_loaded} rows loaded, ${want.rows_skipped} skipped`,
      s.data && s.data.name === file && s.data.rows_loaded === want.rows_loaded && s.data.rows_skipped === want.rows_skipped,
      JSON.stringify(s.data && { loaded: s.data.rows_loaded, skipped: s.data.rows_skipped }));
    if (want.skip_reason_mentions) {
      const reasons = s.data.skipped.map((row) => row.reason);
      results.check(`${file}: skip reasons name ${want.skip_reason_mentions}`,
        reasons.length > 0 && reasons.every((reason) => reason.length > 0) && reasons.some((reason) => reason.includes(want.skip_reason_mentions)),
        reasons.join(' | '));
    }
  }

  // Drag and drop onto the page.
  const dropped = readFileSync(join(csvDir, 'na_cells.csv'), 'utf8');
  const before = (await state(page)).log.length;
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    const canvas = document.getElementById('canvas');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      canvas.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, dropped);
  s = await until(page, (x) => x.log.length > before && x.data && x.data.name === 'dropped.csv', 'the dropped file');
  results.check('desktop: a dropped CSV is opened', s.data.rows_loaded === expect['na_cells.csv'].rows_loaded);
  results.check('desktop: the drop overlay is hidden again', await page.evaluate(() => document.getElementById('likecast-drop').hidden));

  // Over the size limit: a sparse 101 MB file is refused without being read.
  const huge = join(scratch, 'huge.csv');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 101 * 1024 * 1024);
  closeSync(fd);
  const started = Date.now();
  s = await openWithInput(page, huge);
  const refusal = s.log[s.log.length - 1];
  results.check('desktop: a 101 MB file is refused', refusal.kind === 'error' && refusal.text.includes('huge.csv'), refusal.text);
  results.check('desktop: the refusal states the 100 MB limit', /limit of 100(\.0)? MB/.test(refusal.text), refusal.text);
  results.check('desktop: the refused file does not replace the data', s.data.name === 'dropped.csv');
  results.check('desktop: the refusal comes before reading the file', Date.now() - started < 5000, `${Date.now() - started} ms`);

  s = await openWithInput(page, join(csvDir, 'bad_values.csv'));
  await shoot(page, 'csv-desktop');
  results.check('desktop: no page errors', errors.length === 0, errors.join('; '));
  await context.close();

  // Phone: the Model tab's button and the picker.
  const phone = await openPage(browser, url, { device: 'phone' });
  await tap(phone.page, 'tab:model');
  await until(phone.page, (x) => x.tab === 'model' && x.widgets['button:open-csv'], 'the phone model tab');
  const [phoneChooser] = await Promise.all([phone.page.waitForEvent('filechooser'), tap(phone.page, 'button:open-csv')]);
  await phoneChooser.setFiles(join(csvDir, 'bad_values.csv'));
  s = await until(phone.page, (x) => x.data && x.data.name === 'bad_values.csv', 'the phone picker');
  results.check('phone: the picker opens a CSV', s.data.rows_loaded === expect['bad_values.csv'].rows_loaded);
  // Over the Model tab, which shows the opened file itself, only errors float; notes wait in the chat.
  await until(phone.page, (x) => x.log.some((entry) => /^Opened bad_values.csv/.test(entry.text)), 'the note about the file');
  await phone.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  s = await state(phone.page);
  results.check('phone: the note about the file does not cover the model tab', !s.widgets['banner:message']);
  results.check('phone: the model tab stays open', s.tab === 'model');
  await shoot(phone.page, 'csv-phone');
  results.check('phone: no page errors', phone.errors.length === 0, phone.errors.join('; '));
  await phone.context.close();
});
