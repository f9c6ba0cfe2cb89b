// Browser test of the theme and of the idle page: the page follows the
// system colour scheme, live; ?theme= overrides it; both palettes meet WCAG
// AA contrast (computed here from the colours the running page reports); the
// canvas really is dark in the dark theme; and an idle page draws no frames,
// while a hover or a keypress draws a few and then stops again.
import { openPage, runFlow, shoot, state, until } from './page_helpers.mjs';

function luminance(hex) {
  const channel = (i) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Text pairs need 4.5:1, outlines of controls 3:1 (WCAG 2.1 AA).
const pairs = [
  ['text', 'panel', 4.5], ['text', 'background', 4.5], ['text', 'frame', 4.5], ['text', 'user_bubble', 4.5],
  ['text', 'assistant_bubble', 4.5], ['text', 'error_bubble', 4.5], ['muted', 'panel', 4.5], ['muted', 'background', 4.5],
  ['muted', 'frame', 4.5], ['muted', 'assistant_bubble', 4.5], ['accent', 'panel', 4.5], ['accent_text', 'accent', 4.5],
  ['error', 'panel', 4.5], ['error', 'error_bubble', 4.5], ['good', 'panel', 4.5], ['bar', 'panel', 3],
  ['border', 'panel', 3], ['accent', 'frame', 3],
];

// The mean brightness (0-255) of the canvas's top-left corner, from a screenshot.
async function cornerBrightness(page) {
  const shot = await page.screenshot({ clip: { x: 2, y: 2, width: 4, height: 4 } });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
    return sum / (data.length / 4);
  }, shot.toString('base64'));
}

await runFlow('browser-theme', async ({ browser, url, results }) => {
  const query = 'views=120000&shares=3400&comments=560&downloads=900&duration=32';
  for (const device of ['desktop', 'phone']) {
    const { context, page, errors } = await openPage(browser, url, { device, query, colorScheme: 'dark' });
    let s = await state(page);
    results.check(`${device}: a dark system gives the dark theme`, s.theme === 'dark' && s.palette.name === 'dark', s.theme);
    results.check(`${device}: the dark canvas is dark`, (await cornerBrightness(page)) < 60);
    results.check(`${device}: the page's inputs take the dark colours`,
      await page.evaluate(() => document.documentElement.dataset.theme === 'dark'));
    for (const [fg, bg, minimum] of pairs) {
      const ratio = contrast(s.palette[fg], s.palette[bg]);
      results.check(`${device} dark: ${fg} on ${bg} is at least ${minimum}:1`, ratio >= minimum, ratio.toFixed(2));
    }
    await shoot(page, `theme-dark-${device}`);

    await page.emulateMedia({ colorScheme: 'light' });
    s = await until(page, (x) => x.theme === 'light', 'the light theme to follow the system');
    results.check(`${device}: switching the system to light switches the page live`, s.palette.name === 'light');
    results.check(`${device}: the light canvas is light`, (await cornerBrightness(page)) > 200);
    for (const [fg, bg, minimum] of pairs) {
      const ratio = contrast(s.palette[fg], s.palette[bg]);
      results.check(`${device} light: ${fg} on ${bg} is at least ${minimum}:1`, ratio >= minimum, ratio.toFixed(2));
    }
    results.check(`${device}: no page errors`, errors.length === 0, errors.join('; '));
    await context.close();
  }

  // ?theme=dark wins over a light system.
  const forced = await openPage(browser, url, { query: 'theme=dark', colorScheme: 'light' });
  results.check('?theme=dark overrides a light system', (await state(forced.page)).theme === 'dark');

  // Idle: no frames while nothing changes; input draws a few, then the loop sleeps again.
  const page = forced.page;
  await page.waitForTimeout(800);
  const first = (await state(page)).frames;
  await page.waitForTimeout(1500);
  const idle = (await state(page)).frames;
  results.check('an idle page draws no frames', idle === first, `${idle - first} frames in 1.5 s`);
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await page.waitForTimeout(400);
  const woken = (await state(page)).frames;
  results.check('moving the mouse draws frames', woken > idle, `${woken - idle} frames`);
  await page.waitForTimeout(1500);
  const settled = (await state(page)).frames;
  await page.waitForTimeout(1500);
  results.check('after input the page sleeps again', (await state(page)).frames === settled);
  await page.focus('#likecast-chat-input');
  await page.keyboard.type('typing does not keep it awake');
  await page.waitForTimeout(800);
  const typed = (await state(page)).frames;
  await page.waitForTimeout(1500);
  results.check('a focused chat input with a caret draws no frames', (await state(page)).frames === typed);
  await forced.context.close();
});
