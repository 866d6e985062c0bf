// The console's only script (served from /js, no inline script: the CSP forbids it). Progressive: every page works
// without it; with it the map toggles areas, the headline and instructions follow the event, text fields count
// characters against each channel's limit, and the delivery section follows Server-Sent Events.
(function () {
  'use strict';

  function areaBoxes(code) {
    return document.querySelectorAll('input[name="Form.AreaCodes"][value="' + code + '"]');
  }

  function syncMap() {
    document.querySelectorAll('#area-map polygon[data-code]').forEach(function (shape) {
      var box = areaBoxes(shape.getAttribute('data-code'))[0];
      shape.classList.toggle('selected', !!(box && box.checked));
    });
  }

  function setupMap() {
    var map = document.getElementById('area-map');
    if (!map) return;
    map.addEventListener('click', function (event) {
      var shape = event.target.closest('polygon.street');
      if (!shape) return;
      areaBoxes(shape.getAttribute('data-code')).forEach(function (box) { box.checked = !box.checked; });
      syncMap();
    });
    document.getElementById('area-tree').addEventListener('change', syncMap);
    syncMap();
  }

  function setupHeadline() {
    var select = document.getElementById('event-type');
    if (!select) return;
    var instruction = document.getElementById('instruction');
    var output = document.getElementById('headline-preview');
    var lastDefault = select.selectedOptions[0].getAttribute('data-instruction');
    function update() {
      var option = select.selectedOptions[0];
      var level = document.querySelector('input[name="Form.Level"]:checked');
      var status = document.getElementById('status').value;
      var mark = status === 'Exercise' ? '【演练】' : status === 'Test' ? '【测试】' : '';
      output.textContent = mark + select.getAttribute('data-department') + '发布' + option.getAttribute('data-name') +
        (level ? level.getAttribute('data-colour') : '') + '预警';
      var suggested = option.getAttribute('data-instruction');
      if (instruction.value.trim() === '' || instruction.value === lastDefault) instruction.value = suggested;
      lastDefault = suggested;
    }
    document.getElementById('draft-form').addEventListener('change', update);
    update();
  }

  function setupCounters() {
    document.querySelectorAll('textarea[data-max]').forEach(function (area) {
      var counter = document.querySelector('small.count[data-for="' + area.name + '"]');
      var max = parseInt(area.getAttribute('data-max'), 10);
      function count() {
        var length = Array.from(area.value).length;
        counter.textContent = length + ' / ' + max;
        counter.classList.toggle('warn', length > max);
      }
      area.addEventListener('input', count);
      count();
    });
  }

  // The live curve: one sample per event (time, recipients handed to providers so far), scaled to the SVG box.
  var samples = [];
  function drawCurve(at, progress) {
    var line = document.getElementById('curve-line');
    if (!line) return;
    var sent = progress.channels.reduce(function (sum, c) { return sum + c.sent; }, 0);
    var targeted = progress.channels.reduce(function (sum, c) { return sum + c.targeted; }, 0);
    if (samples.length === 0 && progress.startedAt) samples.push({ t: Date.parse(progress.startedAt), v: 0 });
    samples.push({ t: Date.parse(at), v: sent });
    var start = samples[0].t;
    var span = Math.max(1, samples[samples.length - 1].t - start);
    var max = Math.max(1, targeted);
    line.setAttribute('points', samples.map(function (p) {
      return ((p.t - start) / span * 600).toFixed(1) + ',' + (200 - p.v * 200 / max).toFixed(1);
    }).join(' '));
  }

  function setupLive() {
    var live = document.getElementById('live');
    if (!live || !window.EventSource) return;
    var source = new EventSource(live.getAttribute('data-stream'));
    source.addEventListener('progress', function (event) {
      var data = JSON.parse(event.data);
      var progress = data.progress;
      document.getElementById('progress-percent').textContent = progress.percent;
      var stateLabel = document.getElementById('progress-state');
      stateLabel.textContent = stateLabel.getAttribute('data-' + progress.state.toLowerCase()) || progress.state;
      live.setAttribute('data-state', progress.state);
      var body = document.querySelector('#progress-table tbody');
      progress.channels.forEach(function (c) {
        var row = body.querySelector('tr[data-channel="' + c.channel + '"]');
        if (!row) {
          row = document.createElement('tr');
          row.setAttribute('data-channel', c.channel);
          ['name', 'bar', 'targeted', 'sent', 'delivered', 'failed', 'skipped'].forEach(function (k) {
            var cell = document.createElement('td');
            cell.className = k;
            row.appendChild(cell);
          });
          row.querySelector('.name').textContent = c.channel;
          row.querySelector('.bar').innerHTML = '<progress max="100" value="0"></progress> <span class="pct"></span>%';
          body.appendChild(row);
        }
        row.querySelector('progress').value = c.percent;
        row.querySelector('.pct').textContent = c.percent;
        ['targeted', 'sent', 'delivered', 'failed', 'skipped'].forEach(function (k) {
          row.querySelector('.' + k).textContent = c[k];
        });
      });
      drawCurve(data.at, progress);
    });
    source.addEventListener('end', function () { source.close(); live.setAttribute('data-ended', 'true'); });
  }

  // 叫应 page: the table is re-rendered by the server (the Table handler) every 5 s and swapped in.
  function setupAcknowledgements() {
    var section = document.getElementById('ack');
    if (!section) return;
    setInterval(function () {
      fetch(section.getAttribute('data-poll'), { credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html) section.innerHTML = html; });
    }, 5000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    setupMap();
    setupHeadline();
    setupCounters();
    setupLive();
    setupAcknowledgements();
  });
})();
