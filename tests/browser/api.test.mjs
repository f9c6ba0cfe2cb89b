// Tests of the JavaScript API (likecast-api.mjs) under node, with no browser. predict gives the same integers
// as `likecast predict --json`, and advise and parse agree with `likecast advise --json` and `likecast parse`.
// Every way of passing the model works, and bad models and bad inputs are rejected with their messages.
// The web folder comes from LIKECAST_WEB_DIR (default build/web), the CLI from LIKECAST_CLI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Results, root } from './harness.mjs';

const webDir = process.env.LIKECAST_WEB_DIR || join(root, 'build', 'web');
const cli = process.env.LIKECAST_CLI || join(root, 'build', 'native', 'likecast');
// The model the pages load, so the CLI is compared with the same file.
const modelPath = join(webDir, 'likecast.json');
const modelText = readFileSync(modelPath, 'utf8');

// The CLI's options for the API's inputs.
function cliArgs(inputs) {
  const args = ['--model', modelPath, '--views', String(inputs.views)];
  const counts = { shares: '--shares', comments: '--comments', downloads: '--downloads', durationSec: '--duration' };
  for (const [name, option] of Object.entries(counts)) {
    if (inputs[name] !== undefined) args.push(option, String(inputs[name]));
  }
  if (inputs.verified) args.push('--verified');
  if (inputs.authorStatus) args.push('--status', inputs.authorStatus);
  return args;
}

function runCli(command, args) {
  return JSON.parse(execFileSync(cli, [command, ...args], { encoding: 'utf8' }));
}

// The error message of a call that should throw or reject, or "no error".
async function errorOf(call) {
  try {
    await call();
    return 'no error';
  } catch (error) {
    return error.message;
  }
}

const videos = [
  { views: 120000, shares: 3400, comments: 560, downloads: 900, durationSec: 32, authorStatus: 'active' },
  { views: 2500, shares: 12, comments: 3, downloads: 0, durationSec: 15, verified: true, authorStatus: 'banned' },
  { views: 950000, shares: 88000, comments: 4100, downloads: 12000, durationSec: 58, authorStatus: 'under_review' },
  { views: 40, shares: 0, comments: 0, downloads: 0, durationSec: 5 },
  { views: 310000, comments: 2200 },
  { views: 77000, verified: true },
];

const messages = [
  '120k views, 3.4k shares, 560 comments and 900 downloads, 32 seconds long',
  'my video got 2.5k views and 12 shares, my account is banned',
  'it has -500 views',
  'hello',
];

const results = new Results();
const api = await import(pathToFileURL(join(webDir, 'likecast-api.mjs')).href);
results.check('module exports createLikeCast', typeof api.createLikeCast === 'function', typeof api.createLikeCast);
const likecast = await api.createLikeCast({ model: modelText });

// --- predict --------------------------------------------------------------
for (const [index, video] of videos.entries()) {
  const expected = runCli('predict', [...cliArgs(video), '--json']);
  const got = likecast.predict(video);
  results.check(`video ${index + 1}: likes match the CLI's ${expected.likes}`, got.likes === expected.likes, `API gives ${got.likes}`);
  results.check(`video ${index + 1}: p10 matches the CLI's ${expected.p10}`, got.p10 === expected.p10, `API gives ${got.p10}`);
  results.check(`video ${index + 1}: p90 matches the CLI's ${expected.p90}`, got.p90 === expected.p90, `API gives ${got.p90}`);
  results.check(`video ${index + 1}: likes are an integer`, Number.isInteger(got.likes), String(got.likes));
}

const partial = likecast.predict({ views: 310000, comments: 2200 });
results.check('unknown inputs are listed as assumed',
  ['shares', 'downloads', 'durationSec'].every((name) => partial.assumed.includes(name)), JSON.stringify(partial.assumed));
results.check('known inputs are not assumed', !partial.assumed.includes('comments'), JSON.stringify(partial.assumed));
results.check('used keeps the known comments', partial.used.comments === 2200, JSON.stringify(partial.used));
results.check('used fills the unknown shares', partial.used.shares > 0, JSON.stringify(partial.used));
results.check('verified defaults to false', partial.used.verified === false, JSON.stringify(partial.used));
results.check('authorStatus defaults to active', partial.used.authorStatus === 'active', JSON.stringify(partial.used));

