// Browser test of the scenario panel and its sync with the chat: dragging a
// slider with the mouse (and with a finger on a phone) changes the slot and
// the prediction, which stays equal to the CLI's; an exact field takes a typed
// number (in the HTML editor on a phone); the "Shares x2" what-if chip
// doubles the shares the field set; "Undo" in the chat restores them; a
// recommendation's "Try it" sends its what-if to the chat.
import {
  click, cliLikes, liveLikes, openPage, runFlow, scrollTo, settle, shoot, state, tap, touchDrag, until, widget,
} from './page_helpers.mjs';

const start = 'views=50000&shares=800&comments=120&downloads=60&duration=25&verified=0&status=active';

await runFlow('browser-scenario', async ({ browser, url, results }) => {
  // --- Desktop: mouse ---
  {
    const { context, page, errors } = await openPage(browser, url, { query: start });
    let s = await state(page);
    results.check('desktop: the link sets the scenario', s.slots.views === 50000 && s.slots.shares === 800, JSON.stringify(s.slots));

    const slider = await widget(page, 'slider:views');
    await page.mouse.move(slider.x + slider.w * 0.3, slider.y + slider.h / 2);
    await page.mouse.down();
    for (let i = 1; i <= 6; i += 1) {
      await page.mouse.move(slider.x + slider.w * (0.3 + 0.06 * i), slider.y + slider.h / 2);
      await page.waitForTimeout(30);
    }
    await page.mouse.up();
    s = await until(page, (x) => x.slots.views !== 50000 && x.live.startsWith('Predicted likes'), 'the views slider to move');
    results.check('desktop: dragging the views slider raises views', s.slots.views > 50000, `views ${s.slots.views}`);
    results.check('desktop: the prediction after the drag equals the CLI\'s', (await liveLikes(page)) === cliLikes(s.slots),
      `${await liveLikes(page)} vs ${cliLikes(s.slots)}`);

    await click(page, 'field:shares');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2.5K');
    await page.keyboard.press('Enter');
    s = await until(page, (x) => x.slots.shares === 2500, 'shares typed as 2.5K');
    results.check('desktop: the exact field takes "2.5K"', s.slots.shares === 2500);
    results.check('desktop: the prediction after typing equals the CLI\'s', (await liveLikes(page)) === cliLikes(s.slots));

    await click(page, 'chip:shares-x2');
    s = await until(page, (x) => x.slots.shares === 5000, 'the Shares x2 chip');
    results.check('desktop: the Shares x2 chip doubles the shares the field set', s.slots.shares === 5000, JSON.stringify(s.slots));
    const reply = s.log[s.log.length - 1];
    results.check('desktop: the what-if reply compares with before', reply.kind === 'assistant' && /likes/.test(reply.text), reply.text);
    results.check('desktop: the prediction after the what-if equals the CLI\'s', (await liveLikes(page)) === cliLikes(s.slots));

    await click(page, 'chip:undo');
    s = await until(page, (x) => x.slots.shares === 2500, 'undo');
    results.check('desktop: the Undo chip restores the shares', s.slots.shares === 2500);

    await click(page, 'radio:banned');
    s = await until(page, (x) => x.slots.author_status === 2, 'the banned radio button');
    results.check('desktop: the account status radio sets the slot', s.slots.author_status === 2);
    await click(page, 'checkbox:verified');
    s = await until(page, (x) => x.slots.verified === 1, 'the verified checkbox');
    results.check('desktop: the prediction for a verified banned account equals the CLI\'s', (await liveLikes(page)) === cliLikes(s.slots));

    const tryIt = Object.keys(s.widgets).find((name) => name.startsWith('button:try-'));
    if (tryIt) {
      await scrollTo(page, tryIt, 'pane:tab-content');
      const before = s.log.length;
      await click(page, tryIt);
      s = await until(page, (x) => x.log.length >= before + 2, 'the Try it what-if');
      results.check('desktop: "Try it" asks the chat a what-if', /^what if/.test(s.log[before].text), s.log[before].text);
    } else {
      results.check('desktop: a recommendation offers "Try it"', false, 'no button:try-* drawn');
    }
    const pane = s.widgets['pane:tab-content'];
    await page.mouse.move(pane.x + pane.w / 2, pane.y + 100);
    await page.mouse.wheel(0, 300);
    s = await until(page, (x) => x.scroll.tab > 0, 'the wheel to scroll the tab').catch(() => s);
    results.check('desktop: the mouse wheel scrolls the tab down', s.scroll.tab > 0, `scroll ${s.scroll.tab}`);
    await shoot(page, 'scenario-desktop');
    results.check('desktop: no page errors', errors.length === 0, errors.join('; '));
    await context.close();
  }

  // --- Phone: touch ---
  {
    const { context, page, errors } = await openPage(browser, url, { device: 'phone', query: start });
    await tap(page, 'tab:video');
    await until(page, (x) => x.tab === 'video' && x.widgets['slider:views'], 'the Video tab');
    await settle(page);
    let s = await state(page);
    const slider = s.widgets['slider:views'];
    const y = slider.y + slider.h / 2;
    await touchDrag(page, { x: slider.x + slider.w * 0.3, y }, { x: slider.x + slider.w * 0.8, y });
    s = await until(page, (x) => x.slots.views !== 50000, 'the views slider to follow the finger');
    results.check('phone: a finger drag on the slider raises views', s.slots.views > 50000, `views ${s.slots.views}`);
    results.check('phone: the slider drag did not scroll the page', s.scroll.page === 0, `scroll ${s.scroll.page}`);
    results.check('phone: the prediction after the drag equals the CLI\'s', (await liveLikes(page)) === cliLikes(s.slots));

    await tap(page, 'field:comments');
    const editor = await page.evaluate(() => {
      const input = document.getElementById('likecast-number-input');
      return { hidden: input.hidden, focused: document.activeElement === input, value: input.value, mode: input.inputMode };
    });
    results.check('phone: tapping a number field opens the HTML editor with the keyboard',
      !editor.hidden && editor.focused && editor.value === '120' && editor.mode === 'decimal', JSON.stringify(editor));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1.5k');
    await page.keyboard.press('Enter');
    s = await until(page, (x) => x.slots.comments === 1500, 'comments typed on the phone');
    results.check('phone: the number typed in the editor sets the slot', s.slots.comments === 1500);

    const content = s.widgets['slider:views'];
    await touchDrag(page, { x: 180, y: 600 }, { x: 180, y: 250 });
    s = await until(page, (x) => x.scroll.page > 0, 'the page to scroll');
    results.check('phone: a finger drag on the page scrolls it', s.scroll.page > 100, `scroll ${s.scroll.page}`);
    results.check('phone: scrolling moved the widgets', s.widgets['slider:views'] === undefined || s.widgets['slider:views'].y < content.y);
    await shoot(page, 'scenario-phone');
    results.check('phone: no page errors', errors.length === 0, errors.join('; '));
    await context.close();
  }
});
