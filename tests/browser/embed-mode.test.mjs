// Browser test of embed mode. A host page puts the widget in a 400x600
// iframe with ?embed=1. The widget shows the compact layout (inputs, the
// prediction card, a one-line chat) that fits, takes its scenario, theme and
// compact setting from the query, and replies in its chat. It reports its
// content height to the host with postMessage({type: "likecast:height"}).
import { cliLikes, devices, runFlow, shoot } from './page_helpers.mjs';

async function openHost(browser, url, query, device) {
  const context = await browser.newContext({ ...devices[device], colorScheme: 'light' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const width = device === 'phone' ? 340 : 400;
  // The host page is served by the test itself, from the same loopback server address.
  await page.route(`${url}host.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><body style="margin:0;background:#ddd">
      <iframe id="widget" src="${url}?${query}" width="${width}" height="600" style="border:0"></iframe></body>`,
  }));
  await page.addInitScript(() => {
    window.heights = [];
    window.addEventListener('message', (event) => {
      if (event.data && event.data.type === 'likecast:height') window.heights.push(event.data.height);
    });
  });
  await page.goto(`${url}host.html`);
  const frame = page.frame({ url: /embed=1/ });
  await frame.waitForFunction(() => window.likecastTest && window.likecastTest.ready() &&
    window.likecastTest.state().model.loaded && window.likecastTest.state().frames > 3, null, { timeout: 20000 });
  return { context, page, frame, errors };
}

await runFlow('browser-embed', async ({ browser, url, results }) => {
  const query = 'embed=1&theme=dark&compact=1&views=120000&shares=3400&comments=560&downloads=900&duration=32';
  for (const device of ['desktop', 'phone']) {
    const { context, page, frame, errors } = await openHost(browser, url, query, device);
    let s = await frame.evaluate(() => window.likecastTest.state());
    results.check(`${device}: embed=1 gives the embed layout`, s.layout === 'embed', s.layout);
    results.check(`${device}: theme=dark and compact=1 apply`, s.theme === 'dark' && s.compact === true, `${s.theme} ${s.compact}`);
    results.check(`${device}: the query sets the scenario`, s.slots.views === 120000 && s.slots.duration_sec === 32);
    const live = await frame.textContent('#likecast-live');
    results.check(`${device}: the widget predicts what the CLI does`, live.startsWith(`Predicted likes: ${cliLikes(s.slots)}.`), live);
    const names = Object.keys(s.widgets);
    results.check(`${device}: inputs, the prediction card and the chat are shown`,
      names.includes('slider:views') && names.includes('prediction:likes') && names.includes('chat:input'), names.join(','));
    results.check(`${device}: no tabs or top bar in the widget`, !names.some((name) => name.startsWith('tab:') || name === 'title'));
    await page.waitForFunction(() => window.heights.length > 0, null, { timeout: 5000 }).catch(() => {});
    const heights = await page.evaluate(() => window.heights);
    const last = heights[heights.length - 1];
    results.check(`${device}: the widget reports its height to the host`, heights.length > 0 && last > 200, JSON.stringify(heights));
    results.check(`${device}: the content fits 600 px`, last <= 600 && s.content_height <= 600, `${last}, ${s.content_height}`);
    const chat = s.widgets['chat:input'];
    results.check(`${device}: the chat input is inside the 600 px frame`, chat.y + chat.h <= 600, JSON.stringify(chat));

    await frame.focus('#likecast-chat-input');
    await page.keyboard.type('what if I doubled my shares?');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => window.likecastTest.state().slots.shares === 6800, null, { timeout: 5000 }).catch(() => {});
    s = await frame.evaluate(() => window.likecastTest.state());
    results.check(`${device}: the one-line chat takes a what-if`, s.slots.shares === 6800, JSON.stringify(s.slots));
    results.check(`${device}: the embedded widget keeps nothing in localStorage`,
      await frame.evaluate(() => window.localStorage.getItem('likecast.state') === null));
    await page.waitForTimeout(200);
    await shoot(page, `embed-${device}`);
    results.check(`${device}: no page errors`, errors.length === 0, errors.join('; '));
    await context.close();
  }
});
