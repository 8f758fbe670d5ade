// Ticket pages: print on the receipt printer, and on a kiosk go back to the line buttons after a while.
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
    setTimeout(function () {
      window.location.assign(page.getAttribute('data-return'));
    }, 30000);
  }
})();
