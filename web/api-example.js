// The JavaScript API example: loads likecast-api.mjs, predicts and advises for the form's video, and reads a
// creator's message with parse(). Blank number fields are unknown inputs, which the model fills in.
import { createLikeCast } from './likecast-api.mjs';

const kCountFields = ['views', 'shares', 'comments', 'downloads', 'durationSec'];
const status = document.getElementById('status');
const number = new Intl.NumberFormat('en');

function readForm() {
  const inputs = {};
  for (const name of kCountFields) {
    const text = document.getElementById(name).value.trim();
    if (text !== '') inputs[name] = Number(text);
  }
  inputs.verified = document.getElementById('verified').checked;
  inputs.authorStatus = document.getElementById('authorStatus').value;
  return inputs;
}

function fillForm(inputs) {
  for (const name of kCountFields) document.getElementById(name).value = inputs[name] ?? '';
  if (inputs.verified !== undefined) document.getElementById('verified').checked = inputs.verified;
  if (inputs.authorStatus !== undefined) document.getElementById('authorStatus').value = inputs.authorStatus;
}

function showError(element, error) {
  element.textContent = error.message;
  element.className = 'error';
}

function show(likecast) {
  const output = document.getElementById('prediction');
  const advice = document.getElementById('advice');
  advice.replaceChildren();
  try {
    const inputs = readForm();
    const prediction = likecast.predict(inputs);
    const assumed = prediction.assumed.length ? ` Assumed typical values for ${prediction.assumed.join(', ')}.` : '';
    output.textContent = `Predicted likes: ${number.format(prediction.likes)} ` +
      `(likely between ${number.format(prediction.p10)} and ${number.format(prediction.p90)}).${assumed}`;
    output.className = '';
    output.dataset.likes = String(prediction.likes);
    for (const step of likecast.advise(inputs).recommendations) {
      const item = document.createElement('li');
      item.textContent = `${step.lever}: ${step.gainText} at ${step.targetText}. ${step.action}`;
      advice.append(item);
    }
  } catch (error) {
    delete output.dataset.likes;
    showError(output, error);
  }
}

let likecast;
try {
  likecast = await createLikeCast({ model: 'likecast.json' });
  status.textContent = 'Model loaded.';
} catch (error) {
  showError(status, error);
}

if (likecast) {
  document.getElementById('video-form').addEventListener('submit', (event) => {
    event.preventDefault();
    show(likecast);
  });
  document.getElementById('message-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const parseResult = document.getElementById('parse-result');
    try {
      const parsed = likecast.parse(document.getElementById('message').value);
      parseResult.textContent = JSON.stringify({ intent: parsed.intent, inputs: parsed.inputs, reply: parsed.reply }, null, 2);
      parseResult.className = '';
      fillForm(parsed.inputs);
      show(likecast);
    } catch (error) {
      showError(parseResult, error);
    }
  });
  show(likecast);
}
