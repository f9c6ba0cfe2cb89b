// Measures the page in headless Chromium (tests/browser/harness.mjs): time to
// the first ImGui frame over cold loads, the CPU an idle page uses, and the
// frame times while the page trains a model on a CSV file.
//   node bench/js/page.mjs WEB_DIR OUT.json [--loads N] [--idle-seconds S] [--data CSV] [--training-only]
// --training-only measures only the training (it needs --data) and writes just that to OUT.json.
// The app sets performance.mark('likecast-first-frame') after its first frame
// (src/app/main.cpp). Times count from navigation start, on 127.0.0.1.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { startBrowser, startServer } from '../../tests/browser/harness.mjs';

const kScenario = 'views=120000&shares=3400&comments=560&downloads=900&duration=32&verified=0&status=active';
const kViewport = { width: 1280, height: 800 };
const kTrainingTimeoutMs = 15 * 60 * 1000;   // a busy machine trains slowly; past this the run is reported unfinished

function parseArgs(argv) {
  const options = { webDir: argv[0], out: argv[1], loads: 10, idleSeconds: 10, data: '', trainingOnly: false };
  for (let i = 2; i < argv.length; i += 2) {
    if (argv[i] === '--training-only') {
      options.trainingOnly = true;
      i -= 1;   // a flag without a value
    } else if (argv[i] === '--loads') options.loads = Number(argv[i + 1]);
    else if (argv[i] === '--idle-seconds') options.idleSeconds = Number(argv[i + 1]);
    else if (argv[i] === '--data') options.data = argv[i + 1];
    else throw new Error(`unknown option ${argv[i]}; the options are --loads, --idle-seconds, --data, --training-only`);
  }
  if (!options.webDir || !options.out) {
    throw new Error('usage: node bench/js/page.mjs WEB_DIR OUT.json [--loads N] [--idle-seconds S] [--data CSV] [--training-only]');
  }
  if (options.trainingOnly && !options.data) throw new Error('--training-only needs --data CSV, the file to train on');
  return options;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : null;
}

