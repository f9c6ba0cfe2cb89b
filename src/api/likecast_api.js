// The JavaScript side of likecast-api.mjs, appended after Emscripten's module
// factory (LikeCastModule). It exports createLikeCast(), which loads a model
// and returns synchronous predict(), advise() and parse() over the C API in api.h.

const kIsNode = typeof process == 'object' && typeof process.versions == 'object' && !!process.versions.node;

// Emscripten 3.1.6 reads __dirname in node even when it builds an ES module, where __dirname does not exist.
// The wasm is handed over as wasmBinary (see loadModule), so the folder is never used to read files.
// eslint-disable-next-line no-var
var __dirname = kIsNode ? decodeURIComponent(new URL('.', import.meta.url).pathname) : '';

let modulePromise = null;   // one wasm instance serves every LikeCast object

async function loadModule() {
  if (!modulePromise) {
    modulePromise = (async () => {
      const settings = {};
      if (kIsNode) {
        // Node's fetch() cannot read file: URLs, so the wasm beside this module is read from disk.
        const { readFile } = await import('node:fs/promises');
        settings.wasmBinary = await readFile(new URL('likecast-api.wasm', import.meta.url));
      }
      return LikeCastModule(settings);
    })();
  }
  return modulePromise;
}

// Resolves a relative model URL as fetch() would in a page, and against the working folder in node.
async function resolveUrl(url) {
  if (url instanceof URL) return url;
  if (kIsNode) {
    const { pathToFileURL } = await import('node:url');
    return new URL(url, pathToFileURL(process.cwd() + '/'));
  }
  return new URL(url, globalThis.location ? globalThis.location.href : import.meta.url);
}

async function downloadText(url) {
  if (kIsNode && url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    try {
      return await readFile(url, 'utf8');
    } catch (error) {
      throw new Error(`the model file ${url.pathname} could not be read (${error.code || error.message}); check the path`);
    }
  }
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`the model could not be downloaded from ${url.href} (${error.message}); check the URL and the connection`);
  }
  if (!response.ok) {
    throw new Error(`the model could not be downloaded from ${url.href}: HTTP ${response.status}; check the URL`);
  }
  return response.text();
}

// The model as JSON text, from any of the forms createLikeCast() accepts.
async function modelText(model) {
  if (model === undefined) return downloadText(new URL('likecast.json', import.meta.url));
  if (typeof model === 'string' && model.trimStart().startsWith('{')) return model;
  if (typeof model === 'string' || model instanceof URL) return downloadText(await resolveUrl(model));
  if (model !== null && typeof model === 'object') return JSON.stringify(model);
  throw new Error(`createLikeCast: model must be the model file's JSON text, its parsed object or its URL, got ${model === null ? 'null' : typeof model}`);
}

// Calls one C function with a string argument and returns its JSON result, throwing its error.
function callWithText(module, name, handle, text) {
  const size = module.lengthBytesUTF8(text) + 1;
  const pointer = module._malloc(size);
  let result;
  try {
    module.stringToUTF8(text, pointer, size);
    result = JSON.parse(module.UTF8ToString(handle === null ? module[name](pointer) : module[name](handle, pointer)));
  } finally {
    module._free(pointer);
  }
  if (result.error !== undefined) throw new Error(result.error);
  return result;
}

// JSON.stringify turns NaN and Infinity into null, which the API would read as "unknown";
// sending them as text lets the C++ side reject them by name instead.
function inputsJson(inputs) {
  const text = JSON.stringify(inputs === undefined ? null : inputs,
    (key, value) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
  return text;
}

const freeOnCollect = typeof FinalizationRegistry == 'function'
  ? new FinalizationRegistry(({ module, handle }) => module._likecast_api_free_model(handle))
  : null;

// Loads a model and returns {predict, advise, parse, dispose}.
//   options.model: the model file's JSON text, its parsed object, or its URL (a string or a URL object);
//                  by default likecast.json beside this module.
// Rejects with an Error whose message names what is wrong with the model or why it could not be downloaded.
export async function createLikeCast(options = {}) {
  const [module, text] = await Promise.all([loadModule(), modelText(options.model)]);
  let handle = callWithText(module, '_likecast_api_load_model', null, text).handle;

  const likecast = {
    // {views, shares, comments, downloads, durationSec, verified, authorStatus} -> {likes, p10, p90, assumed, used}.
    predict: (inputs) => callWithText(module, '_likecast_api_predict', handle, inputsJson(inputs)),
    // The same inputs -> {likes, group, groupRows, recommendations: [{lever, target, predictedLikes, gain, action, ...}]}.
    advise: (inputs) => callWithText(module, '_likecast_api_advise', handle, inputsJson(inputs)),
    // A creator's message, e.g. "120k views and 3.4k shares" -> {intent, inputs, changes, rejected, reply, ...}.
    parse: (message) => {
      if (typeof message !== 'string') throw new Error(`parse: the message must be a string, got ${typeof message}`);
      return callWithText(module, '_likecast_api_parse', handle, message);
    },
    // Frees the model now instead of when the object is garbage collected; later calls throw.
    dispose: () => {
      if (freeOnCollect) freeOnCollect.unregister(likecast);
      module._likecast_api_free_model(handle);
      handle = 0;
    },
  };
  if (freeOnCollect) freeOnCollect.register(likecast, { module, handle }, likecast);
  return likecast;
}
