// Kiosk pages: print the ticket on the receipt printer, and go back to the line buttons when nobody has touched the
// kiosk for a while (data-return-after milliseconds, 30 seconds unless said), so the next citizen starts afresh.
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () {
      window.print();
    });
  });
  var page = document.querySelector('[data-return]');
  if (page) {
    if (page.getAttribute('data-autoprint') === 'true' && navigator.webdriver !== true) {
      window.print();
    }
    var after = parseInt(page.getAttribute('data-return-after') || '30000', 10);
    var timer = null;
    var restart = function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        window.location.assign(page.getAttribute('data-return'));
      }, after);
    };
    ['click', 'input', 'touchstart', 'scroll'].forEach(function (name) {
      document.addEventListener(name, restart, {passive: true});
    });
    restart();
  }
})();
