// The page's JavaScript: starts the wasm app and does for it what a canvas
// cannot. It hands over the model file and the files a user opens or drops.
// It places real HTML inputs over the text fields ImGui draws, so phones
// raise their keyboard. It passes touches and wheel scrolls to the app,
// because Emscripten's GLFW gets both wrong, follows the system theme, and
// wakes the app's main loop on input. The app itself lives in C++ (src/app/).
// It calls back through window.likecastPage, and src/app/exports.cpp lists
// the functions it exports.
'use strict';

var chatInput = document.getElementById('likecast-chat-input');
var numberInput = document.getElementById('likecast-number-input');
var fileInput = document.getElementById('likecast-file');
var dropZone = document.getElementById('likecast-drop');
var statusLine = document.getElementById('likecast-status');
var started = false;            // main() has run: the exported functions may be called
var textFields = [];            // the fields the app drew in its last frame, in CSS pixels
var openNumberId = null;        // the number field the HTML editor is open for
var lastTouchTime = -1e9;
// The model downloads while the wasm compiles, rather than after main() has run.
var modelText = fetch('likecast.json').then(function (response) {
  if (!response.ok) throw new Error('likecast.json: HTTP ' + response.status);
  return response.text();
});
modelText.catch(function () {});   // reported by loadBuiltInModel, once the app can show it

var Module = {
  canvas: document.getElementById('canvas'),
  print: function (text) { console.log(text); },
  printErr: function (text) { console.error(text); },
  postRun: [function () {
    started = true;
    followMedia('(prefers-color-scheme: dark)', function (dark) { Module._likecast_app_set_system_dark(dark ? 1 : 0); });
    followMedia('(pointer: coarse)', function (coarse) { Module._likecast_app_set_touch(coarse ? 1 : 0); });
    loadBuiltInModel();
    var embedded = /(^|[?&])embed=(1|true)(&|$)/.test(window.location.search);
    if (!embedded && !window.matchMedia('(pointer: coarse)').matches) Module._likecast_app_request_chat_focus();
    wake();
  }],
};

function wake() { if (started) Module._likecast_app_wake(); }

// Calls `apply` with whether the media query matches, now and on every change.
function followMedia(query, apply) {
  var list = window.matchMedia(query);
  apply(list.matches);
  var listener = function (event) { apply(event.matches); };
  if (list.addEventListener) list.addEventListener('change', listener);
  else list.addListener(listener);
}

function loadBuiltInModel() {
  modelText
    .then(function (text) { Module.ccall('likecast_app_load_model', 'number', ['string'], [text]); })
    .catch(function (error) {
      statusLine.hidden = false;
      statusLine.textContent = 'The model file could not be downloaded (' + error.message + '). Check your connection and reload.';
    });
}

// --- Files: the picker, drag and drop ------------------------------------------------------------

// Copies `bytes` into wasm memory, calls `use(pointer, length)`, then frees the copy.
function withWasmCopy(bytes, use) {
  var pointer = Module._malloc(Math.max(1, bytes.length));
  Module.HEAPU8.set(bytes, pointer);
  try {
    return use(pointer, bytes.length);
  } finally {
    Module._free(pointer);
  }
}

function isModelFile(name, bytes) {
  var prefix = bytes.subarray(0, 4096);
  return withWasmCopy(prefix, function (pointer, length) {
    var types = ['string', 'number', 'number'];
    return Module.ccall('likecast_app_is_model_file', 'number', types, [name, pointer, length]);
  }) === 1;
}

// CSV files are parsed in a worker (csv-worker.js, src/app/worker/), so the page keeps drawing while a large
// file loads. One file at a time: opening another, or Cancel in the app, stops the worker.
var csvWorker = null;
var csvLoadId = 0;

function stopCsvWorker() {
  if (csvWorker) csvWorker.terminate();
  csvWorker = null;
  csvLoadId = 0;
}

function parseCsvInWorker(name, buffer) {
  stopCsvWorker();
  var id = Module.ccall('likecast_app_csv_begin', 'number', ['string', 'number'], [name, buffer.byteLength]);
  var fail = function (reason) {
    if (id !== csvLoadId) return;
    stopCsvWorker();
    Module.ccall('likecast_app_csv_failed', null, ['number', 'string'], [id, reason]);
  };
  csvLoadId = id;
  csvWorker = new Worker('csv-worker.js');
  csvWorker.onmessage = function (event) {
    var message = event.data;
    if (id !== csvLoadId) return;
    if (message.type === 'progress') {
      Module._likecast_app_csv_progress(id, message.fraction);
    } else if (message.type === 'done') {
      stopCsvWorker();
      withWasmCopy(new Uint8Array(message.bytes), function (pointer, length) {
        Module._likecast_app_csv_finish(id, pointer, length);
      });
    } else {
      fail('the file could not be parsed (' + message.message + ')');
    }
  };
  csvWorker.onerror = function (event) {
    event.preventDefault();
    fail('the page\'s CSV reader could not run (' + (event.message || 'csv-worker.js did not load') + ')');
  };
  csvWorker.postMessage({ id: id, bytes: buffer }, [buffer]);
}

