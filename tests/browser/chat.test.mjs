// Browser test of the chat. On desktop the chat input has the keyboard when
// the page opens. A conversation typed from the keyboard fills the scenario,
// and the reply and the aria-live mirror carry the CLI's prediction.
// Quick-reply chips send follow-ups, and a rejected value shows as an error.
// The same conversation runs on a phone.
import { cliLikes, liveLikes, openPage, runFlow, sendChat, shoot, state, click, tap, until } from './page_helpers.mjs';

await runFlow('browser-chat', async ({ browser, url, results }) => {
  for (const device of ['desktop', 'phone']) {
    const { context, page, errors } = await openPage(browser, url, { device });

    if (device === 'desktop') {
      const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
      results.check('desktop: chat input has the keyboard on open', focused === 'likecast-chat-input', `focus on ${focused}`);
      await page.keyboard.type('120k views, 3.4k shares, 560 comments, 900 downloads, 32 seconds');
      await page.keyboard.press('Enter');
    } else {
      await tap(page, 'chat:input');
      const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
      results.check('phone: tapping the chat input focuses the HTML input', focused === 'likecast-chat-input', `focus on ${focused}`);
      await page.keyboard.type('120k views, 3.4k shares, 560 comments, 900 downloads, 32 seconds');
      await page.keyboard.press('Enter');
    }
    let s = await until(page, (x) => x.log.some((e) => e.kind === 'assistant'), 'the first reply');
    results.check(`${device}: the message fills the scenario`,
      s.slots.views === 120000 && s.slots.shares === 3400 && s.slots.comments === 560 && s.slots.downloads === 900 &&
      s.slots.duration_sec === 32, JSON.stringify(s.slots));
    const users = s.log.filter((e) => e.kind === 'user');
    results.check(`${device}: the message shows as the user's`, users.length === 1 && users[0].text.startsWith('120k views'),
      JSON.stringify(users));
    const expected = cliLikes(s.slots);
    results.check(`${device}: live region has the CLI's prediction`, (await liveLikes(page)) === expected,
      `${await page.textContent('#likecast-live')} vs ${expected}`);
    results.check(`${device}: chat input is empty after sending`, (await page.inputValue('#likecast-chat-input')) === '');

    // Follow-ups: a typed question and a chip.
    s = await sendChat(page, 'why?');
    const why = s.log[s.log.length - 1];
    results.check(`${device}: "why?" gets an assistant explanation`, why.kind === 'assistant' && why.text.length > 40, why.text);
    const before = s.log.length;
    if (device === 'desktop') await click(page, 'chip:tips');
    else await tap(page, 'chip:tips');
    s = await until(page, (x) => x.log.length >= before + 2, 'the reply to the Tips chip');
    results.check(`${device}: the Tips chip sends "tips"`, s.log[before].kind === 'user' && s.log[before].text === 'tips',
      JSON.stringify(s.log[before]));

    // A value that cannot be stored is an error, and the scenario keeps its views.
    s = await sendChat(page, '-500 views');
    const refused = s.log[s.log.length - 1];
    results.check(`${device}: a negative count is an error reply`, refused.kind === 'error' && /views/.test(refused.text), JSON.stringify(refused));
    results.check(`${device}: the refused value is not stored`, s.slots.views === 120000, JSON.stringify(s.slots));
    results.check(`${device}: live region still starts with the prediction`, (await liveLikes(page)) === expected);

    // Keyboard navigation: Tab leaves the chat input for the canvas, Escape comes back.
    if (device === 'desktop') {
      await page.focus('#likecast-chat-input');
      await page.keyboard.press('Tab');
      const onCanvas = await page.evaluate(() => document.activeElement && document.activeElement.id);
      await page.keyboard.press('Escape');
      const back = await page.evaluate(() => document.activeElement && document.activeElement.id);
      results.check('desktop: Tab moves to the canvas and Escape back to the chat', onCanvas === 'canvas' && back === 'likecast-chat-input',
        `${onCanvas}, then ${back}`);
    }
    await shoot(page, `chat-${device}`);

    // The insights tab places the video in every plot.
    if (device === 'desktop') await click(page, 'tab:insights');
    else await tap(page, 'tab:insights');
    s = await until(page, (x) => x.tab === 'insights', 'the insights tab');
    results.check(`${device}: the insights tab draws its plots`,
      ['plot:histogram', 'plot:views', 'plot:segments', 'plot:attribution'].every((name) => s.widgets[name]),
      Object.keys(s.widgets).filter((name) => name.startsWith('plot:')).join(','));
    await shoot(page, `insights-${device}`);
    results.check(`${device}: no page errors`, errors.length === 0, errors.join('; '));
    await context.close();
  }
});
