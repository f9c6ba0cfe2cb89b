// Browser test of the whole phone flow as a new user walks it, by touch only:
// a chat message, a what-if quick reply, tips, the Model tab, a CSV file
// opened with the file picker (a 3,000-row sample of the TikTok dataset),
// which brings the Train button on screen, training, the comparison, "Use
// new model", a new prediction in the chat, and "Clear data", which also
// removes the kept model.
// Every step leaves a screenshot phone-flow-N-*.png in tests/browser/artifacts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath, openPage, runFlow, scrollTo, settle, shoot, state, tap, until, waitReady } from './page_helpers.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'likecast-phone-flow-'));
const sample = join(scratch, 'tiktok_3000.csv');
writeFileSync(sample, readFileSync(dataPath, 'utf8').split('\n').slice(0, 3001).join('\n') + '\n');
const kTrainingTimeoutMs = 5 * 60 * 1000;   // a busy machine; a quiet one needs seconds

const live = (page) => page.textContent('#likecast-live');

// Taps the chat box, types `text` on the keyboard it raises and sends it with Enter. Returns the state
// once the reply is in the log.
async function typeInChat(page, text) {
  const before = (await state(page)).log.length;
  await tap(page, 'chat:input');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  return until(page, (x) => x.log.length >= before + 2, `a reply to "${text}"`);
}

// Taps a quick reply and returns the state once its reply is in the log.
async function tapChip(page, name) {
  const before = (await state(page)).log.length;
  await tap(page, name);
  return until(page, (x) => x.log.length >= before + 2, `a reply to ${name}`);
}

const lastReply = (s) => s.log[s.log.length - 1];

// True when rectangles `a` and `b` overlap.
const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

