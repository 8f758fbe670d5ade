// Hall board and window screen: follow the hall's calls over Server-Sent Events. EventSource reconnects by itself
// and sends Last-Event-ID, so the server replays what was missed; ids already shown are ignored.
(function () {
  'use strict';
  var root = document.querySelector('[data-events]');
  if (!root || !window.EventSource) {
    return;
  }
  var lastId = 0;
  var speak = root.getAttribute('data-speak') === 'true';
  var max = parseInt(root.getAttribute('data-max') || '8', 10);
  var soundButton = document.getElementById('enable-sound');
  var connection = document.getElementById('connection');
  var liveText = connection ? connection.textContent : '';

  if (soundButton) {
    // Browsers let a page speak only after someone touched it once (kiosk browsers may allow it from the start).
    soundButton.addEventListener('click', function () {
      if (window.speechSynthesis) {
        window.speechSynthesis.speak(new SpeechSynthesisUtterance(''));
      }
      soundButton.classList.add('d-none');
    });
  }

  function say(text) {
    if (!speak || !window.speechSynthesis || !text) {
      return;
    }
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }

  function cell(text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    return td;
  }

  function showCall(call) {
    var latest = document.getElementById('latest-call');
    if (latest) {
      latest.textContent = call.text;
      latest.classList.remove('flash');
      void latest.offsetWidth;
      latest.classList.add('flash');
    }
    var recent = document.getElementById('recent-calls');
    if (recent) {
      var row = document.createElement('tr');
      row.setAttribute('data-id', String(call.id));
      row.appendChild(cell(call.number, 'fw-bold'));
      row.appendChild(cell(call.windowLabel || String(call.window)));
      row.appendChild(cell(call.line));
      row.appendChild(cell(call.time));
      recent.insertBefore(row, recent.firstChild);
      while (recent.children.length > max) {
        recent.removeChild(recent.lastChild);
      }
    }
    var current = document.getElementById('current-number');
    if (current) {
      current.textContent = call.number;
      current.classList.remove('flash');
      void current.offsetWidth;
      current.classList.add('flash');
    }
    var name = document.getElementById('officer-name');
    if (name && call.officerName) {
      name.textContent = call.officerName;
      document.getElementById('officer-number').textContent = call.officerNumber || '';
      var acting = document.getElementById('officer-acting');
      if (acting) {
        acting.textContent = call.acting || '';
        acting.classList.toggle('d-none', !call.acting);
      }
    }
    say(call.speech);
  }

  function showCounts(counts) {
    var table = document.getElementById('waiting-counts');
    if (!table) {
      return;
    }
    while (table.firstChild) {
      table.removeChild(table.firstChild);
    }
    counts.forEach(function (count) {
      var row = document.createElement('tr');
      row.setAttribute('data-line', String(count.lineId));
      var th = document.createElement('th');
      th.setAttribute('scope', 'row');
      th.textContent = count.prefix + ' ' + count.name;
      row.appendChild(th);
      row.appendChild(cell(count.waiting + ' ' + (table.getAttribute('data-unit') || ''), 'text-end'));
      table.appendChild(row);
    });
  }

  // The window screen's officer on duty: sent when the screen connects and whenever an A/B switch changes it.
  function showOfficer(officer) {
    var name = document.getElementById('officer-name');
    if (!name) {
      return;
    }
    name.textContent = officer.name;
    document.getElementById('officer-number').textContent = officer.staffNumber;
    var acting = document.getElementById('officer-acting');
    if (acting) {
      acting.textContent = officer.acting || '';
      acting.classList.toggle('d-none', !officer.acting);
    }
  }

  var source = new EventSource(root.getAttribute('data-events'));
  source.addEventListener('call', function (event) {
    var id = parseInt(event.lastEventId, 10);
    if (id && id <= lastId) {
      return;
    }
    lastId = id || lastId;
    showCall(JSON.parse(event.data));
  });
  source.addEventListener('officer', function (event) {
    showOfficer(JSON.parse(event.data));
  });
  source.addEventListener('counts', function (event) {
    showCounts(JSON.parse(event.data));
  });
  source.addEventListener('open', function () {
    if (connection) {
      connection.textContent = liveText;
      connection.classList.replace('text-bg-danger', 'text-bg-secondary');
    }
  });
  source.addEventListener('error', function () {
    if (connection) {
      connection.textContent = connection.getAttribute('data-offline');
      connection.classList.replace('text-bg-secondary', 'text-bg-danger');
    }
  });
})();