// --- the forms of the model -----------------------------------------------
const reference = likecast.predict(videos[0]).likes;
const forms = {
  'parsed object': JSON.parse(modelText),
  'path string': modelPath,
  'file URL': pathToFileURL(modelPath),
  'default beside the module': undefined,
};
for (const [name, model] of Object.entries(forms)) {
  let likes;
  try {
    likes = (await api.createLikeCast({ model })).predict(videos[0]).likes;
  } catch (error) {
    likes = error.message;
  }
  results.check(`model as ${name} predicts the same`, likes === reference, `gives ${likes}, expected ${reference}`);
}

// Two objects keep their own models: a copy whose target mean is 0.5 higher predicts about e^0.5 times more.
const shifted = JSON.parse(modelText);
shifted.output.target_mean += 0.5;
const other = await api.createLikeCast({ model: shifted });
const otherLikes = other.predict(videos[0]).likes;
results.check('a second model predicts on its own', otherLikes > reference * 1.5, `${otherLikes} vs ${reference}`);
results.check('the first model is unchanged by the second', likecast.predict(videos[0]).likes === reference);
other.dispose();
results.check('a disposed object rejects calls',
  (await errorOf(() => other.predict(videos[0]))) === 'this LikeCast object has been disposed; create another with createLikeCast()',
  await errorOf(() => other.predict(videos[0])));

// --- advise ---------------------------------------------------------------
for (const [index, video] of videos.slice(0, 3).entries()) {
  const expected = runCli('advise', [...cliArgs(video), '--json']);
  const got = likecast.advise(video);
  results.check(`advise ${index + 1}: likes match the CLI`, got.likes === expected.likes, `${got.likes} vs ${expected.likes}`);
  const levers = (list) => list.map((r) => r.lever.replace('duration_sec', 'durationSec')).join(',');
  results.check(`advise ${index + 1}: levers in the CLI's order`, levers(got.recommendations) === levers(expected.recommendations),
    `${levers(got.recommendations)} vs ${levers(expected.recommendations)}`);
  const same = got.recommendations.every((r, i) => {
    const e = expected.recommendations[i];
    return e && r.target === e.target && r.predictedLikes === e.predicted_likes && r.gain === e.gain && r.action === e.action;
  });
  results.check(`advise ${index + 1}: targets, gains and actions match the CLI`, same,
    JSON.stringify(got.recommendations[0]) + ' vs ' + JSON.stringify(expected.recommendations[0]));
}

// --- parse ----------------------------------------------------------------
const camel = (name) => name.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase());
for (const [index, message] of messages.entries()) {
  const expected = runCli('parse', ['--model', modelPath, message]);
  const got = likecast.parse(message);
  const expectedInputs = Object.fromEntries(Object.entries(expected.slots).filter(([name]) => name !== 'likes')
    .map(([name, value]) => [camel(name), value]));
  results.check(`parse ${index + 1}: intent matches the CLI`, got.intent === expected.intent, `${got.intent} vs ${expected.intent}`);
  results.check(`parse ${index + 1}: inputs match the CLI's slots`, JSON.stringify(got.inputs) === JSON.stringify(expectedInputs),
    `${JSON.stringify(got.inputs)} vs ${JSON.stringify(expectedInputs)}`);
  results.check(`parse ${index + 1}: rejected inputs match the CLI`,
    JSON.stringify(got.rejected.map((r) => r.input)) === JSON.stringify(expected.rejected.map(camel)),
    `${JSON.stringify(got.rejected)} vs ${JSON.stringify(expected.rejected)}`);
  results.check(`parse ${index + 1}: reply matches the CLI`, got.reply === expected.reply, `${got.reply} vs ${expected.reply}`);
}
const parsed = likecast.parse(messages[0]);
results.check('parsed inputs feed predict', likecast.predict(parsed.inputs).likes === reference,
  `${JSON.stringify(parsed.inputs)} gives ${likecast.predict(parsed.inputs).likes}, expected ${reference}`);
results.check('parse lists each change', parsed.changes.some((c) => c.input === 'shares' && c.kind === 'set' && c.value === 3400),
  JSON.stringify(parsed.changes));