await runFlow('browser-phone-flow', async ({ browser, url, results }) => {
  const { page, errors } = await openPage(browser, url, { device: 'phone' });
  await shoot(page, 'phone-flow-1-open');
  results.check('open: no prediction before the views are known', /views/.test(await live(page)), await live(page));

  // Chat: a first prediction.
  let s = await typeInChat(page, '50k views, 1.2k shares, 300 comments, 25 seconds');
  const firstLive = await live(page);
  results.check('chat: the message gives a prediction', /^Predicted likes: \d/.test(firstLive), firstLive);
  results.check('chat: the views were read', s.slots.views === 50000, JSON.stringify(s.slots));
  await shoot(page, 'phone-flow-2-chat');

  // A what-if quick reply.
  s = await tapChip(page, 'chip:shares-x2');
  results.check('what-if chip: the shares doubled', s.slots.shares === 2400, JSON.stringify(s.slots));
  results.check('what-if chip: the reply is from LikeCast', lastReply(s).kind === 'assistant', JSON.stringify(lastReply(s)));
  await shoot(page, 'phone-flow-3-what-if');

  // Tips.
  s = await tapChip(page, 'chip:tips');
  results.check('tips: a reply with advice', lastReply(s).kind === 'assistant' && lastReply(s).text.length > 40,
    JSON.stringify(lastReply(s)));
  await shoot(page, 'phone-flow-4-tips');

  // The Model tab: every model-info label is whole.
  await tap(page, 'tab:model');
  s = await until(page, (x) => x.tab === 'model', 'the model tab');
  // A label is whole when its value starts to its right and the value ends inside the card.
  const card = s.widgets['card:model'];
  const labels = Object.entries(s.widgets).filter(([name]) => name.startsWith('info:'));
  const cut = labels.filter(([name, rect]) => {
    const value = s.widgets[name.replace('info:', 'info-value:')];
    return !value || !card || rect.x + rect.w > value.x || value.x + value.w > card.x + card.w;
  });
  results.check('model tab: the model-info labels are drawn', labels.length === 7, `${labels.length} labels`);
  results.check('model tab: no model-info label or value is cut off', cut.length === 0, cut.map(([name]) => name).join(', '));
  results.check('model tab: the built-in model is in use', s.model.built_in === true, s.model.source);
  await shoot(page, 'phone-flow-5-model-tab');

  // Open the CSV with the button and the file picker.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), tap(page, 'button:open-csv')]);
  await chooser.setFiles(sample);
  s = await until(page, (x) => x.data && x.data.name === 'tiktok_3000.csv', 'the sample to open', 60000);
  results.check('open CSV: 3,000 rows read', s.data.rows_loaded + s.data.rows_skipped === 3000, JSON.stringify(s.data));
  // The note names the button on this tab, and the tab scrolls by itself so the Train button is on screen.
  const note = s.log.filter((entry) => /^Opened tiktok_3000\.csv/.test(entry.text)).pop();
  results.check('open CSV: the note names the Train button', /Train a model on it with the Train button\.$/.test(note.text), note.text);
  results.check('open CSV: the note does not point to the tab shown', !/See the Model tab/.test(note.text), note.text);
  await settle(page);
  s = await state(page);
  const shownTrain = s.widgets['button:train'];
  results.check('open CSV: the Train button is on screen without scrolling',
    Boolean(shownTrain) && shownTrain.visible && shownTrain.y >= 0 && shownTrain.y + shownTrain.h <= 740 &&
      shownTrain.x >= 0 && shownTrain.x + shownTrain.w <= 360, JSON.stringify(shownTrain));
  const summary = s.widgets['data:summary'];
  results.check('open CSV: the file summary stays on screen above it',
    Boolean(summary) && summary.visible && summary.y >= 0 && summary.y + summary.h <= shownTrain.y, JSON.stringify(summary));
  await shoot(page, 'phone-flow-6-csv-open');

  // Train: once a finger scrolled to it, the Train button is not under a floating message.
  await scrollTo(page, 'button:train', null, true);
  s = await state(page);
  // The floating message's window runs from a padding above its text to the bottom of the screen.
  const text = s.widgets['banner:message'];
  const banner = text && { x: 0, y: text.y - 16, w: 360, h: 740 - (text.y - 16) };
  const trainButton = s.widgets['button:train'];
  results.check('train: no floating message covers the Train button',
    !banner || !overlaps(banner, trainButton), JSON.stringify({ banner, trainButton }));
  await tap(page, 'button:train');
  s = await until(page, (x) => x.training.state !== 'idle', 'training to start', 30000);
  await shoot(page, 'phone-flow-7-training');
  s = await until(page, (x) => x.training.state !== 'running', 'training to finish', kTrainingTimeoutMs);
  results.check('train: training finishes', s.training.state === 'finished', JSON.stringify(s.training.state));

  // Compare, then use the new model. The card shows the comparison from the frame after training ends.
  s = await until(page, (x) => Boolean(x.widgets['training:compare']), 'the comparison').catch(() => state(page));
  results.check('compare: the comparison is drawn', Boolean(s.widgets['training:compare']));
  const metricNames = Object.entries(s.widgets).filter(([name]) => name.startsWith('compare-metrics:name:'));
  const cutNames = metricNames.filter(([name, rect]) => {
    const value = s.widgets[name.replace(':name:', ':value:')];
    return !value || rect.x + rect.w > value.x;
  });
  results.check('compare: the metric names are drawn', metricNames.length === 6, `${metricNames.length} names`);
  results.check('compare: no metric name is cut off', cutNames.length === 0, cutNames.map(([name]) => name).join(', '));
  await scrollTo(page, 'button:use-model', null, true);
  await shoot(page, 'phone-flow-8-compare');
  await tap(page, 'button:use-model');
  s = await until(page, (x) => /trained in this page/.test(x.model.source), 'the new model to be used');
  results.check('use new model: the model in use is the new one', !s.model.built_in && s.model.train_rows > 0, s.model.source);
  await shoot(page, 'phone-flow-9-new-model');

  // Back in the chat, the new model predicts.
  await tap(page, 'tab:chat');
  await until(page, (x) => x.tab === 'chat', 'the chat tab');
  s = await typeInChat(page, 'what if I had 900 comments?');
  const newLive = await live(page);
  results.check('chat again: the what-if is read', s.slots.comments === 900, JSON.stringify(s.slots));
  results.check('chat again: a prediction is shown', /^Predicted likes: \d/.test(newLive), newLive);
  await shoot(page, 'phone-flow-10-chat-again');

  // "Clear data" removes the kept model too.
  results.check('clear data: the model was kept in this browser',
    (await page.evaluate(() => localStorage.getItem('likecast.model.meta'))) !== null);
  await tap(page, 'button:clear-data');
  await until(page, (x) => x.widgets['button:clear-confirm'], 'the confirmation');
  await shoot(page, 'phone-flow-11-clear');
  await tap(page, 'button:clear-confirm');
  s = await until(page, (x) => x.log.length === 1, 'the data to clear');
  results.check('clear data: the built-in model is in use again', s.model.built_in === true, s.model.source);
  results.check('clear data: no model is kept in this browser',
    (await page.evaluate(() => localStorage.getItem('likecast.model.meta'))) === null);
  await page.reload();
  await waitReady(page);
  await page.waitForTimeout(300);   // a kept model would arrive a task after the built-in one
  s = await state(page);
  results.check('clear data: after a reload the built-in model is in use', s.model.built_in === true, s.model.source);
  await shoot(page, 'phone-flow-12-after-clear');
  results.check('no page errors', errors.length === 0, errors.join('; '));
});
