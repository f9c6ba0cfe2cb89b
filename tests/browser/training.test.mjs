// Browser test of training in the page and of keeping a model across reloads.
// On the whole TikTok dataset, the Train button runs the page recipe
// (`likecast train --preset page`) in slices while the page keeps drawing and
// the chat keeps replying, and draws a training and a validation loss curve.
// A run can be cancelled without touching the current model. A finished run
// shows both models' metrics and replaces nothing until "Use new model". The
// model in use survives a reload (localStorage, or IndexedDB when
// localStorage is full), "Use built-in model" goes back, and a corrupt stored
// model is removed with an error while the built-in model stays. The model
// downloads as JSON and loads back; a corrupt model file is rejected. The
// phone trains too.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  click, cliPath, dataPath, liveLikes, openPage, runFlow, scrollTo, sendChat, settle, shoot, tap, touchDrag, until, waitReady,
} from './page_helpers.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'likecast-train-'));
const sample = join(scratch, 'tiktok_1200.csv');
writeFileSync(sample, readFileSync(dataPath, 'utf8').split('\n').slice(0, 1201).join('\n') + '\n');
const query = 'views=80000&shares=1500&comments=300&downloads=200&duration=30&verified=0&status=active';
const kTrainingTimeoutMs = 10 * 60 * 1000;   // the whole dataset on a busy machine; a quiet one needs seconds

function cliLikesWith(model, slots) {
  const args = ['predict', '--model', model, '--views', String(slots.views), '--shares', String(slots.shares),
    '--comments', String(slots.comments), '--downloads', String(slots.downloads), '--duration', String(slots.duration_sec),
    '--status', 'active', '--json'];
  return JSON.parse(execFileSync(cliPath, args, { encoding: 'utf8' })).likes;
}

const finiteAndPositive = (values) => Array.isArray(values) && values.every((v) => Number.isFinite(v) && v > 0);

// The state once `test(state)` holds, or the latest state after `timeout` ms, so the check that follows
// reports what the page shows instead of a timeout.
async function stateWhen(page, test, what, timeout = 20000) {
  return until(page, test, what, timeout).catch(() => until(page, () => true, 'the state'));
}

// Reloads the page and waits until it has drawn with a model and no stored model is still on its way.
async function reload(page) {
  await page.reload();
  await waitReady(page);
  await page.waitForTimeout(300);   // the stored model arrives a task after the built-in one
}