function openFile(file) {
  if (!file || !started) return;
  // The app checks the size first, so a file over the limit is never read into memory.
  if (Module.ccall('likecast_app_accept_file', 'number', ['string', 'number'], [file.name, file.size]) !== 0) return;
  file.arrayBuffer().then(function (buffer) {
    var bytes = new Uint8Array(buffer);
    if (window.Worker && !isModelFile(file.name, bytes)) {
      parseCsvInWorker(file.name, buffer);
      return;
    }
    withWasmCopy(bytes, function (pointer, length) {
      Module.ccall('likecast_app_open_file', null, ['string', 'number', 'number'], [file.name, pointer, length]);
    });
  }).catch(function (error) {
    Module.ccall('likecast_app_report_error', null, ['string'],
      ['Could not read ' + file.name + ': ' + error.message + '. Try opening it again.']);
  });
}

fileInput.addEventListener('change', function () {
  var file = fileInput.files && fileInput.files[0];
  fileInput.value = '';   // the same file can be chosen again
  openFile(file);
});

var dragDepth = 0;
function hasFiles(event) {
  return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], 'Files') >= 0;
}
window.addEventListener('dragenter', function (event) {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth += 1;
  dropZone.hidden = false;
});
window.addEventListener('dragover', function (event) {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
});
window.addEventListener('dragleave', function () {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) dropZone.hidden = true;
});
window.addEventListener('drop', function (event) {
  event.preventDefault();
  dragDepth = 0;
  dropZone.hidden = true;
  var files = event.dataTransfer && event.dataTransfer.files;
  if (files && files.length) openFile(files[0]);
}, true);

// --- The HTML inputs over ImGui's text fields ----------------------------------------------------

function place(element, field) {
  var canvasBox = Module.canvas.getBoundingClientRect();
  element.style.left = (canvasBox.left + field.x) + 'px';
  element.style.top = (canvasBox.top + field.y) + 'px';
  element.style.width = field.w + 'px';
  element.style.height = field.h + 'px';
}

function findField(id) {
  for (var i = 0; i < textFields.length; i += 1) if (textFields[i].id === id) return textFields[i];
  return null;
}

function submitChat() {
  var text = chatInput.value.trim();
  if (!text || !started) return;
  chatInput.value = '';
  Module.ccall('likecast_app_send', null, ['string'], [text]);
}

function openNumberField(id) {
  var field = findField(id);
  if (!field) return;
  openNumberId = id;
  place(numberInput, field);
  numberInput.value = field.value;
  numberInput.setAttribute('aria-label', field.label);
  numberInput.hidden = false;
  numberInput.focus({ preventScroll: true });
  numberInput.select();
}

function closeNumberField(commit) {
  if (openNumberId === null) return;
  var id = openNumberId;
  openNumberId = null;
  numberInput.hidden = true;
  if (commit) Module.ccall('likecast_app_set_field', null, ['string', 'string'], [id, numberInput.value]);
  wake();
}

numberInput.addEventListener('blur', function () { closeNumberField(true); });

// Keys typed into the HTML inputs belong to them alone: GLFW listens on window in the capture phase
// and would pass them to ImGui too (and it cancels Backspace). This listener is added before GLFW's
// (page.js runs before the app's script), so stopping the event here keeps it from GLFW; the browser
// still types the character. Escape in the canvas moves the focus back to the chat input.
['keydown', 'keypress', 'keyup'].forEach(function (type) {
  window.addEventListener(type, function (event) {
    var target = event.target;
    if (target === chatInput || target === numberInput) {
      event.stopImmediatePropagation();
      if (type !== 'keydown') return;
      if (target === chatInput && event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        submitChat();
      } else if (target === numberInput && event.key === 'Enter') {
        event.preventDefault();
        closeNumberField(true);
      } else if (target === numberInput && event.key === 'Escape') {
        closeNumberField(false);
      }
      return;
    }
    if (type === 'keydown' && event.key === 'Escape' && target === Module.canvas && started &&
        !Module._likecast_app_wants_text() && !chatInput.hidden) {
      event.stopImmediatePropagation();
      chatInput.focus();
    }
    wake();
  }, true);
});

// --- Touch: taps, drags and drag-to-scroll are done by the app (src/app/touch_input.cpp) ------------

function canvasPoint(touch) {
  var box = Module.canvas.getBoundingClientRect();
  return { x: touch.clientX - box.left, y: touch.clientY - box.top };
}

// The app follows one finger, from touch events rather than pointer events: a browser may cancel a
// pointer (pointercancel) when the focus leaves an HTML input, while touch events go on.
var touchId = null;             // the identifier of the finger the app follows
var touchStart = null;