// --- errors ---------------------------------------------------------------
const errors = [
  ['model of another format', () => api.createLikeCast({ model: '{"format": "something-else"}' }),
    'the model was rejected: this JSON file is not a LikeCast model (its "format" is not "likecast-model")'],
  ['model text that is not JSON', () => api.createLikeCast({ model: '{"format": ' }),
    'the model was rejected: the model file is not valid JSON; choose a model.json written by likecast train or by the page'],
  ['missing model file', () => api.createLikeCast({ model: '/no/such/model.json' }),
    'the model file /no/such/model.json could not be read (ENOENT); check the path'],
  ['model of the wrong type', () => api.createLikeCast({ model: 42 }),
    "createLikeCast: model must be the model file's JSON text, its parsed object or its URL, got number"],
  ['inputs without views', () => likecast.predict({ shares: 5 }), 'views is required: how many views does the video have?'],
  ['negative views', () => likecast.predict({ views: -5 }), 'views "-5" is invalid: give a number from 0 to 10000000000'],
  ['NaN shares', () => likecast.predict({ views: 100, shares: NaN }), 'shares "NaN" is invalid: give a number from 0 to 10000000000'],
  ['views as text', () => likecast.predict({ views: '120k' }), 'views "120k" is invalid: give a number from 0 to 10000000000'],
  ['duration over an hour', () => likecast.predict({ views: 100, durationSec: 4000 }),
    'durationSec "4000" is invalid: give a number from 0 to 3600'],
  ['unknown input', () => likecast.predict({ views: 100, likes: 5 }),
    'unknown input "likes": the inputs are views, shares, comments, downloads, durationSec, verified and authorStatus'],
  ['unknown status', () => likecast.advise({ views: 100, authorStatus: 'gone' }),
    'authorStatus "gone" is invalid: use "active", "under_review" or "banned"'],
  ['verified as text', () => likecast.predict({ views: 100, verified: 'yes' }), 'verified "yes" is invalid: give true or false'],
  ['inputs that are no object', () => likecast.predict(7),
    'the video inputs must be an object such as {views: 120000, shares: 3400}, got 7'],
  ['message that is no string', () => likecast.parse(5), 'parse: the message must be a string, got number'],
];
for (const [name, call, expected] of errors) {
  const message = await errorOf(call);
  results.check(`${name} is rejected`, message === expected, message);
}

// A corrupt network: the core names what is wrong; the API adds only its prefix.
const corrupt = JSON.parse(modelText);
corrupt.network.layers[0].weights.pop();
const corruptMessage = await errorOf(() => api.createLikeCast({ model: corrupt }));
results.check('model with a missing weight is rejected', corruptMessage.startsWith('the model was rejected: '), corruptMessage);
results.check('the API still works after a rejected model', likecast.predict(videos[0]).likes === reference);

// The README's example runs as written, from the web folder, and prints the CLI's numbers.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = readme.match(/```js\n(import \{ createLikeCast \} from '\.\/likecast-api\.mjs';\n[\s\S]*?)```/);
results.check('README has the API example', !!example);
if (example) {
  const folder = mkdtempSync(join(tmpdir(), 'likecast-readme-'));
  const script = join(folder, 'example.mjs');
  writeFileSync(script, example[1].replace("'./likecast-api.mjs'", `'${pathToFileURL(join(webDir, 'likecast-api.mjs')).href}'`));
  let output;
  try {
    output = execFileSync(process.execPath, [script], { cwd: webDir, encoding: 'utf8' });
  } catch (error) {
    output = `failed: ${error.stderr || error.message}`;
  }
  rmSync(folder, { recursive: true, force: true });
  const expected = runCli('predict', [...cliArgs(videos[0]), '--json']);
  const firstLine = output.split('\n')[0];
  results.check("README example prints the CLI's prediction",
    firstLine === `${expected.likes} likes, likely ${expected.p10} to ${expected.p90}`, firstLine);
  results.check('README example prints advice and parsed inputs', output.includes('views: 120000'), output);
}

// The download size of the API (informational: the README quotes it).
const sizes = ['likecast-api.mjs', 'likecast-api.wasm'].map((name) => {
  const bytes = readFileSync(join(webDir, name));
  return { name, raw: statSync(join(webDir, name)).size, gzip: gzipSync(bytes, { level: 9 }).length };
});
for (const { name, raw, gzip } of sizes) console.log(`  size  ${name}: ${raw} bytes, ${gzip} gzipped`);
console.log(`  size  total: ${sizes.reduce((sum, s) => sum + s.gzip, 0)} bytes gzipped`);

console.log(`api: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
