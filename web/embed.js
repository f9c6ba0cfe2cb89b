// Sizes the LikeCast widgets of a page: every <iframe data-likecast> gets the height its widget reports with
// postMessage({type: "likecast:height", height}). Include once per page: <script src=".../embed.js" defer>.
(function () {
  'use strict';

  var kMinHeight = 200;    // CSS pixels; a smaller widget could not show a prediction
  var kMaxHeight = 4000;   // a bound on what a misbehaving frame can do to the host's layout

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'likecast:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-likecast]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      // Only the widget inside this frame, served from the frame's own origin, may size it.
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, document.baseURI).origin !== event.origin) return;
      var height = Math.round(Math.min(kMaxHeight, Math.max(kMinHeight, data.height)));
      frame.style.height = height + 'px';
      frame.setAttribute('data-likecast-height', String(height));
      return;
    }
  });
})();