function findTouch(list) {
  for (var i = 0; i < list.length; i += 1) if (list[i].identifier === touchId) return list[i];
  return null;
}

function onTouch(event) {
  if (!started) return;
  lastTouchTime = performance.now();
  if (event.type === 'touchstart') {
    if (touchId !== null) return;
    var first = event.changedTouches[0];
    touchId = first.identifier;
    touchStart = canvasPoint(first);
    if (openNumberId !== null) closeNumberField(true);
    if (document.activeElement === chatInput) chatInput.blur();
    Module._likecast_app_touch(0, touchStart.x, touchStart.y);
    return;
  }
  var touch = findTouch(event.changedTouches);
  if (!touch) return;
  var point = canvasPoint(touch);
  if (event.type === 'touchmove') {
    Module._likecast_app_touch(1, point.x, point.y);
    return;
  }
  touchId = null;
  Module._likecast_app_touch(event.type === 'touchend' ? 2 : 3, point.x, point.y);
  // A tap on a number field opens its HTML editor now, inside the tap, so the keyboard comes up.
  if (event.type === 'touchend' && touchStart && Math.hypot(point.x - touchStart.x, point.y - touchStart.y) < 8) {
    for (var i = 0; i < textFields.length; i += 1) {
      var f = textFields[i];
      if (f.kind === 'number' && point.x >= f.x && point.x <= f.x + f.w && point.y >= f.y && point.y <= f.y + f.h) {
        openNumberField(f.id);
        break;
      }
    }
  }
}

// Touch events on the canvas go to the app and never reach GLFW, which would press the mouse button at a
// stale cursor position. Cancelling them also stops the mouse events browsers make up after a tap.
['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function (type) {
  window.addEventListener(type, function (event) {
    if (event.target !== Module.canvas) return;
    event.stopPropagation();
    if (event.cancelable) event.preventDefault();
    onTouch(event);
    wake();
  }, { capture: true, passive: false });
});
['mousedown', 'mouseup', 'mousemove'].forEach(function (type) {
  window.addEventListener(type, function (event) {
    if (performance.now() - lastTouchTime < 800 && event.target === Module.canvas) event.stopPropagation();
  }, true);
});

// Wheel and touchpad scrolling goes to the app in CSS pixels: Emscripten's GLFW would hand ImGui the
// raw deltas, upside down and (with Chrome's 100 pixels a notch) a hundred times too large.
window.addEventListener('wheel', function (event) {
  if (event.target !== Module.canvas || !started) return;
  event.stopPropagation();
  event.preventDefault();
  var scale = 1;                                       // DOM_DELTA_PIXEL
  if (event.deltaMode === 1) scale = 16;                // DOM_DELTA_LINE: about one line of text
  if (event.deltaMode === 2) scale = window.innerHeight; // DOM_DELTA_PAGE
  Module._likecast_app_wheel(event.deltaX * scale, event.deltaY * scale);
}, { capture: true, passive: false });

// --- Waking the main loop ------------------------------------------------------------------------

['pointerdown', 'pointermove', 'pointerup', 'wheel', 'focus'].forEach(function (type) {
  window.addEventListener(type, wake, { capture: true, passive: true });
});
window.addEventListener('resize', wake);
if (window.visualViewport) window.visualViewport.addEventListener('resize', wake);
document.addEventListener('visibilitychange', wake);
Module.canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });

// --- What the app calls (src/app/web_bridge.cpp) ---------------------------------------------------

window.likecastPage = {
  setTextFields: function (json) {
    textFields = JSON.parse(json);
    var chat = findField('chat');
    if (chat) place(chatInput, chat);
    chatInput.hidden = !chat;
    if (openNumberId !== null) {
      var open = findField(openNumberId);
      if (open) place(numberInput, open);
      else closeNumberField(true);
    }
  },
  focusChatInput: function () { if (!chatInput.hidden) chatInput.focus({ preventScroll: true }); },
  submitChat: submitChat,
  openNumberField: openNumberField,
  openFilePicker: function () { fileInput.click(); },
  cancelFileLoad: stopCsvWorker,
  download: function (name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  },
  copyText: function (text) {
    var done = function (ok) { Module._likecast_app_on_copy(ok ? 1 : 0); };
    if (!navigator.clipboard || !navigator.clipboard.writeText) { done(false); return; }
    navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
  },
  setTheme: function (name, json) {
    var root = document.documentElement;
    root.dataset.theme = name;
    var variables = JSON.parse(json);
    Object.keys(variables).forEach(function (key) { root.style.setProperty(key, variables[key]); });
  },
  postHeight: function (height) {
    if (window.parent !== window) window.parent.postMessage({ type: 'likecast:height', height: Number(height) }, '*');
  },
};

// For the browser tests: the app's state as an object (see src/app/test_state.cpp). It only reads.
window.likecastTest = {
  ready: function () { return started; },
  state: function () { return JSON.parse(Module.ccall('likecast_app_test_state', 'string', [], [])); },
};
