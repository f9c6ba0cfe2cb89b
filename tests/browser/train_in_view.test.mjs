// Browser test of the step after a CSV file opens on desktop. On the Model &
// data tab the tab scrolls only when the Train button is out of view, by just
// enough to show it under the file's summary, and the chat's note names the
// button. On another tab nothing scrolls and the note points to the Model tab.
// The phone's side of this is in phone_flow.test.mjs and phone.test.mjs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { click, dataPath, openPage, runFlow, settle, shoot, state, until } from './page_helpers.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'likecast-train-in-view-'));
const sample = join(scratch, 'tiktok_500.csv');
writeFileSync(sample, readFileSync(dataPath, 'utf8').split('\n').slice(0, 501).join('\n') + '\n');

// True when rectangle `inner` lies wholly inside rectangle `outer`.
const inside = (inner, outer) => Boolean(inner && outer) && inner.x >= outer.x && inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

// Opens a desktop page of `height` CSS pixels on `tab` and opens the sample in it. Returns the page with the
// app's state before the file and after the page settled.
async function openSampleOn(browser, url, tab, height) {
  const context = await browser.newContext({ viewport: { width: 1280, height } });
  const { page, errors } = await openPage(browser, url, { context });
  await click(page, `tab:${tab}`);
  await until(page, (x) => x.tab === tab, `the ${tab} tab`);
  await settle(page);
  const before = await state(page);
  await page.setInputFiles('#likecast-file', sample);
  await until(page, (x) => x.data && x.data.name === 'tiktok_500.csv', 'the sample to open');
  await settle(page);
  return { context, page, errors, before, after: await state(page) };
}

const noteOf = (s) => s.log.filter((entry) => /^Opened tiktok_500\.csv/.test(entry.text)).pop().text;

await runFlow('browser-train-in-view', async ({ browser, url, results }) => {
  // A tall window shows the Train button where it is drawn, so the tab does not move.
  let run = await openSampleOn(browser, url, 'model', 1100);
  let s = run.after;
  results.check('tall window: the Train button is in view', inside(s.widgets['button:train'], s.widgets['pane:tab-content']),
    JSON.stringify(s.widgets['button:train']));
  results.check('tall window: the tab does not scroll', s.scroll.tab === run.before.scroll.tab,
    `${run.before.scroll.tab} -> ${s.scroll.tab}`);
  results.check('tall window: the note names the Train button', /Train a model on it with the Train button\.$/.test(noteOf(s)),
    noteOf(s));
  results.check('tall window: no page errors', run.errors.length === 0, run.errors.join('; '));
  await run.context.close();

  // An 800-pixel window draws the button below the tab's fold. The tab scrolls it into view, and the file's
  // summary above it stays in view.
  run = await openSampleOn(browser, url, 'model', 800);
  s = run.after;
  const pane = s.widgets['pane:tab-content'];
  const train = s.widgets['button:train'];
  results.check('800 px window: the tab scrolls', s.scroll.tab > run.before.scroll.tab, `${run.before.scroll.tab} -> ${s.scroll.tab}`);
  results.check('800 px window: the Train button is in view', inside(train, pane), JSON.stringify({ train, pane }));
  results.check('800 px window: the button ends near the bottom of the tab', train && train.y + train.h > pane.y + pane.h - 40,
    JSON.stringify({ train, pane }));
  results.check('800 px window: the file summary stays in view', inside(s.widgets['data:summary'], pane),
    JSON.stringify(s.widgets['data:summary']));
  await shoot(run.page, 'train-in-view-desktop');
  results.check('800 px window: no page errors', run.errors.length === 0, run.errors.join('; '));
  await run.context.close();

  // On the video tab nothing scrolls, and the note points to the Model tab.
  run = await openSampleOn(browser, url, 'video', 800);
  s = run.after;
  results.check('video tab: it stays open', s.tab === 'video', s.tab);
  results.check('video tab: the tab does not scroll', s.scroll.tab === run.before.scroll.tab,
    `${run.before.scroll.tab} -> ${s.scroll.tab}`);
  results.check('video tab: the note points to the Model tab', /See the Model tab to train on it\.$/.test(noteOf(s)), noteOf(s));
  results.check('video tab: no page errors', run.errors.length === 0, run.errors.join('; '));
  await run.context.close();
});
