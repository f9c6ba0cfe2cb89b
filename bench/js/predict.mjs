// A plain JavaScript version of LikeCast's prediction (the feature pipeline,
// the network's forward pass and the output decoding of src/core/model), timed
// the way likecast_bench times the C++ one, so scripts/bench can report wasm
// against JavaScript on the same engine.
//   node bench/js/predict.mjs MODEL.json BENCH_OUTPUT.json [CALLS] [ROUNDS]
// BENCH_OUTPUT.json is likecast_bench's output: its predict.samples give the
// inputs and the C++ results that this version must reproduce.
import { readFileSync } from 'node:fs';

// Reads one network's layers into typed arrays; weights keep the file's layout, weights[i * outputs + o].
function loadNetwork(network) {
  return network.layers.map((layer) => ({
    inputs: layer.inputs,
    outputs: layer.outputs,
    activation: layer.activation,
    weights: Float32Array.from(layer.weights),
    bias: Float32Array.from(layer.bias),
  }));
}

// Reads the model file: the network, then the ensemble's other members, whose outputs are averaged.
export function loadModel(json) {
  const layers = loadNetwork(json.network);
  const members = (json.ensemble || []).map((member) => ({ layers: loadNetwork(member) }));
  const width = Math.max(...layers.map((layer) => Math.max(layer.inputs, layer.outputs)));
  return {
    layers,
    members,
    memberOutputs: new Float32Array(layers[layers.length - 1].outputs),
    scaling: json.features.map((feature) => ({ mean: feature.mean, std: feature.std })),
    output: json.output,
    buffers: [new Float32Array(width), new Float32Array(width)],
    features: new Float32Array(json.features.length),
    outputs: new Float32Array(layers[layers.length - 1].outputs),
  };
}

// Same loop order as Network::Forward: bias first, then each input's row of weights.
function denseForward(layer, input, output) {
  const { inputs, outputs, weights, bias } = layer;
  for (let o = 0; o < outputs; o += 1) output[o] = bias[o];
  for (let i = 0; i < inputs; i += 1) {
    const x = input[i];
    const row = i * outputs;
    for (let o = 0; o < outputs; o += 1) output[o] += weights[row + o] * x;
  }
  switch (layer.activation) {
    case 'relu':
      for (let o = 0; o < outputs; o += 1) if (output[o] < 0) output[o] = 0;
      break;
    case 'leaky_relu':   // tiny-dnn 1.0.0a3's slope
      for (let o = 0; o < outputs; o += 1) if (output[o] < 0) output[o] *= 0.01;
      break;
    case 'tanh':
      for (let o = 0; o < outputs; o += 1) output[o] = Math.tanh(output[o]);
      break;
    default:
      break;
  }
}

export function forward(model, input, output) {
  forwardLayers(model.layers, model.buffers, input, output);
}

function forwardLayers(layers, buffers, input, output) {
  let current = input;
  for (let l = 0; l < layers.length; l += 1) {
    const next = l + 1 === layers.length ? output : buffers[l % 2];
    denseForward(layers[l], current, next);
    current = next;
  }
}

function encode(model, inputs, features) {
  const logViews = Math.log1p(inputs.views);
  const raw = [
    logViews,
    Math.log1p(inputs.shares) - logViews,
    Math.log1p(inputs.comments) - logViews,
    Math.log1p(inputs.downloads) - logViews,
    Math.log1p(inputs.duration_sec),
    inputs.verified ? 1 : 0,
    inputs.author_status === 'under_review' ? 1 : 0,
    inputs.author_status === 'banned' ? 1 : 0,
  ];
  for (let f = 0; f < raw.length; f += 1) features[f] = (raw[f] - model.scaling[f].mean) / model.scaling[f].std;
}

function decodeLikes(logViews, logRate) {
  const likes = Math.expm1(Math.min(logViews + logRate, 50));
  return likes > 0 ? likes : 0;
}

