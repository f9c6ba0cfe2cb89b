// Browser test of the phone layout (360x740 CSS pixels, 3x pixels, touch).
// The page is one column with tabs, and every control is at least 44 CSS
// pixels tall. The canvas backing store is 3x its CSS size with fonts built
// for it (crisp text). The quick replies wrap as whole chips in even rows.
// The HTML chat input sits over the chat box ImGui draws and takes the
// keyboard when tapped. Finger drags scroll the chat history
// and the long tabs, and a tap after a scroll presses what it lands on.
import { join } from 'node:path';
import { casesDir, openPage, runFlow, sendChat, settle, shoot, state, tap, touchDrag, until } from './page_helpers.mjs';

const csvPath = join(casesDir, 'csv', 'na_cells.csv');

await runFlow('browser-phone', async ({ browser, url, results }) => {
  const query = 'views=120000&shares=3400&comments=560&downloads=900&duration=32&verified=0&status=active';
  const { page, errors } = await openPage(browser, url, { device: 'phone', query });
  let s = await state(page);
  results.check('phone: one column with tabs', s.layout === 'one-column' && s.widgets['tab:chat'] && s.widgets['tab:video']);
  results.check('phone: touch mode is on (coarse pointer)', s.touch === true);
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
  });
  results.check('phone: the canvas backing store is 3x its CSS size',
    canvas.width === canvas.cssWidth * 3 && canvas.height === canvas.cssHeight * 3 && s.scale === 3, JSON.stringify(canvas));

  // Touch targets on every tab.
  const small = [];
  for (const tab of ['chat', 'video', 'insights', 'model']) {
    await tap(page, `tab:${tab}`);
    s = await until(page, (x) => x.tab === tab, `the ${tab} tab`);
    for (const [name, rect] of Object.entries(s.widgets)) {
      const control = /^(tab|button|chip|field|slider|checkbox|radio):/.test(name);
      if (control && rect.visible && rect.h < 44) small.push(`${name} ${rect.h.toFixed(1)}px`);
    }
    if (tab === 'video') await shoot(page, 'phone-video');
    if (tab === 'insights') await shoot(page, 'phone-insights');
  }
  results.check('phone: every control is at least 44 CSS px tall', small.length === 0, small.join(', '));

  // The keyboard bridge.
  await tap(page, 'tab:chat');
  s = await until(page, (x) => x.tab === 'chat' && x.widgets['chat:input'], 'the chat tab');

  // The quick replies: whole chips inside the chat pane, in rows that end at the same right edge.
  const pane = s.widgets['chat:history'];
  const chips = Object.entries(s.widgets).filter(([name]) => name.startsWith('chip:')).map(([name, rect]) => ({ name, ...rect }));
  const outside = chips.filter((chip) => !chip.visible || chip.x < pane.x - 1 || chip.x + chip.w > pane.x + pane.w + 1);
  results.check('phone: every quick reply is a whole chip inside the chat pane', chips.length === 5 && outside.length === 0,
    JSON.stringify(outside.length ? outside : chips.length));
  const rows = [...new Set(chips.map((chip) => Math.round(chip.y)))];
  const rowEnds = rows.map((y) => Math.max(...chips.filter((chip) => Math.round(chip.y) === y).map((chip) => chip.x + chip.w)));
  results.check('phone: rows of quick replies span the pane evenly', rows.length >= 2 &&
    rowEnds.every((end) => Math.abs(end - rowEnds[0]) <= 2 && end > pane.x + pane.w - 12), JSON.stringify({ rows, rowEnds, pane }));
  results.check('phone: quick replies are at least 44 CSS px tall', chips.every((chip) => chip.h >= 44),
    chips.map((chip) => chip.h).join(', '));
  const box = s.widgets['chat:input'];
  const input = await page.evaluate(() => {
    const element = document.getElementById('likecast-chat-input');
    const rect = element.getBoundingClientRect();
    return { hidden: element.hidden, x: rect.x, y: rect.y, w: rect.width, h: rect.height, mode: element.enterKeyHint };
  });
  const over = Math.abs(input.x - box.x) < 2 && Math.abs(input.y - box.y) < 2 && Math.abs(input.w - box.w) < 2 && Math.abs(input.h - box.h) < 2;
  results.check('phone: the HTML chat input covers the chat box', !input.hidden && over, `${JSON.stringify(input)} vs ${JSON.stringify(box)}`);
  results.check('phone: the chat input is not focused before a tap (no keyboard on open)',
    await page.evaluate(() => document.activeElement !== document.getElementById('likecast-chat-input')));
  await page.touchscreen.tap(box.x + box.w / 2, box.y + box.h / 2);
  results.check('phone: tapping the chat box focuses the HTML input',
    await page.evaluate(() => document.activeElement === document.getElementById('likecast-chat-input')));
  for (const message of ['what if comments were 900?', 'why?', 'tips', 'what if I doubled my shares?']) await sendChat(page, message);
  s = await state(page);
  results.check('phone: the chat history ends scrolled to the newest reply', s.scroll.chat > 0, `scroll ${s.scroll.chat}`);
  const history = s.widgets['chat:history'];
  const scrolled = s.scroll.chat;
  await touchDrag(page, { x: 180, y: history.y + 60 }, { x: 180, y: history.y + history.h - 40 });
  s = await until(page, (x) => x.scroll.chat < scrolled, 'the chat history to scroll back');
  results.check('phone: a finger drag scrolls the chat history', s.scroll.chat < scrolled, `${scrolled} -> ${s.scroll.chat}`);
  await shoot(page, 'phone-chat');

  // A long tab scrolls, and a tap after scrolling presses the button under it.
  await tap(page, 'tab:insights');
  await until(page, (x) => x.tab === 'insights', 'the insights tab');
  await touchDrag(page, { x: 180, y: 650 }, { x: 180, y: 200 });
  await page.waitForTimeout(500);
  s = await state(page);
  results.check('phone: a finger drag scrolls the insights tab', s.scroll.page > 100, `scroll ${s.scroll.page}`);
  // A file opened while another tab than the chat is shown: the chat's message about it floats over that
  // tab, and OK closes it, as a user would.
  await page.setInputFiles('#likecast-file', csvPath);
  s = await until(page, (x) => x.data !== null, 'the CSV to open');
  const noteElsewhere = s.log[s.log.length - 1].text;
  results.check('phone: a file opened on another tab points to the Model tab',
    /See the Model tab to train on it\.$/.test(noteElsewhere), noteElsewhere);
  await until(page, (x) => x.widgets['button:banner-ok'], 'the message about the opened file');
  await tap(page, 'button:banner-ok');
  s = await until(page, (x) => !x.widgets['banner:message'], 'the floating message to close');
  results.check('phone: OK closes the message floating over the insights tab', s.tab === 'insights');
  await tap(page, 'tab:model');
  await until(page, (x) => x.tab === 'model', 'the model tab');
  // The Model tab shows the file and training itself, so a note about them does not float over it.
  await page.setInputFiles('#likecast-file', csvPath);
  s = await until(page, (x) => x.log.filter((entry) => /^Opened na_cells.csv/.test(entry.text)).length === 2, 'the CSV to open again');
  results.check('phone: a note does not float over the model tab', !s.widgets['banner:message']);
  const noteOnModelTab = s.log[s.log.length - 1].text;
  results.check('phone: a file opened on the Model tab names the Train button',
    /Train a model on it with the Train button\.$/.test(noteOnModelTab), noteOnModelTab);
  // The tab brought the Train button into view by itself, so a finger drag scrolls back up to the file buttons.
  await settle(page);
  const scrolledToTrain = (await state(page)).scroll.page;
  await touchDrag(page, { x: 180, y: 350 }, { x: 180, y: 600 });
  await page.waitForTimeout(500);
  s = await state(page);
  const button = ['button:open-csv', 'button:load-model'].map((name) => s.widgets[name])
    .find((rect) => rect && rect.visible && rect.y > 0 && rect.y + rect.h < 740);
  results.check('phone: the model tab scrolled', s.scroll.page < scrolledToTrain, `scroll ${scrolledToTrain} -> ${s.scroll.page}`);
  if (button) {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => null),
      page.touchscreen.tap(button.x + button.w / 2, button.y + button.h / 2),
    ]);
    results.check('phone: a tap after scrolling presses the button under it', chooser !== null);
  } else {
    results.check('phone: a file button is on screen after the scroll', false, JSON.stringify(s.widgets['button:open-csv']));
  }
  await shoot(page, 'phone-model');
  results.check('phone: no page errors', errors.length === 0, errors.join('; '));
});
