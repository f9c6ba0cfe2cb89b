// Writes docs/benchmarks.md from the JSON files scripts/bench collected: the
// targets with their measured values, the details behind each, the machine,
// the tool versions and the commands that produced them.
//   node bench/js/report.mjs RESULTS_DIR OUT.md
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const kKB = 1000;   // sizes are in kB of 1,000 bytes
const kIdleCpuLimitMs = 100;   // "near zero": under 1% of one core over the idle window of 10 s

function read(dir, name) {
  const path = join(dir, name);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

function run(command) {
  try {
    return execSync(command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not available';
  }
}

const fixed = (value, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? 'n/a' : Number(value).toFixed(digits));
const kb = (bytes) => `${fixed(bytes / kKB, 1)} kB`;
const mb = (bytes) => `${fixed(bytes / (1024 * 1024), 1)} MiB`;
function median(values) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
function met(ok) {
  if (ok === null) return 'not measured';
  return ok ? 'met' : '**not met**';
}

// The flags tried for the web build (top-level CMakeLists.txt, src/app/CMakeLists.txt) and what each did.
const kLevers = [
  ['all code -O3 (the starting point)', 'index.wasm 1,303 kB (504 kB gzip), index.js 136 kB (35.9 kB gzip)', ''],
  ['-Os for all wasm code but src/core/model, which keeps -O3', 'index.wasm 904 kB (395 kB gzip)', 'applied'],
  ['-Os at link (wasm-opt -Os)', 'index.wasm 2% smaller (-6.4 kB gzip); one Trainer::Step batch 25 ms instead of 2.2 ms', 'rejected'],
  ['-sMALLOC=emmalloc', 'index.wasm -7.0 kB gzip; Trainer::Step times within the noise of dlmalloc', 'applied'],
  ['-sFILESYSTEM=0 (the page gets files as bytes)', 'index.js 136 kB to 91 kB (35.9 kB to 23.8 kB gzip)', 'applied'],
  ['-msimd128 for src/core/model', 'Network::Forward 3.4-4.2 us to 1.6-2.3 us, Model::PredictLikes about 2x faster; training unchanged', 'applied'],
  ['Network::Forward over weights regrouped in panels of 16 outputs, written with the GCC/Clang vector extension',
    'CPU time per 8-64-32-5 network, timed by hand on this machine at load average 9 to 15: native 670 to 254 ns, ' +
      'wasm 590 to 268 ns; same outputs as the plain loops',
    'applied'],
  ['-finline-functions for network.cpp, model.cpp and features.cpp: emcc 3.1.6 keeps the -fno-inline-functions of -Os ' +
    'after a later -O3', 'wasm, load average 2.6: Network::Forward 291 to 266 ns, Model::PredictLikes 1356 to 1236 ns; ' +
    'likecast-api.wasm +2.1 kB gzip', 'applied'],
  ['-finline-functions for all of src/core/model', 'likecast-api.wasm +11.6 kB gzip; Trainer::Step slices no faster', 'rejected'],
  ['the last layers of the 4 networks side by side, computing only the heads PredictLikes reads (bit-identical)',
    '2026-12-05, quiet machine, 5 runs of each build in turn: wasm Model::PredictLikes median 1,187 ns against 1,185 ns ' +
      'before; Network::Forward 242 against 231 ns', 'rejected'],
  ['skip the inputs that are zero in each layer (bit-identical)', 'no input is zero: the hidden layers use leaky_relu, ' +
    'which is zero only at 0: none of the 7.9 million layer inputs of the 4 networks over the 19,084 rows is zero; wasm Network::Forward 231 to 423 ns', 'rejected'],
  ['hidden widths 32,32 instead of 64,32 (`likecast train --hidden 32,32`, a new model rather than a flag)',
    'wasm Model::PredictLikes 706 ns against 1,180 ns. On 5 internal folds of the training rows (the test split left ' +
      'out) with 3 seeds, R² -0.0003 ± 0.0004 and R² (log) -0.0001 ± 0.0001 against 64,32. The shipped model ties the ' +
      'reference R² at four decimals, so a retrained model would more likely than not fall below it', 'not applied'],
  ['--closure 1', "not available: Debian's emcc 3.1.6 looks for `closure-compiler`, which is not installed, and Debian 12's " +
    'closure-compiler package (20130227) predates what emcc 3.1.6 expects', 'not applied'],
  ['-fno-rtti', 'tiny-dnn needs RTTI (dynamic_cast in tiny_dnn/nodes.h), so not for the core; not measured for ImGui and the app', 'not applied'],
  ['ImGui without its demo, debug tools, obsolete and file functions; Inter subset to the characters the page shows',
    'already in src/app/CMakeLists.txt', 'kept'],
];

function machine() {
  const lscpu = run('lscpu');
  const field = (name) => (lscpu.match(new RegExp(`^${name}:\\s*(.+)$`, 'm')) || [])[1] || 'unknown';
  const memory = run("free -m | awk '/^Mem:/ {print $2}'");
  return { model: field('Model name'), cpus: field('CPU\\(s\\)'), memory_mib: memory };
}

function tools(page) {
  return [
    ['Emscripten', run('emcc --version | head -1')],
    ['clang (wasm)', run('clang-14 --version | head -1') ],
    ['binaryen', run('wasm-opt --version')],
    ['C++ compiler (native)', run('c++ --version | head -1')],
    ['Node.js', run('node --version')],
    ['Chromium', page?.chromium || run('chromium --version')],
    ['CMake', run('cmake --version | head -1')],
  ];
}

function targetRows(r) {
  const rows = [];
  const total = r.sizes?.total;
  rows.push(['Total download (gzip)', '<= 600 kB', total ? kb(total.gzip) : 'n/a', met(total ? total.gzip <= 600 * kKB : null)]);
  const firstFrame = r.page?.first_frame_median_ms;
  rows.push(['Time to first frame (median of cold loads)', '<= 400 ms', `${fixed(firstFrame, 0)} ms`,
    met(firstFrame === undefined ? null : firstFrame <= 400)]);
  const wasmPredict = r.wasm?.predict?.predict_likes_ns;
  rows.push(['Model::PredictLikes in wasm', '<= 1 us', `${fixed(wasmPredict, 0)} ns`, met(wasmPredict === undefined ? null : wasmPredict <= 1000)]);
  const jsPredict = r.js?.predict_likes_ns;
  rows.push(['wasm prediction vs plain JavaScript', 'faster', jsPredict && wasmPredict ? `${fixed(jsPredict / wasmPredict, 2)}x faster` : 'n/a',
    met(jsPredict && wasmPredict ? wasmPredict < jsPredict : null)]);

  const training = r.page?.training;
  if (training?.available && training.state === 'finished') {
    rows.push(['In-page training, full dataset (wall time in Chromium)', '<= 15 s', `${fixed(training.wall_seconds, 1)} s`, met(training.wall_seconds <= 15)]);
    rows.push(['p95 frame time while training in the page', '<= 50 ms', `${fixed(training.frame_p95_ms, 1)} ms`, met(training.frame_p95_ms <= 50)]);
  } else {
    const seconds = r.wasm?.train?.seconds;
    rows.push(['Training, full dataset (TrainModel in wasm under Node.js, standing in for the page: see Training)', '<= 15 s',
      `${fixed(seconds, 1)} s`, met(seconds === undefined ? null : seconds <= 15)]);
    const slice = pageSlice(r);
    rows.push([`p95 time of one Trainer::Step(${slice?.batches ?? '?'}) slice in wasm (stands in for the frame time)`, '<= 50 ms',
      `${fixed(slice?.p95_ms, 1)} ms`, met(slice ? slice.p95_ms <= 50 : null)]);
  }
  const heap = r.wasm?.heap?.after_train;
  rows.push(['Peak wasm memory (dataset loaded and a model trained)', '<= 64 MiB', heap ? mb(heap) : 'n/a', met(heap ? heap <= 64 * 1024 * 1024 : null)]);
  const idle = r.page?.idle?.renderer_and_gpu_cpu_ms;
  rows.push([`Idle CPU, renderer + GPU process over ${r.page?.idle?.seconds ?? 10} s`, `near zero (< ${kIdleCpuLimitMs} ms)`,
    `${fixed(idle, 0)} ms`, met(idle === undefined ? null : idle < kIdleCpuLimitMs)]);
  return rows;
}

// The slice size the page's training uses: one batch per Step, repeated up to its frame budget.
function pageSlice(r) {
  const slices = r.wasm?.slices || [];
  return slices.find((slice) => slice.batches === 1) || slices[0];
}

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function main() {
  const [dir, out] = process.argv.slice(2);
  const r = {
    native: read(dir, 'native.json'), wasm: read(dir, 'wasm.json'), js: read(dir, 'js.json'),
    page: read(dir, 'page.json'), sizes: read(dir, 'sizes.json'), env: read(dir, 'env.json'),
  };
  const model = read(dir, 'model.json');
  r.networks = model ? 1 + (model.ensemble || []).length : 1;
  const box = machine();
  const lines = [];
  lines.push('# LikeCast benchmarks', '');
  lines.push(`Written by \`scripts/bench\` on ${r.env?.date ?? new Date().toISOString()}; every run overwrites this page.`);
  lines.push(`Machine: ${box.model}, ${box.cpus} CPUs, ${fixed(box.memory_mib / 1024, 1)} GiB memory. ` +
    `Load average before the run: ${r.env?.load_before ?? 'n/a'}; after: ${r.env?.load_after ?? 'n/a'}.`);
  const load = Number.parseFloat(r.env?.load_before ?? '0');
  if (load >= 2) {
    lines.push('', `NOTE: the machine was busy (load average ${fixed(load, 1)} on ${box.cpus} CPUs, from other builds), so every ` +
      'time on this page is slower than on a quiet machine. Sizes and memory do not depend on the load.');
  }
  lines.push('', '## Targets', '');
  lines.push(table(['what', 'target', 'measured', ''], targetRows(r)));

  lines.push('', '## Download sizes', '');
  lines.push('What the page fetches on a cold load, and its other files in the build (a service worker fetches those later).', '');
  const files = (r.sizes?.files || []).map((f) => [f.name, f.fetched_on_load ? 'yes' : 'no', kb(f.raw), kb(f.gzip), kb(f.brotli)]);
  if (r.sizes) files.push(['**total**', '', kb(r.sizes.total.raw), kb(r.sizes.total.gzip), kb(r.sizes.total.brotli)]);
  lines.push(table(['file', 'fetched on load', 'raw', 'gzip -9', 'brotli 11'], files));
  const precache = r.sizes?.service_worker_precache;
  if (precache?.files.length) {
    lines.push('', `On a first visit the service worker (sw.js) then caches ${precache.files.length} files: ${precache.files.join(', ')}. ` +
      `It fetches them again with cache: 'reload', ${kb(precache.gzip)} gzip (${kb(precache.brotli)} brotli), so the page's own ` +
      'files cross the network twice. The target above counts the page\'s files once.');
  }
  lines.push('', 'The Inter font subsets are embedded in index.wasm (counted there); on their own they are:', '');
  lines.push(table(['font subset', 'raw', 'gzip -9', 'brotli 11'], (r.sizes?.fonts || []).map((f) => [f.name, kb(f.raw), kb(f.gzip), kb(f.brotli)])));

  lines.push('', '## Prediction latency', '');
  lines.push('Median nanoseconds per call over rounds of calls, on inputs cycled from 256 rows of the dataset. ' +
    'wasm and JavaScript run in the same Node.js; "vs wasm" is how many times slower than the wasm Model::PredictLikes or Network::Forward.', '');
  const latency = [];
  const wasmP = r.wasm?.predict, natP = r.native?.predict;
  const ratio = (value, base) => (value && base ? `${fixed(value / base, 2)}x` : 'n/a');
  latency.push(['Model::PredictLikes (features, network, decoding)', fixed(natP?.predict_likes_ns, 0), fixed(wasmP?.predict_likes_ns, 0), '1.00x']);
  latency.push(['- of which FeaturePipeline::Encode', fixed(natP?.encode_ns, 0), fixed(wasmP?.encode_ns, 0), '']);
  latency.push(['- of which Model::RunNetwork (features, every network, the average)', fixed(natP?.run_network_ns, 0),
    fixed(wasmP?.run_network_ns, 0), '']);
  latency.push(['Network::Forward', fixed(natP?.forward_ns, 0), fixed(wasmP?.forward_ns, 0), '1.00x']);
  latency.push(['Network::ForwardPlain (plain loops, same outputs)', fixed(natP?.forward_plain_ns, 0),
    fixed(wasmP?.forward_plain_ns, 0), ratio(wasmP?.forward_plain_ns, wasmP?.forward_ns)]);
  latency.push(["tiny-dnn's network::predict, same weights", fixed(natP?.tiny_dnn_predict_ns, 0), fixed(wasmP?.tiny_dnn_predict_ns, 0),
    ratio(wasmP?.tiny_dnn_predict_ns, wasmP?.forward_ns)]);
  latency.push(['plain JavaScript predictLikes (bench/js/predict.mjs)', '', fixed(r.js?.predict_likes_ns, 0), ratio(r.js?.predict_likes_ns, wasmP?.predict_likes_ns)]);
  latency.push(['plain JavaScript forward (bench/js/predict.mjs)', '', fixed(r.js?.forward_ns, 0), ratio(r.js?.forward_ns, wasmP?.forward_ns)]);
  lines.push(table(['what', 'native ns', 'wasm / JS ns', 'vs wasm'], latency));
  lines.push('', `Checks: tiny-dnn and Network::Forward differ by at most ${wasmP?.tiny_dnn_max_abs_difference ?? 'n/a'} per output (wasm); ` +
    `the JavaScript version's likes differ from the C++ ones by at most ${r.js?.max_relative_likes_difference ?? 'n/a'} (relative). ` +
    `Predictions used ${wasmP && r.wasm?.model?.loaded ? 'models/likecast.json' : 'the model trained in the same run (models/likecast.json is of another format version)'}` +
    (r.networks > 1 ? `, an ensemble of ${r.networks} networks, so one Model::PredictLikes runs Network::Forward ${r.networks} times.` : '.'));

  lines.push('', 'Why Model::PredictLikes stays above 1 us in wasm: one 8-64-32-5 network does 2,816 multiply-adds (the ' +
    'last layer padded to 8 outputs), that is 704 four-lane multiplies and 704 four-lane adds. WebAssembly SIMD as Emscripten ' +
    '3.1.6 builds it has no fused multiply-add, and this CPU issues at most two such vector operations per cycle. So the 4 ' +
    'networks need at least 2,816 cycles: 0.79 us at 3.55 GHz (the clock measured with a chain of dependent adds), before ' +
    'the features and the decoding. The 4 networks\' 45 kB of weights also nearly fill the 48 kB L1 data cache. The build ' +
    'levers below list what was tried against it.');

  lines.push('', '## Training', '');
  const train = (p) => p?.train;
  lines.push(table(['what', 'native', 'wasm (Node.js)'], [
    ['TrainModel, default options, whole file', `${fixed(train(r.native)?.seconds, 1)} s`, `${fixed(train(r.wasm)?.seconds, 1)} s`],
    ['epochs run (best epoch)', `${train(r.native)?.epochs_run ?? 'n/a'} (${train(r.native)?.best_epoch ?? 'n/a'})`,
      `${train(r.wasm)?.epochs_run ?? 'n/a'} (${train(r.wasm)?.best_epoch ?? 'n/a'})`],
    ['rows in the file / training rows', `${r.native?.dataset?.rows ?? 'n/a'} / ${train(r.native)?.train_rows ?? 'n/a'}`,
      `${r.wasm?.dataset?.rows ?? 'n/a'} / ${train(r.wasm)?.train_rows ?? 'n/a'}`],
    ['memory after loading the file', `${mb(r.native?.heap?.after_load ?? NaN)} (peak RSS)`, `${mb(r.wasm?.heap?.after_load ?? NaN)} (wasm memory)`],
    ['memory after training', `${mb(r.native?.heap?.after_train ?? NaN)} (peak RSS)`, `${mb(r.wasm?.heap?.after_train ?? NaN)} (wasm memory)`],
  ]));
  lines.push('', 'One Trainer::Step slice (milliseconds; slices that end an epoch also score the validation rows):', '');
  const sliceRows = [];
  for (const [platform, p] of [['native', r.native], ['wasm', r.wasm]]) {
    for (const s of p?.slices || []) sliceRows.push([platform, s.batches, s.slices, fixed(s.median_ms, 2), fixed(s.p95_ms, 2), fixed(s.max_ms, 2)]);
  }
  lines.push(table(['platform', 'batches per slice', 'slices timed', 'median', 'p95', 'max'], sliceRows));
  const createMs = (p) => median((p?.slices || []).map((s) => s.create_ms).filter((ms) => ms !== undefined));
  lines.push('', `Trainer::Create, which the page runs in one frame when Train is pressed (split, imputation, benchmarks, ` +
    `insights, features), took a median ${fixed(createMs(r.native), 1)} ms natively and ${fixed(createMs(r.wasm), 1)} ms in wasm ` +
    'over the slice sizes above.');
  const t = r.page?.training;
  lines.push('', t?.available
    ? `In the page (headless Chromium, swiftshader WebGL), training ${t.state} after ${fixed(t.wall_seconds, 1)} s wall time: ` +
      `${t.epochs} epochs, ${fixed(100 * (t.fraction_done ?? 0), 0)}% of the epoch limit, ${fixed(t.elapsed_ms / 1000, 1)} s of frames ` +
      `by the app's own count. Its ${t.frames} frames took a median ${fixed(t.frame_median_ms, 1)} ms, p95 ` +
      `${fixed(t.frame_p95_ms, 1)} ms, max ${fixed(t.frame_max_ms, 1)} ms.`
    : `In-page training was not measured: ${t?.reason ?? 'no page results'}.`);

  lines.push('', '## Page load and idle CPU', '');
  const p = r.page;
  lines.push(`First frame (performance.mark('likecast-first-frame') after the first ImGui render, from navigation start), ` +
    `${p?.first_frame_ms?.length ?? 0} cold loads, each in a new browser: ${(p?.first_frame_ms || []).map((ms) => fixed(ms, 0)).join(', ')} ms; ` +
    `median ${fixed(p?.first_frame_median_ms, 0)} ms. First prediction shown: median ${fixed(p?.first_prediction_median_ms, 0)} ms.`);
  if (p?.page_errors?.length) lines.push('', `Page errors during the loads: ${p.page_errors.join('; ')}`);
  const idle = p?.idle;
  if (idle) {
    lines.push('', `The page was idle for ${idle.seconds} s after the first prediction and 3 s of settling. CPU time by Chromium ` +
      `process type (from /proc): ${Object.entries(idle.process_cpu_ms).map(([type, ms]) => `${type} ${fixed(ms, 0)} ms`).join(', ')}. ` +
      `Main-thread task time (DevTools Performance.getMetrics) was ${fixed(idle.main_thread_task_ms, 1)} ms, script ${fixed(idle.script_ms, 1)} ms.`);
  }

  lines.push('', '## Build levers', '');
  lines.push('Measured once on this machine on 2026-12-04 while choosing the flags, under a load average of 10 to 16 ' +
    '(other builds running), so the times compare variants run back to back and are not absolute. scripts/bench does ' +
    'not re-measure this table. Sizes are of index.wasm and index.js from the same objects, relinked.', '');
  lines.push(table(['lever', 'effect', 'decision'], kLevers));

  lines.push('', '## Tools', '');
  lines.push(table(['tool', 'version'], tools(p)));
  lines.push('', '## Commands', '', '```sh', ...(r.env?.commands || []), '```', '');
  writeFileSync(out, lines.join('\n'));
}

main();
