// The CSV worker's message loop, appended to its Emscripten glue (csv-worker.js,
// built from src/app/worker/csv_worker.cpp). The page posts
// {id, bytes: ArrayBuffer}; the worker answers {type: 'progress', fraction}
// while it reads, then {type: 'done', id, bytes: ArrayBuffer} with the
// encoded Dataset, or {type: 'failed', id, message}.
'use strict';

var csvWorkerQueue = [];
var csvWorkerReady = false;

function parseNext() {
  while (csvWorkerReady && csvWorkerQueue.length > 0) {
    var request = csvWorkerQueue.shift();
    try {
      var input = new Uint8Array(request.bytes);
      var pointer = Module._malloc(Math.max(1, input.length));
      var sizePointer = Module._malloc(4);
      Module.HEAPU8.set(input, pointer);
      var result = Module._likecast_csv_parse(pointer, input.length, sizePointer);
      var size = Module.HEAP32[sizePointer >> 2];
      var output = Module.HEAPU8.slice(result, result + size).buffer;
      Module._free(pointer);
      Module._free(sizePointer);
      postMessage({ type: 'done', id: request.id, bytes: output }, [output]);
    } catch (error) {
      postMessage({ type: 'failed', id: request.id, message: String(error && error.message || error) });
    }
  }
}

Module.onRuntimeInitialized = function () {
  csvWorkerReady = true;
  parseNext();
};

self.onmessage = function (event) {
  csvWorkerQueue.push(event.data);
  parseNext();
};
