// Browser test of saved state and links, on desktop and phone. A reload
// restores the chat and the scenario from localStorage. "Copy link" puts the
// scenario in the URL and on the clipboard, and the link opens that scenario
// in a fresh browser. Corrupt saved state is detected, reset and reported,
// and the page still predicts. "Clear data" empties the chat and the storage.
import {
  click, cliLikes, liveLikes, openPage, runFlow, sendChat, shoot, state, tap, until, waitReady,
} from './page_helpers.mjs';

await runFlow('browser-persistence', async ({ browser, url, results }) => {
  for (const device of ['desktop', 'phone']) {
    const press = device === 'desktop' ? click : tap;
    const context = await browser.newContext({
      ...(device === 'phone' ? { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }
        : { viewport: { width: 1280, height: 800 } }),
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    let { page, errors } = await openPage(browser, url, { device, context });
    await sendChat(page, '45k views, 900 shares, 150 comments, 80 downloads, 20 seconds');
    let s = await sendChat(page, 'what if I doubled my shares?');
    const saved = { log: s.log.length, slots: s.slots };

    // Reload: the chat and the scenario come back.
    await page.reload();
    await waitReady(page);
    s = await state(page);
    results.check(`${device}: a reload restores the chat`, s.log.length === saved.log && s.restored_turns === saved.log,
      `${s.log.length} entries, ${s.restored_turns} restored, ${saved.log} saved`);
    results.check(`${device}: a reload restores the scenario`, JSON.stringify(s.slots) === JSON.stringify(saved.slots),
      JSON.stringify(s.slots));
    results.check(`${device}: the restored scenario is predicted`, (await liveLikes(page)) === cliLikes(s.slots));

    // Copy link: the URL and the clipboard hold the scenario.
    await press(page, 'button:copy-link');
    s = await until(page, (x) => x.notice !== '', 'the copy-link notice');
    const href = page.url();
    results.check(`${device}: "Copy link" puts the scenario in the URL`, href.includes('views=45000') && href.includes('shares=1800'), href);
    const clipboard = await page.evaluate(() => navigator.clipboard.readText()).catch((error) => `(${error.message})`);
    results.check(`${device}: "Copy link" puts the link on the clipboard`, clipboard === href && /copied/.test(s.notice),
      `${clipboard} / ${s.notice}`);
    const fresh = await openPage(browser, href, { device });
    const opened = await state(fresh.page);
    results.check(`${device}: the link opens the scenario in a fresh browser`,
      opened.slots.views === 45000 && opened.slots.shares === 1800 && opened.slots.duration_sec === 20, JSON.stringify(opened.slots));
    await fresh.context.close();

    // Corrupt saved state: reset with a message, and the page works.
    await page.evaluate(() => window.localStorage.setItem('likecast.state', '{"format": "likecast-page", "version": 1, "log": [tru'));
    await page.goto(url + '?views=10000');
    await waitReady(page);
    s = await state(page);
    const message = s.log.find((entry) => entry.kind === 'error');
    results.check(`${device}: corrupt saved state is reported`, message && /saved chat could not be read/.test(message.text),
      JSON.stringify(s.log));
    results.check(`${device}: the page still predicts after corrupt state`, (await liveLikes(page)) === cliLikes(s.slots));
    const stored = await page.evaluate(() => window.localStorage.getItem('likecast.state'));
    results.check(`${device}: corrupt saved state is replaced`, stored === null || JSON.parse(stored).format === 'likecast-page',
      String(stored).slice(0, 80));
    const canvasShown = await page.evaluate(() => document.getElementById('canvas').width > 0);
    results.check(`${device}: corrupt saved state leaves no blank page`, canvasShown && s.widgets.title !== undefined);

    // Clear data.
    await press(page, 'button:clear-data');
    await until(page, (x) => x.widgets['button:clear-confirm'], 'the confirmation');
    await shoot(page, `persistence-confirm-${device}`);
    await press(page, 'button:clear-confirm');
    s = await until(page, (x) => x.log.length === 1 && Object.keys(x.slots).length === 0, 'the data to clear');
    const afterClear = await page.evaluate(() => window.localStorage.getItem('likecast.state'));
    results.check(`${device}: "Clear data" empties the chat, scenario and storage`, afterClear === null, String(afterClear).slice(0, 80));
    results.check(`${device}: "Clear data" takes the scenario out of the URL`, !page.url().includes('views='), page.url());
    await shoot(page, `persistence-${device}`);
    results.check(`${device}: no page errors`, errors.length === 0, errors.join('; '));
    await context.close();
  }
});
