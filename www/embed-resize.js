// For the page that embeds embed.html in an iframe: sizes each Corroborate
// iframe to the height it reports, so it never shows an inner scrollbar.
//
//   <script src="https://your.site/corroborate/embed-resize.js" async></script>
//
// A classic script that adds no globals; loading it twice is harmless. Works
// under a strict Content-Security-Policy (it sets the height through CSSOM).
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'corroborate:height') return;
    var height = Number(data.height);
    if (!(height > 0) || height > 100000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        frames[i].style.border = '0';
        frames[i].setAttribute('data-corroborate-height', String(Math.ceil(height)));
      }
    }
  });
  // Heights posted before this script ran: ask every iframe to say it again
  // (embeds answer only their parent; other iframes ignore the message).
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    try {
      frames[i].contentWindow.postMessage({ type: 'corroborate:get-height' }, '*');
    } catch (e) { /* not loaded yet: it will post its height itself */ }
  }
})();
