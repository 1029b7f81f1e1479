// Document page: a sentence highlights its counterpart; findings and facts lead to their sentences.
// Served as a file (the Content-Security-Policy forbids inline script); reads only data-* attributes.
(function () {
  'use strict';
  var aligned = document.querySelector('.versions');
  if (!aligned) return;
  var sentences = Array.prototype.slice.call(aligned.querySelectorAll('.s'));
  var pinned = null;
  var lit = [];

  function byId(id) { return document.getElementById(id); }
  function ids(el, name) { var v = el && el.getAttribute(name); return v ? v.split(' ') : []; }

  function clear() {
    lit.forEach(function (el) { el.classList.remove('active', 'counterpart', 'related-fact', 'related'); });
    lit = [];
  }
  function light(el, cls) { if (el) { el.classList.add(cls); lit.push(el); } }

  function show(sentence) {
    clear();
    if (!sentence) return;
    light(sentence, 'active');
    ids(sentence, 'data-pair').forEach(function (id) { light(byId(id), 'counterpart'); });
    ids(sentence, 'data-facts').forEach(function (id) { light(byId('fact-' + id), 'related'); });
    var findings = ids(sentence, 'data-findings');
    Array.prototype.forEach.call(sentence.querySelectorAll('mark[data-findings]'), function (m) { findings = findings.concat(ids(m, 'data-findings')); });
    findings.forEach(function (id) { light(byId('finding-' + id), 'related'); });
  }

  function isVisible(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 60 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);
  }

  function select(sentence, reveal) {
    pinned = sentence;
    show(sentence);
    if (reveal && sentence) {
      var other = byId(ids(sentence, 'data-pair')[0]);
      if (other && !isVisible(other)) other.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  }

  aligned.addEventListener('mouseover', function (e) {
    var s = e.target.closest && e.target.closest('.s');
    if (s) show(s);
  });
  aligned.addEventListener('mouseleave', function () { show(pinned); });
  aligned.addEventListener('click', function (e) {
    if (e.target.closest('a')) return;
    var s = e.target.closest('.s');
    if (s) { s.focus({ preventScroll: true }); select(s, true); }
  });
  aligned.addEventListener('focusin', function (e) {
    if (e.target.classList && e.target.classList.contains('s')) select(e.target, false);
  });

  // One tab stop for the whole text; arrows walk sentences, Enter or ←/→ cross to the counterpart.
  aligned.addEventListener('keydown', function (e) {
    var current = document.activeElement && document.activeElement.classList.contains('s') ? document.activeElement : null;
    var i = current ? sentences.indexOf(current) : -1;
    var next = null;
    if (e.key === 'ArrowDown' || e.key === 'j') next = sentences[Math.min(i + 1, sentences.length - 1)];
    else if (e.key === 'ArrowUp' || e.key === 'k') next = sentences[Math.max(i - 1, 0)];
    else if ((e.key === 'Enter' || e.key === 'ArrowRight' || e.key === 'ArrowLeft') && current) next = byId(ids(current, 'data-pair')[0]);
    else if (e.key === 'Escape') { pinned = null; clear(); return; }
    else return;
    if (next) {
      e.preventDefault();
      next.focus({ preventScroll: true });
      if (!isVisible(next)) next.scrollIntoView({ block: 'center' });
      select(next, false);
    }
  });

  // Landing on #sentence (a finding, a fact, a search hit, a timeline event): mark it, focus it, show its pair.
  function land() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = byId(id);
    if (!target) return;
    Array.prototype.forEach.call(document.querySelectorAll('.landed'), function (el) { el.classList.remove('landed'); });
    target.classList.add('landed');
    if (target.classList.contains('s')) {
      target.focus({ preventScroll: true });
      select(target, false);
    }
    target.scrollIntoView({ block: 'center' });
  }
  window.addEventListener('hashchange', land);
  land();

  // A fact in the side panel lights up the sentences that state it.
  var side = document.querySelector('.side');
  if (side) {
    side.addEventListener('mouseover', function (e) {
      var fact = e.target.closest && e.target.closest('[data-sentences]');
      if (!fact) return;
      clear();
      ids(fact, 'data-sentences').forEach(function (id) { light(byId(id), 'related-fact'); });
    });
    side.addEventListener('mouseleave', function () { show(pinned); });
  }
})();