// Model::RunNetwork: the mean of the ensemble members' outputs, summed and scaled in float as the C++ does.
function runNetworks(model, features, outputs) {
  forward(model, features, outputs);
  if (model.members.length === 0) return;
  for (const member of model.members) {
    forwardLayers(member.layers, model.buffers, features, model.memberOutputs);
    for (let k = 0; k < outputs.length; k += 1) outputs[k] += model.memberOutputs[k];
  }
  const scale = Math.fround(1 / (model.members.length + 1));
  for (let k = 0; k < outputs.length; k += 1) outputs[k] *= scale;
}

// Model::PredictLikes: the point head (mixed with the median head when the model has one), blended with the
// mean head for large videos when the model has one.
export function predictLikes(model, inputs) {
  encode(model, inputs, model.features);
  runNetworks(model, model.features, model.outputs);
  const spec = model.output;
  const logViews = Math.log1p(inputs.views);
  const head = (index) => spec.target_mean + spec.target_std * model.outputs[index];
  let point = head(spec.point_head);
  if (spec.median_head !== undefined && spec.median_head >= 0) {
    point = (1 - spec.median_weight) * point + spec.median_weight * head(spec.median_head);
  }
  const logMean = decodeLikes(logViews, point + (spec.point_shift || 0));
  if (spec.mean_head === undefined || spec.mean_head < 0) return logMean;
  const mean = decodeLikes(logViews, head(spec.mean_head));
  const pivot = spec.blend_pivot_likes || 0;
  const weight = pivot > 0 ? (mean * mean) / (mean * mean + pivot * pivot) : 1;
  return weight * mean + (1 - weight) * logMean;
}

// The median nanoseconds per call of body(i) over `rounds` rounds of `calls` calls, after
// one untimed round that lets V8 compile the code with its optimising tier.
export function medianNanosPerCall(calls, rounds, body) {
  for (let i = 0; i < calls; i += 1) body(i);
  const perCall = [];
  for (let r = 0; r < rounds; r += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i += 1) body(i);
    perCall.push(Number(process.hrtime.bigint() - start) / calls);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(rounds / 2)];
}

function main() {
  const [modelPath, benchPath, callsText = '20000', roundsText = '31'] = process.argv.slice(2);
  if (!modelPath || !benchPath) {
    console.error('usage: node bench/js/predict.mjs MODEL.json BENCH_OUTPUT.json [CALLS] [ROUNDS]');
    process.exit(2);
  }
  const model = loadModel(JSON.parse(readFileSync(modelPath, 'utf8')));
  const samples = JSON.parse(readFileSync(benchPath, 'utf8')).predict.samples;
  const calls = Number(callsText);
  const rounds = Number(roundsText);

  // The JavaScript version must give the C++ results before its time means anything.
  let maxLikesDifference = 0;
  let maxOutputDifference = 0;
  for (const sample of samples) {
    const likes = predictLikes(model, sample.inputs);
    maxLikesDifference = Math.max(maxLikesDifference, Math.abs(likes - sample.likes) / Math.max(1, sample.likes));
    const single = new Float32Array(sample.outputs.length);   // sample.outputs is the first network's alone
    forward(model, model.features, single);
    sample.outputs.forEach((value, k) => { maxOutputDifference = Math.max(maxOutputDifference, Math.abs(single[k] - value)); });
  }

  if (!(maxLikesDifference <= 1e-4)) {
    console.error(`error: the JavaScript prediction differs from the C++ one by ${maxLikesDifference} (relative); ` +
      'bench/js/predict.mjs no longer matches src/core/model and needs the same change');
    process.exit(1);
  }

  const features = samples.map((sample) => {
    encode(model, sample.inputs, model.features);
    return Float32Array.from(model.features);
  });
  const output = new Float32Array(model.outputs.length);
  let sink = 0;
  const forwardNs = medianNanosPerCall(calls, rounds, (i) => {
    forward(model, features[i % features.length], output);
    sink += output[0];
  });
  const predictNs = medianNanosPerCall(calls, rounds, (i) => { sink += predictLikes(model, samples[i % samples.length].inputs); });
  console.log(JSON.stringify({
    engine: `node ${process.version}`, calls_per_round: calls, rounds, forward_ns: forwardNs, predict_likes_ns: predictNs,
    max_relative_likes_difference: maxLikesDifference, max_output_difference: maxOutputDifference, sink: Number.isFinite(sink),
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
