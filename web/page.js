// The page's JavaScript: starts the wasm app, hands it the model file and
// wakes its main loop on input. The app itself lives in C++ (src/app/).
'use strict';

var Module = {
  canvas: document.getElementById('canvas'),
  print: function (text) { console.log(text); },
  printErr: function (text) { console.error(text); },
  onRuntimeInitialized: function () {
    fetch('likecast.json')
      .then(function (response) {
        if (!response.ok) throw new Error('likecast.json: HTTP ' + response.status);
        return response.text();
      })
      .then(function (text) { Module.ccall('likecast_app_load_model', 'number', ['string'], [text]); })
      .catch(function (error) {
        document.getElementById('likecast-status').textContent =
          'The model file could not be downloaded (' + error.message + '). Check your connection and reload.';
      });
    wakeOnInput();
  },
};

// The app draws only when woken, so every kind of input wakes it.
function wakeOnInput() {
  var wake = function () { Module._likecast_app_wake(); };
  ['pointerdown', 'pointermove', 'pointerup', 'wheel', 'keydown', 'keyup', 'touchstart', 'touchmove', 'touchend']
    .forEach(function (type) { window.addEventListener(type, wake, { capture: true, passive: true }); });
  window.addEventListener('resize', wake);
  window.addEventListener('focus', wake);
  document.addEventListener('visibilitychange', wake);
  Module.canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });
  Module.canvas.focus();
}