await runFlow('browser-training', async ({ browser, url, results }) => {
  const { context, page, errors } = await openPage(browser, url, { query });
  await click(page, 'tab:model');
  await until(page, (x) => x.tab === 'model', 'the model tab');
  await page.setInputFiles('#likecast-file', dataPath);
  let s = await until(page, (x) => x.data && x.data.name === 'tiktok_dataset.csv', 'the dataset to load', 60000);
  // The validation loss distinguishes the models: the trained and the built-in one share the data fingerprint.
  const original = s.model.validation_loss;
  const originalLikes = await liveLikes(page);
  results.check('the built-in model is in use at the start', s.model.built_in === true, JSON.stringify(s.model));

  // Cancel a run.
  await click(page, 'button:train');
  s = await until(page, (x) => x.training.state === 'running', 'training to start', 30000);
  await click(page, 'button:cancel-training');
  s = await until(page, (x) => x.training.state === 'cancelled', 'the cancel', 30000);
  results.check('cancel: training stops and the model stays', s.model.validation_loss === original && (await liveLikes(page)) === originalLikes);

  // A full run with the page recipe. The page keeps drawing and the chat keeps replying while it trains.
  await click(page, 'button:train');
  s = await until(page, (x) => x.training.state === 'running', 'training to start again', 30000);
  const framesAtStart = s.frames;
  const reply = await sendChat(page, 'what if comments were 600?');
  const asked = reply.log.map((entry) => entry.text).lastIndexOf('what if comments were 600?');
  const answer = reply.log[asked + 1];
  results.check('while training: the chat replies', answer && answer.kind === 'assistant' && reply.slots.comments === 600,
    JSON.stringify(answer));
  s = await until(page, (x) => x.training.epochs_done >= 1 || x.training.state !== 'running', 'the first epoch', kTrainingTimeoutMs);
  results.check('while training: the page keeps drawing', s.frames > framesAtStart + 5, `${s.frames - framesAtStart} frames`);
  if (s.training.state === 'running') {
    results.check('while training: progress, elapsed and remaining time are shown',
      s.widgets['training:progress'] && s.widgets['training:times'] && s.widgets['plot:loss'] && s.training.elapsed_ms > 0 &&
      s.training.remaining_ms > 0, JSON.stringify(s.training));
    await shoot(page, 'training-running-desktop');
  }
  s = await until(page, (x) => x.training.state !== 'running', 'training to finish', kTrainingTimeoutMs);
  const t = s.training;
  results.check('training finishes', t.state === 'finished', JSON.stringify(t));
  results.check('the page recipe runs at most its epoch limit', t.epochs_done >= 1 && t.epochs_done <= t.max_epochs,
    `${t.epochs_done} of ${t.max_epochs}`);
  results.check('the training loss curve has a point per epoch',
    t.train_losses.length === t.epochs_done && finiteAndPositive(t.train_losses), JSON.stringify(t.train_losses));
  results.check('the validation loss curve has a point per epoch',
    t.validation_losses.length === t.epochs_done && finiteAndPositive(t.validation_losses), JSON.stringify(t.validation_losses));
  results.check('the new model is scored beside the current one',
    t.new_metrics && t.current_metrics && t.new_metrics.rows > 0 && t.new_metrics.rows === t.current_metrics.rows, JSON.stringify(t));
  results.check('a finished run replaces nothing yet', s.model.validation_loss === original);
  await shoot(page, 'training-desktop');

  // The page trains what the CLI trains with the same recipe, file and seed.
  const [newDownload] = await Promise.all([page.waitForEvent('download'), click(page, 'button:download-new')]);
  const newPath = join(scratch, 'new-model.json');
  await newDownload.saveAs(newPath);
  const cliModelPath = join(scratch, 'cli-page-model.json');
  execFileSync(cliPath, ['train', '--data', dataPath, '--out', cliModelPath, '--preset', 'page', '--quiet'], { stdio: 'ignore' });
  const pageInfo = JSON.parse(readFileSync(newPath, 'utf8')).training;
  const cliInfo = JSON.parse(readFileSync(cliModelPath, 'utf8')).training;
  for (const field of ['seed', 'data_fingerprint', 'train_rows', 'validation_rows', 'epochs_run', 'best_epoch', 'loss']) {
    results.check(`page and CLI recipes agree: ${field}`, pageInfo[field] === cliInfo[field], `${pageInfo[field]} vs ${cliInfo[field]}`);
  }
  // wasm and native may round the last bits of tiny-dnn's arithmetic differently.
  results.check('page and CLI recipes agree: validation loss within 0.1%',
    Math.abs(pageInfo.validation_loss - cliInfo.validation_loss) <= 1e-3 * cliInfo.validation_loss,
    `${pageInfo.validation_loss} vs ${cliInfo.validation_loss}`);

  // Use it; it survives a reload.
  await click(page, 'button:use-model');
  s = await until(page, (x) => x.model.validation_loss !== original, 'the new model to be used');
  const trained = s.model.validation_loss;
  results.check('"Use new model" switches the model', /trained in this page/.test(s.model.source), s.model.source);
  results.check('the new model predicts what the CLI predicts with its file', (await liveLikes(page)) === cliLikesWith(newPath, s.slots),
    `${await liveLikes(page)} vs ${cliLikesWith(newPath, s.slots)}`);
  await reload(page);
  s = await stateWhen(page, (x) => x.model.validation_loss === trained, 'the kept model after a reload');
  results.check('reload: the trained model is still in use', s.model.validation_loss === trained && !s.model.built_in &&
    /kept in this browser/.test(s.model.source), JSON.stringify(s.model));
  results.check('reload: it predicts what its file predicts', (await liveLikes(page)) === cliLikesWith(newPath, s.slots));

  // Back to the built-in model, also after a reload.
  await click(page, 'tab:model');
  await until(page, (x) => x.tab === 'model', 'the model tab after the reload');
  await click(page, 'button:use-built-in');
  s = await until(page, (x) => x.model.validation_loss === original, 'the built-in model');
  results.check('"Use built-in model" goes back', s.model.built_in === true && /built-in/.test(s.model.source), s.model.source);
  await reload(page);
  s = await stateWhen(page, () => true, 'the state');
  results.check('reload after the reset: the built-in model is in use', s.model.validation_loss === original && s.model.built_in,
    JSON.stringify(s.model));

  // Download the model in use and load it back from the file; a loaded model is kept too.
  const builtIn = join(scratch, 'built-in.json');
  writeFileSync(builtIn, await (await page.request.get(url + 'likecast.json')).text());
  await click(page, 'tab:model');
  await until(page, (x) => x.tab === 'model', 'the model tab after the second reload');
  await page.setInputFiles('#likecast-file', newPath);
  s = await until(page, (x) => x.model.validation_loss === trained, 'the new model file to load');
  results.check('a model file loads from the picker', /loaded from new-model.json/.test(s.model.source), s.model.source);
  await settle(page);
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'button:download-model')]);
  const usedPath = join(scratch, 'likecast-model.json');
  await download.saveAs(usedPath);
  results.check('the downloaded model equals the new model file', readFileSync(usedPath, 'utf8') === readFileSync(newPath, 'utf8'));

  // A stored model whose text was changed is removed with an error, and the built-in model is used.
  const stored = await page.evaluate(() => localStorage.getItem('likecast.model'));
  results.check('a loaded model is kept in localStorage', typeof stored === 'string' && stored.length > 1000);
  await page.evaluate(() => localStorage.setItem('likecast.model', localStorage.getItem('likecast.model').replace(/[0-9]/, 'x')));
  await reload(page);
  s = await stateWhen(page, (x) => x.log.some((entry) => /kept in this browser could not be read/.test(entry.text)),
    'the corrupt stored model to be reported');
  const report = s.log.find((entry) => /kept in this browser could not be read/.test(entry.text));
  results.check('corrupt stored model: an error says it was removed', report && report.kind === 'error' &&
    /checksum/.test(report.text), JSON.stringify(s.log.slice(-2)));
  results.check('corrupt stored model: the built-in model is in use', s.model.validation_loss === original && s.model.built_in);
  results.check('corrupt stored model: storage is cleared',
    (await page.evaluate(() => localStorage.getItem('likecast.model.meta'))) === null);

  // A corrupt model file is refused.
  const corrupt = join(scratch, 'corrupt.json');
  writeFileSync(corrupt, '{"format": "likecast-model", "format_version": 2, "features": [1, 2');
  const before = s.log.length;
  await page.setInputFiles('#likecast-file', corrupt);
  s = await until(page, (x) => x.log.length > before, 'the corrupt model to be refused');
  results.check('a corrupt model file is refused with an error', s.log[s.log.length - 1].kind === 'error', s.log[s.log.length - 1].text);
  results.check('the model in use stays after the refusal', s.model.validation_loss === original);
  results.check('desktop: no page errors', errors.length === 0, errors.join('; '));
  await context.close();

  // A browser whose localStorage cannot take the model keeps it in IndexedDB.
  const full = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await full.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'likecast.model') throw new DOMException('the quota is exceeded', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const small = await openPage(browser, url, { context: full, query });
  await small.page.setInputFiles('#likecast-file', newPath);
  await until(small.page, (x) => x.model.validation_loss === trained, 'the model file to load with localStorage full');
  await small.page.waitForFunction(() => localStorage.getItem('likecast.model.meta') !== null, null, { timeout: 10000 }).catch(() => {});
  const meta = JSON.parse(await small.page.evaluate(() => localStorage.getItem('likecast.model.meta')) || '{}');
  results.check('localStorage full: the model goes to IndexedDB', meta.store === 'indexeddb', JSON.stringify(meta));
  await reload(small.page);
  s = await stateWhen(small.page, (x) => x.model.validation_loss === trained, 'the model from IndexedDB after a reload');
  results.check('localStorage full: the model is back after a reload', s.model.validation_loss === trained, JSON.stringify(s.model));
  results.check('localStorage full: no page errors', small.errors.length === 0, small.errors.join('; '));
  await full.close();

  // Phone: a one-epoch run on a sample with the Model tab's controls.
  const phone = await openPage(browser, url, { device: 'phone', query });
  await tap(phone.page, 'tab:model');
  await until(phone.page, (x) => x.tab === 'model', 'the phone model tab');
  await phone.page.setInputFiles('#likecast-file', sample);
  s = await until(phone.page, (x) => x.data !== null, 'the phone to load the sample');
  // The note about the opened file floats over the bottom of the phone's screen until it is dismissed.
  if (s.widgets['button:banner-ok']) await tap(phone.page, 'button:banner-ok');
  // One epoch: a finger drags the epochs slider to its left end.
  const slider = await scrollTo(phone.page, 'slider:epochs', null, true);
  const y = slider.y + slider.h / 2;
  await touchDrag(phone.page, { x: slider.x + slider.w * 0.5, y }, { x: slider.x - 40, y });
  await tap(phone.page, 'button:train');
  s = await until(phone.page, (x) => x.training.state !== 'running' && x.training.state !== 'idle', 'the phone training', 120000);
  results.check('phone: training finishes', s.training.state === 'finished', JSON.stringify(s.training));
  results.check('phone: both curves have a point', s.training.train_losses.length >= 1 && s.training.validation_losses.length >= 1);
  await shoot(phone.page, 'training-phone');
  results.check('phone: no page errors', phone.errors.length === 0, phone.errors.join('; '));
  await phone.context.close();
});
