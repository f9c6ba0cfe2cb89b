// Browser test of training in the page, on a sample of the real dataset.
// The Train button runs the trainer in slices while the page keeps drawing
// and the chat keeps replying. A run can be cancelled without touching the
// current model. A finished run shows both models' metrics and replaces
// nothing until "Use new model". The model downloads as JSON, and that file
// loads back and predicts what the CLI predicts with it. A corrupt model file
// is rejected and the current model stays. The phone trains too.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  click, cliPath, dataPath, liveLikes, openPage, runFlow, scrollTo, sendChat, settle, shoot, tap, touchDrag, until,
} from './page_helpers.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'likecast-train-'));
const sample = join(scratch, 'tiktok_1200.csv');
writeFileSync(sample, readFileSync(dataPath, 'utf8').split('\n').slice(0, 1201).join('\n') + '\n');
const query = 'views=80000&shares=1500&comments=300&downloads=200&duration=30&verified=0&status=active';

function cliLikesWith(model, slots) {
  const args = ['predict', '--model', model, '--views', String(slots.views), '--shares', String(slots.shares),
    '--comments', String(slots.comments), '--downloads', String(slots.downloads), '--duration', String(slots.duration_sec),
    '--status', 'active', '--json'];
  return JSON.parse(execFileSync(cliPath, args, { encoding: 'utf8' })).likes;
}

await runFlow('browser-training', async ({ browser, url, results }) => {
  const { context, page, errors } = await openPage(browser, url, { query });
  await click(page, 'tab:model');
  await until(page, (x) => x.tab === 'model', 'the model tab');
  await page.setInputFiles('#likecast-file', sample);
  let s = await until(page, (x) => x.data && x.data.name === 'tiktok_1200.csv', 'the sample to load');
  const original = s.model.fingerprint;
  const originalLikes = await liveLikes(page);

  // Cancel a run.
  await click(page, 'button:train');
  s = await until(page, (x) => x.training.state === 'running', 'training to start');
  await click(page, 'button:cancel-training');
  s = await until(page, (x) => x.training.state === 'cancelled', 'the cancel');
  results.check('cancel: training stops and the model stays', s.model.fingerprint === original && (await liveLikes(page)) === originalLikes);

  // Few epochs keep the test short: Ctrl+click turns ImGui's slider into a text field.
  const epochs = await scrollTo(page, 'slider:epochs', 'pane:tab-content');
  await page.keyboard.down('Control');
  await page.mouse.click(epochs.x + epochs.w / 2, epochs.y + epochs.h / 2);
  await page.keyboard.up('Control');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('6');
  await page.keyboard.press('Enter');
  await settle(page);

  // A full run. The page keeps drawing and the chat keeps replying while it trains.
  await click(page, 'button:train');
  s = await until(page, (x) => x.training.state === 'running', 'training to start again');
  const framesAtStart = s.frames;
  const reply = await sendChat(page, 'what if comments were 600?');
  const asked = reply.log.map((entry) => entry.text).lastIndexOf('what if comments were 600?');
  const answer = reply.log[asked + 1];
  results.check('while training: the chat replies', answer && answer.kind === 'assistant' && reply.slots.comments === 600,
    JSON.stringify(answer));
  s = await until(page, (x) => x.training.epochs_done >= 2 || x.training.state !== 'running', 'two epochs');
  results.check('while training: the page keeps drawing', s.frames > framesAtStart + 5, `${s.frames - framesAtStart} frames`);
  if (s.training.state === 'running') {
    results.check('while training: progress and elapsed time are shown',
      s.widgets['training:progress'] && s.widgets['plot:loss'] && s.training.elapsed_ms > 0, JSON.stringify(s.training));
    await shoot(page, 'training-running-desktop');
  }
  s = await until(page, (x) => x.training.state !== 'running', 'training to finish', 120000);
  results.check('training finishes', s.training.state === 'finished', JSON.stringify(s.training));
  results.check('the new model is scored beside the current one',
    s.training.new_metrics && s.training.current_metrics && s.training.new_metrics.rows > 0, JSON.stringify(s.training));
  results.check('a finished run replaces nothing yet', s.model.fingerprint === original);
  await shoot(page, 'training-desktop');

  // Download the new model, then use it.
  const [newDownload] = await Promise.all([page.waitForEvent('download'), click(page, 'button:download-new')]);
  const newPath = join(scratch, 'new-model.json');
  await newDownload.saveAs(newPath);
  results.check('the new model downloads as a LikeCast JSON file', JSON.parse(readFileSync(newPath, 'utf8')).format !== undefined);
  await click(page, 'button:use-model');
  s = await until(page, (x) => x.model.fingerprint !== original, 'the new model to be used');
  results.check('"Use new model" switches the model', /trained in this page/.test(s.model.source), s.model.source);
  results.check('the new model predicts what the CLI predicts with its file', (await liveLikes(page)) === cliLikesWith(newPath, s.slots),
    `${await liveLikes(page)} vs ${cliLikesWith(newPath, s.slots)}`);

  // Download the model in use and load it back from the file.
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'button:download-model')]);
  const usedPath = join(scratch, 'likecast-model.json');
  await download.saveAs(usedPath);
  results.check('the downloaded model equals the new model file', readFileSync(usedPath, 'utf8') === readFileSync(newPath, 'utf8'));
  const builtIn = join(scratch, 'built-in.json');
  writeFileSync(builtIn, await (await page.request.get(url + 'likecast.json')).text());
  await page.setInputFiles('#likecast-file', builtIn);
  s = await until(page, (x) => x.model.fingerprint === original, 'the built-in model file to load');
  results.check('a model file loads from the picker', /loaded from built-in.json/.test(s.model.source), s.model.source);
  results.check('the loaded model predicts what it did at the start', (await liveLikes(page)) === cliLikesWith(builtIn, s.slots));

  // A corrupt model file is refused.
  const corrupt = join(scratch, 'corrupt.json');
  writeFileSync(corrupt, '{"format": "likecast-model", "format_version": 2, "features": [1, 2');
  const before = s.log.length;
  await page.setInputFiles('#likecast-file', corrupt);
  s = await until(page, (x) => x.log.length > before, 'the corrupt model to be refused');
  results.check('a corrupt model file is refused with an error', s.log[s.log.length - 1].kind === 'error', s.log[s.log.length - 1].text);
  results.check('the model in use stays after the refusal', s.model.fingerprint === original);
  results.check('desktop: no page errors', errors.length === 0, errors.join('; '));
  await context.close();

  // Phone: a short run with the Model tab's controls.
  const phone = await openPage(browser, url, { device: 'phone', query });
  await tap(phone.page, 'tab:model');
  await until(phone.page, (x) => x.tab === 'model', 'the phone model tab');
  await phone.page.setInputFiles('#likecast-file', sample);
  await until(phone.page, (x) => x.data !== null, 'the phone to load the sample');
  // One epoch: a finger drags the epochs slider to its left end.
  const slider = await scrollTo(phone.page, 'slider:epochs', null, true);
  const y = slider.y + slider.h / 2;
  await touchDrag(phone.page, { x: slider.x + slider.w * 0.5, y }, { x: slider.x - 40, y });
  await tap(phone.page, 'button:train');
  s = await until(phone.page, (x) => x.training.state !== 'running' && x.training.state !== 'idle', 'the phone training', 120000);
  results.check('phone: training finishes', s.training.state === 'finished', JSON.stringify(s.training));
  await shoot(phone.page, 'training-phone');
  results.check('phone: no page errors', phone.errors.length === 0, phone.errors.join('; '));
  await phone.context.close();
});
