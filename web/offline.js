// Registers LikeCast's service worker (sw.js), which keeps every file of the page in the browser's cache,
// so the page and the embedded widget work with the network off after the first visit.
'use strict';

if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('sw.js').catch(function (error) {
      console.warn('LikeCast will not work offline: the service worker could not be registered (' + error.message + ')');
    });
  });
}