// Records when the aria-live mirror first shows a prediction, from the document's start.
function watchPrediction() {
  new MutationObserver((changes, observer) => {
    const live = document.getElementById('likecast-live');
    if (live && /^Predicted likes/.test(live.textContent || '')) {
      window.likecastBenchPredictionMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function firstFrameMs(page, timeout = 30000) {
  const handle = await page.waitForFunction(
    () => performance.getEntriesByName('likecast-first-frame')[0]?.startTime, null, { timeout, polling: 20 });
  return handle.jsonValue();
}

// One load in a fresh browser, so no HTTP or compiled-wasm cache survives from the one before.
async function coldLoad(url) {
  const browser = await startBrowser();
  try {
    const page = await browser.newPage({ viewport: kViewport });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(watchPrediction);
    await page.goto(`${url}?${kScenario}`);
    const firstFrame = await firstFrameMs(page);
    await page.waitForFunction(() => window.likecastBenchPredictionMs !== undefined, null, { timeout: 20000 }).catch(() => {});
    const details = await page.evaluate(() => ({
      prediction: window.likecastBenchPredictionMs ?? null,
      resources: [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
        .map((entry) => ({ name: entry.name, bytes: entry.encodedBodySize })),
    }));
    return { firstFrame, prediction: details.prediction, resources: details.resources, errors };
  } finally {
    await browser.close();
  }
}

// The pids below `root` in the process tree, with their command lines.
function descendants(root) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* the process ended */ }
  }
  const found = [];
  const walk = (pid) => {
    for (const [child, parent] of parents) if (parent === pid) { found.push(child); walk(child); }
  };
  walk(root);
  return found;
}

// CPU seconds (user + system) of each Chromium process under this node process, keyed by pid.
function chromiumCpu() {
  const ticks = 100;   // USER_HZ on Linux
  const result = new Map();
  for (const pid of descendants(process.pid)) {
    try {
      // Chromium rewrites its command line into one space-separated string, so it is searched as text.
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!/chrom/.test(basename(cmdline.split(' ')[0]))) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const type = (/--type=(\S+)/.exec(cmdline) || [null, 'browser'])[1];
      result.set(pid, { type, seconds: (Number(fields[11]) + Number(fields[12])) / ticks });
    } catch { /* the process ended */ }
  }
  return result;
}

// CPU seconds per Chromium process type between two chromiumCpu() readings. On a busy machine the wall time
// stretches but these barely move, so they show what the run would cost on a quiet one.
function cpuByType(before, after) {
  const byType = {};
  for (const [pid, reading] of after) {
    const seconds = reading.seconds - (before.get(pid)?.seconds ?? 0);
    byType[reading.type] = Math.round(((byType[reading.type] || 0) + seconds) * 100) / 100;
  }
  return byType;
}

async function pageMetrics(client) {
  const { metrics } = await client.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

// Loads the page, lets it settle, then measures the CPU it uses over `seconds` with nothing happening.
async function idleCpu(url, seconds) {
  const browser = await startBrowser();
  try {
    const page = await browser.newPage({ viewport: kViewport });
    await page.addInitScript(watchPrediction);
    await page.goto(`${url}?${kScenario}`);
    await firstFrameMs(page);
    await page.waitForFunction(() => window.likecastBenchPredictionMs !== undefined, null, { timeout: 20000 }).catch(() => {});
    await page.waitForTimeout(3000);
    const client = await page.context().newCDPSession(page);
    await client.send('Performance.enable');
    const metricsBefore = await pageMetrics(client);
    const cpuBefore = chromiumCpu();
    await page.waitForTimeout(seconds * 1000);
    const cpuAfter = chromiumCpu();
    const metricsAfter = await pageMetrics(client);

    const byType = {};
    for (const [pid, after] of cpuAfter) {
      const before = cpuBefore.get(pid)?.seconds ?? 0;
      byType[after.type] = (byType[after.type] || 0) + (after.seconds - before) * 1000;
    }
    const totalMs = Object.values(byType).reduce((sum, ms) => sum + ms, 0);
    return {
      seconds,
      process_cpu_ms: byType,
      renderer_and_gpu_cpu_ms: (byType.renderer || 0) + (byType['gpu-process'] || 0),
      all_chromium_cpu_ms: totalMs,
      main_thread_task_ms: (metricsAfter.TaskDuration - metricsBefore.TaskDuration) * 1000,
      script_ms: (metricsAfter.ScriptDuration - metricsBefore.ScriptDuration) * 1000,
      layout_count: metricsAfter.LayoutCount - metricsBefore.LayoutCount,
    };
  } finally {
    await browser.close();
  }
}

// Trains in the page on `dataPath`: opens it through the page's file input, clicks the model tab and its
// train button where the app reports them (window.likecastTest, CSS pixels), and records the time of
// every frame until training ends. Returns { available: false, reason } when the page cannot train.
async function trainingFrames(url, dataPath) {
  const browser = await startBrowser();
  try {
    const page = await browser.newPage({ viewport: kViewport });
    await page.goto(url);
    await firstFrameMs(page);
    const hasTestState = await page.evaluate(() => typeof window.likecastTest?.state === 'function');
    if (!hasTestState || !(await page.$('#likecast-file'))) {
      return { available: false, reason: 'the page has no window.likecastTest.state() or no #likecast-file input' };
    }
    const state = () => page.evaluate(() => window.likecastTest.state());
    const until = async (test, what, timeout = 30000) => {
      for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(50)) {
        const current = await state();
        if (test(current)) return current;
      }
      throw new Error(`timed out waiting for ${what}`);
    };
    const click = async (name) => {
      const rect = (await state()).widgets?.[name];
      if (!rect) throw new Error(`widget ${name} was not drawn`);
      await page.mouse.click(rect.x + rect.w / 2, rect.y + rect.h / 2);
    };

    await until((s) => s.model?.loaded, 'the model to load');
    await page.setInputFiles('#likecast-file', dataPath);
    await until((s) => s.data, `the page to open ${basename(dataPath)}`);
    await click('tab:model');
    await until((s) => s.widgets?.['button:train'], 'the train button');
    // The button may sit below the fold: the wheel over the tab's content scrolls it into view.
    const pane = (await state()).widgets['pane:tab-content'];
    if (!pane) throw new Error('the page reports no pane:tab-content widget to scroll');
    for (let i = 0; i < 20 && !(await state()).widgets['button:train'].visible; i += 1) {
      await page.mouse.move(pane.x + pane.w / 2, pane.y + Math.min(pane.h / 2, 200));
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(100);
    }

    await page.evaluate(() => {
      window.likecastBenchFrames = [];
      const record = (time) => {
        window.likecastBenchFrames.push(time);
        requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    const cpuBefore = chromiumCpu();
    const started = Date.now();
    await click('button:train');
    await until((s) => s.training.state !== 'idle', 'training to start', 10000);
    let end;
    try {
      end = await until((s) => s.training.state !== 'running', 'training to end', kTrainingTimeoutMs);
    } catch {
      end = await state();   // still running: report how far it got
    }
    const wallSeconds = (Date.now() - started) / 1000;
    const cpuSeconds = cpuByType(cpuBefore, chromiumCpu());
    const times = await page.evaluate(() => window.likecastBenchFrames);
    const frames = times.slice(1).map((time, i) => time - times[i]);
    return {
      available: true, state: end.training.state, error: end.training.error, epochs: end.training.epochs_done,
      fraction_done: end.training.fraction,
      wall_seconds: wallSeconds, elapsed_ms: end.training.elapsed_ms, frames: frames.length,
      frame_median_ms: median(frames), frame_p95_ms: quantile(frames, 0.95), frame_max_ms: Math.max(...frames),
      cpu_seconds: cpuSeconds, max_slice_ms: end.training.max_slice_ms, train_loss_points: end.training.train_losses?.length ?? null,
      validation_loss_points: end.training.validation_losses?.length ?? null, new_metrics: end.training.new_metrics ?? null,
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { server, url } = await startServer(options.webDir);
  try {
    if (options.trainingOnly) {
      const training = await trainingFrames(url, options.data);
      writeFileSync(options.out, JSON.stringify({ training }, null, 1));
      return;
    }
    const loads = [];
    for (let i = 0; i < options.loads; i += 1) loads.push(await coldLoad(url));
    const result = {
      chromium: (await (async () => { const b = await startBrowser(); const v = b.version(); await b.close(); return v; })()),
      first_frame_ms: loads.map((load) => load.firstFrame),
      first_frame_median_ms: median(loads.map((load) => load.firstFrame)),
      first_prediction_median_ms: median(loads.map((load) => load.prediction).filter((ms) => ms !== null)),
      resources: loads[0].resources.map((entry) => ({ name: entry.name.replace(url, ''), bytes: entry.bytes })),
      page_errors: loads.flatMap((load) => load.errors),
      idle: await idleCpu(url, options.idleSeconds),
    };
    writeFileSync(options.out, JSON.stringify(result, null, 1));
    result.training = options.data
      ? await trainingFrames(url, options.data).catch((error) => ({ available: false, reason: error.message }))
      : { available: false, reason: 'no --data given' };
    writeFileSync(options.out, JSON.stringify(result, null, 1));
  } finally {
    server.close();
  }
}

main().catch((error) => {
  console.error(`error: the page bench failed: ${error.message}`);
  process.exit(1);
});
