// Keeps each thermometer on the page current: the server pushes new totals as gifts
// are paid (Server-Sent Events); without this script the figures are as drawn.
(function () {
  if (!window.EventSource) return;
  document.querySelectorAll('[data-live]').forEach(function (box) {
    var source = new EventSource(box.getAttribute('data-live'));
    source.onmessage = function (event) {
      var now = JSON.parse(event.data);
      box.querySelector('[data-raised]').textContent = now.raised_text;
      box.querySelector('[data-gifts]').textContent = now.gifts;
      var bar = box.querySelector('progress');
      bar.value = now.percent;
      bar.textContent = now.percent + '%';
      box.setAttribute('data-updated', String(Date.now()));
    };
  });
})();
