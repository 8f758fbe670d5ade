// The citizen's ticket page refreshes itself, so the phone shows when the number is called.
(function () {
  'use strict';
  var page = document.querySelector('[data-refresh]');
  if (page) {
    setTimeout(function () {
      window.location.reload();
    }, parseInt(page.getAttribute('data-refresh'), 10) * 1000);
  }
})();
