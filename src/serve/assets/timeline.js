// Timeline page: events across documents on a zoomable time axis, drawn on a canvas so that ten thousand
// events stay smooth. Points are dates, bars are periods; a red ring marks sources that disagree. Coarse periods
// ("the 21st century", "the 1950s") are faint bands behind the events: the default view fits the dated events,
// so a century does not squeeze a year's events into a corner.
(function () {
  'use strict';
  var root = document.getElementById('timeline');
  var canvas = document.getElementById('tl-canvas');
  if (!root || !canvas) return;
  var ctx = canvas.getContext('2d');
  var tip = document.getElementById('tl-tip');
  var detail = document.getElementById('tl-detail');
  var listEl = document.getElementById('tl-events');
  var countEl = document.getElementById('tl-count');
  var rangeEl = document.getElementById('tl-range');
  var summaryEl = document.getElementById('tl-summary');

  var DAY = 86400000;
  var AXIS = 34, TOP = 12, LANE = 22, MAX_LIST = 200;
  var PALETTE = ['#1f5f78', '#2e7a57', '#7a4fa3', '#a65a12', '#2f6fb0', '#8a5a44', '#4b7f86', '#6a6f20'];
  var events = [], view = { t0: 0, t1: 1 }, full = { t0: 0, t1: 1 }, fit = { t0: 0, t1: 1 };
  var COARSE = { decade: true, century: true, vague: true }, BAND_YEARS = 15;
  var buckets = null, drawn = [], selected = -1, hover = -1, frame = 0, listTimer = 0, lanesUsed = 0, fitted = false;
  var stats = (window.__concordTimeline = { draws: [], events: 0 });

  function parse(iso, endOfRange) {
    if (!iso) return NaN;
    var m = /^(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
    if (!m) return NaN;
    var y = +m[1], mo = m[2] ? +m[2] - 1 : endOfRange ? 11 : 0;
    var d = m[3] ? +m[3] : endOfRange ? new Date(Date.UTC(y, mo + 1, 0)).getUTCDate() : 1;
    var t = Date.UTC(y, mo, d);
    if (y >= 0 && y < 100) t = new Date(t).setUTCFullYear(y);
    return endOfRange ? t + DAY : t;
  }

  var sourceColour = {};
  function colourOf(source) {
    if (!(source in sourceColour)) sourceColour[source] = PALETTE[Object.keys(sourceColour).length % PALETTE.length];
    return sourceColour[source];
  }

  function load(entries) {
    events = [];
    entries.forEach(function (e, i) {
      var start = parse(e.start || e.value, false), end = parse(e.end || e.value, true);
      if (isNaN(start)) return;
      if (isNaN(end) || end < start) end = start + DAY;
      var source = e.mentions && e.mentions[0] ? e.mentions[0].source : '';
      var band = !!COARSE[e.precision] || end - start > BAND_YEARS * 365.25 * DAY;
      events.push({ i: i, e: e, start: start, end: end, point: end - start <= DAY, band: band, colour: colourOf(source), disagree: e.disagreements && e.disagreements.length > 0 });
    });
    events.sort(function (a, b) { return a.start - b.start || a.end - b.end; });
    stats.events = events.length;
    var disagreeing = events.filter(function (ev) { return ev.disagree; }).length;
    summaryEl.textContent = events.length.toLocaleString('en') + (events.length === 1 ? ' event' : ' events') + ' across the archive' +
      (disagreeing ? ' · ' + disagreeing.toLocaleString('en') + (disagreeing === 1 ? ' disagreement' : ' disagreements') + ' between sources' : '') +
      (events.length ? '' : ' — events appear as statements with dates are added.');
    full = span(events);
    // The default view (and "Fit events") covers the dated events; coarse periods alone only when there is nothing else.
    var fine = events.filter(function (ev) { return !ev.band; });
    fit = fine.length ? span(fine) : full;
    view = { t0: fit.t0, t1: fit.t1 };
    schedule(true);
  }

  function span(list) {
    if (!list.length) return { t0: Date.UTC(1900, 0, 1), t1: Date.UTC(2030, 0, 1) };
    var lo = Infinity, hi = -Infinity;
    list.forEach(function (ev) { if (ev.start < lo) lo = ev.start; if (ev.end > hi) hi = ev.end; });
    var pad = Math.max((hi - lo) * 0.05, 180 * DAY);
    return { t0: lo - pad, t1: hi + pad };
  }

  // ── geometry ──
  function width() { return canvas.clientWidth; }
  function height() { return canvas.clientHeight; }
  function x(t) { return ((t - view.t0) / (view.t1 - view.t0)) * width(); }
  function tAt(px) { return view.t0 + (px / width()) * (view.t1 - view.t0); }

  function resize() {
    var dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width() * dpr);
    canvas.height = Math.round(height() * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    schedule(false);
  }

  // ── axis ticks: the largest readable unit ──
  var STEPS = [
    [DAY, 'day'], [7 * DAY, 'week'], [30.44 * DAY, 'month'], [91.3 * DAY, 'quarter'], [365.25 * DAY, 'year'],
    [2 * 365.25 * DAY, 'year'], [5 * 365.25 * DAY, 'year'], [10 * 365.25 * DAY, 'year'], [20 * 365.25 * DAY, 'year'],
    [50 * 365.25 * DAY, 'year'], [100 * 365.25 * DAY, 'year'], [250 * 365.25 * DAY, 'year'], [500 * 365.25 * DAY, 'year'],
  ];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function ticks() {
    var span = view.t1 - view.t0, w = width(), step = STEPS[STEPS.length - 1];
    for (var i = 0; i < STEPS.length; i++) if ((STEPS[i][0] / span) * w >= 90) { step = STEPS[i]; break; }
    var out = [], d = new Date(view.t0), t;
    if (step[1] === 'year') {
      var years = Math.round(step[0] / (365.25 * DAY));
      var y = Math.ceil(d.getUTCFullYear() / years) * years;
      for (; (t = Date.UTC(y, 0, 1)) <= view.t1; y += years) out.push([t, String(y)]);
    } else if (step[1] === 'month' || step[1] === 'quarter') {
      var every = step[1] === 'month' ? 1 : 3, yy = d.getUTCFullYear(), mm = Math.ceil(d.getUTCMonth() / every) * every;
      for (; (t = Date.UTC(yy, mm, 1)) <= view.t1; mm += every) {
        var dt = new Date(t);
        out.push([t, dt.getUTCMonth() === 0 ? String(dt.getUTCFullYear()) : MONTHS[dt.getUTCMonth()]]);
      }
    } else {
      var days = step[1] === 'week' ? 7 : 1;
      for (t = Math.ceil(view.t0 / DAY) * DAY; t <= view.t1; t += days * DAY) {
        var dd = new Date(t);
        out.push([t, dd.getUTCDate() + ' ' + MONTHS[dd.getUTCMonth()] + (dd.getUTCDate() <= days ? ' ' + dd.getUTCFullYear() : '')]);
      }
    }
    return out;
  }

  function fmt(t) {
    var d = new Date(t);
    return d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
  }

  function truncate(text, max) {
    if (ctx.measureText(text).width <= max) return text;
    var lo = 0, hi = text.length;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (ctx.measureText(text.slice(0, mid) + '…').width <= max) lo = mid; else hi = mid - 1; }
    return lo ? text.slice(0, lo) + '…' : '';
  }

  // ── drawing ──
  function draw() {
    frame = 0;
    var began = performance.now();
    var w = width(), h = height();
    ctx.clearRect(0, 0, w, h);
    ctx.font = '12px system-ui, -apple-system, "Segoe UI", Roboto, "PingFang TC", "Noto Sans CJK TC", "Microsoft JhengHei", sans-serif';
    ctx.textBaseline = 'middle';
    // grid and axis
    var tk = ticks();
    ctx.strokeStyle = '#eeebe4';
    ctx.fillStyle = '#5d646d';
    ctx.lineWidth = 1;
    tk.forEach(function (k) {
      var px = Math.round(x(k[0])) + 0.5;
      ctx.beginPath(); ctx.moveTo(px, TOP); ctx.lineTo(px, h - AXIS); ctx.stroke();
      ctx.fillText(k[1], px + 4, h - AXIS / 2);
    });
    ctx.strokeStyle = '#cfc9bd';
    ctx.beginPath(); ctx.moveTo(0, h - AXIS + 0.5); ctx.lineTo(w, h - AXIS + 0.5); ctx.stroke();

    // visible events, packed into lanes
    var lanes = Math.max(1, Math.floor((h - AXIS - TOP) / LANE));
    var laneEnd = new Array(lanes).fill(-Infinity);
    var visible = [];
    for (var i = 0; i < events.length && events[i].start <= view.t1; i++) if (events[i].end >= view.t0) visible.push(i);
    drawn = [];
    buckets = null;
    var bands = visible.filter(function (idx) { return events[idx].band; });
    if (bands.length) {
      drawBands(bands, w, h);
      visible = visible.filter(function (idx) { return !events[idx].band; });
    }
    var labels = visible.length <= 400;
    // More events than the lanes can show one by one: draw their density instead (click a bar to zoom in).
    if (visible.length > lanes * Math.max(1, w / 14)) {
      lanesUsed = lanes; // a crowded archive keeps the full height
      drawDensity(visible, w, h);
      finishFrame(visible, began, bands);
      return bands.concat(visible).sort(function (a, b) { return a - b; });
    }
    // Layout first, then one path per colour: ten thousand shapes cost a few fills, not ten thousand.
    var points = {}, bars = {}, rings = [], labelled = [];
    for (var v = 0; v < visible.length; v++) {
      var idx = visible[v], ev = events[idx];
      var x0 = x(ev.start), x1 = ev.point ? x0 : x(ev.end);
      var bodyW = ev.point ? 10 : Math.max(x1 - x0, 6);
      var left = ev.point ? x0 - 5 : x0;
      var label = labels ? truncate(ev.e.text, 220) : '';
      var labelW = label ? ctx.measureText(label).width : 0;
      var need = left + bodyW + (label ? labelW + 12 : 2);
      var lane = -1, best = 0;
      for (var l = 0; l < lanes; l++) {
        if (laneEnd[l] <= left) { lane = l; break; }
        if (laneEnd[l] < laneEnd[best]) best = l;
      }
      if (lane < 0) { lane = best; label = ''; labelW = 0; }
      laneEnd[lane] = Math.max(laneEnd[lane], need);
      if (lane + 1 > lanesUsed) lanesUsed = lane + 1;
      var y = TOP + lane * LANE + LANE / 2;
      var shape = { idx: idx, ev: ev, x0: x0, y: y, left: left, w: bodyW };
      (ev.point ? (points[ev.colour] = points[ev.colour] || []) : (bars[ev.colour] = bars[ev.colour] || [])).push(shape);
      if (ev.disagree) rings.push(shape);
      if (label) labelled.push([label, left + bodyW + 6, y, ev.disagree]);
      drawn.push({ idx: idx, x: left - 3, y: y - 9, w: bodyW + 6 + (label ? labelW + 6 : 0), h: 18, shape: shape });
    }
    Object.keys(bars).forEach(function (colour) {
      ctx.fillStyle = colour;
      ctx.globalAlpha = 0.55;
      bars[colour].forEach(function (b) { ctx.fillRect(b.left, b.y - 5, b.w, 10); });
    });
    ctx.globalAlpha = 1;
    // Thousands in view: squares (fillRect) draw several times faster than arcs and read the same at that density.
    var dense = visible.length > 1500;
    Object.keys(points).forEach(function (colour) {
      ctx.fillStyle = colour;
      if (dense) { points[colour].forEach(function (p) { ctx.fillRect(p.x0 - 4, p.y - 4, 8, 8); }); return; }
      ctx.beginPath();
      points[colour].forEach(function (p) { ctx.moveTo(p.x0 + 5, p.y); ctx.arc(p.x0, p.y, 5, 0, 6.2832); });
      ctx.fill();
    });
    if (rings.length) {
      ctx.strokeStyle = '#b3261e';
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      rings.forEach(function (r) {
        if (r.ev.point) { ctx.moveTo(r.x0 + 7.5, r.y); ctx.arc(r.x0, r.y, 7.5, 0, 6.2832); }
        else ctx.rect(r.left - 1.5, r.y - 6.5, r.w + 3, 13);
      });
      ctx.stroke();
    }
    drawn.forEach(function (d) {
      if ((d.idx !== selected && d.idx !== hover) || !d.shape) return;
      var sh = d.shape;
      ctx.strokeStyle = '#1d2125';
      ctx.lineWidth = 2;
      ctx.beginPath();
      if (sh.ev.point) ctx.arc(sh.x0, sh.y, 9.5, 0, 6.2832);
      else ctx.rect(sh.left - 3, sh.y - 8, sh.w + 6, 16);
      ctx.stroke();
    });
    labelled.forEach(function (l) { ctx.fillStyle = l[3] ? '#b3261e' : '#1d2125'; ctx.fillText(l[0], l[1], l[2]); });
    finishFrame(visible, began, bands);
    return bands.concat(visible).sort(function (a, b) { return a - b; });
  }

  // Coarse periods: a faint band behind the events, its label along the bottom (clickable; events drawn later win).
  function drawBands(bands, w, h) {
    var bottom = h - AXIS, slots = 0;
    bands.forEach(function (idx) {
      var ev = events[idx], x0 = Math.max(0, x(ev.start)), x1 = Math.min(w, x(ev.end));
      ctx.globalAlpha = 0.08;
      ctx.fillStyle = ev.colour;
      ctx.fillRect(x0, TOP, Math.max(1, x1 - x0), bottom - TOP);
      ctx.globalAlpha = 0.35;
      ctx.fillRect(x0, bottom - 3, Math.max(1, x1 - x0), 3);
      ctx.globalAlpha = 1;
      if (slots >= 3) return;
      var label = truncate(ev.e.text + ' (' + ev.e.value + ')', Math.max(0, Math.min(x1 - x0, 260) - 10));
      if (!label) return;
      var y = bottom - 12 - slots * 16;
      slots++;
      ctx.fillStyle = ev.disagree ? '#b3261e' : '#5d646d';
      ctx.fillText(label, x0 + 6, y);
      if (idx === selected || idx === hover) { ctx.fillRect(x0 + 6, y + 7, ctx.measureText(label).width, 1); }
      drawn.push({ idx: idx, x: x0, y: y - 8, w: ctx.measureText(label).width + 12, h: 16, shape: null });
    });
  }

  function finishFrame(visible, began, bands) {
    var shown = visible.length + (bands ? bands.length : 0);
    rangeEl.textContent = fmt(view.t0) + ' – ' + fmt(view.t1) + ' · ' + shown.toLocaleString('en') + ' of ' + events.length.toLocaleString('en') + ' events' + (buckets ? ' (density; zoom in for single events)' : '');
    stats.draws.push(performance.now() - began);
    if (stats.draws.length > 500) stats.draws.shift();
  }

  var BUCKET = 4;
  function drawDensity(visible, w, h) {
    var n = Math.ceil(w / BUCKET), counts = new Int32Array(n), disagree = new Int32Array(n), max = 1;
    for (var v = 0; v < visible.length; v++) {
      var ev = events[visible[v]];
      var b = Math.min(n - 1, Math.max(0, Math.floor(x(Math.max(ev.start, view.t0)) / BUCKET)));
      counts[b]++;
      if (ev.disagree) disagree[b]++;
      if (counts[b] > max) max = counts[b];
    }
    var top = TOP + 14, full = h - AXIS - top;
    ctx.fillStyle = '#5d646d';
    ctx.fillText('Events per ' + fmtSpan((view.t1 - view.t0) * BUCKET / w) + ' (most: ' + max + ')', 6, TOP + 2);
    buckets = [];
    ctx.fillStyle = '#1f5f78';
    for (var i = 0; i < n; i++) {
      if (!counts[i]) continue;
      // Square-root scale: a single event stays visible beside a crowded year.
      var bh = Math.max(2, Math.sqrt(counts[i] / max) * full);
      ctx.fillRect(i * BUCKET, h - AXIS - bh, BUCKET - 1, bh);
      buckets.push({ x: i * BUCKET, count: counts[i], disagree: disagree[i] });
    }
    ctx.fillStyle = '#b3261e';
    buckets.forEach(function (bk) {
      if (!bk.disagree) return;
      var dh = Math.max(2, Math.sqrt(bk.disagree / max) * full);
      ctx.fillRect(bk.x, h - AXIS - dh, BUCKET - 1, dh);
    });
  }
  function fmtSpan(ms) {
    var days = ms / DAY;
    if (days < 2) return 'day';
    if (days < 45) return Math.round(days) + ' days';
    if (days < 700) return Math.round(days / 30.44) + ' months';
    return Math.round(days / 365.25) + ' years';
  }
  function bucketAt(px) {
    if (!buckets) return null;
    for (var i = 0; i < buckets.length; i++) if (px >= buckets[i].x && px < buckets[i].x + BUCKET) return buckets[i];
    return null;
  }

  // One draw per animation frame; the list is rebuilt (debounced) when any caller since the last frame asked.
  var relistPending = false;
  function schedule(relist) {
    if (relist !== false) relistPending = true;
    if (frame) return;
    frame = requestAnimationFrame(function () {
      var visible = draw();
      fitHeight();
      if (relistPending) {
        relistPending = false;
        clearTimeout(listTimer);
        listTimer = setTimeout(function () { renderList(visible); }, 120);
      }
    });
  }

  // A few events get a short canvas; a crowded archive keeps the full height. Decided once, after the first draw.
  function fitHeight() {
    if (fitted || !events.length) return;
    fitted = true;
    var wanted = Math.max(170, Math.min(380, TOP + lanesUsed * LANE + AXIS + 16));
    if (wanted < height()) { canvas.style.height = wanted + 'px'; resize(); }
  }

  // ── the accessible list of events in view ──
  function text(tag, cls, value) { var e = document.createElement(tag); if (cls) e.className = cls; e.textContent = value; return e; }
  function sentenceLink(m) {
    var a = text('a', 'ev-link', m.source || m.title || m.documentId);
    a.href = '/documents/' + encodeURIComponent(m.documentId) + '#' + encodeURIComponent(m.sentence);
    return a;
  }
  // Who says it and in which file: "East Turkistan Government in Exile, statement.txt" (the file alone when no author is known).
  function fileName(origin) {
    var last = String(origin || '').replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() || '';
    try { return decodeURIComponent(last); } catch (err) { return last; }
  }
  function cite(m) {
    var file = fileName(m.origin);
    return m.source && m.source !== file ? m.source + (file ? ', ' + file : '') : file || m.source || '';
  }
  function renderList(visible) {
    listEl.textContent = '';
    visible.slice(0, MAX_LIST).forEach(function (idx) {
      var ev = events[idx], e = ev.e, li = document.createElement('li');
      li.className = 'event' + (ev.disagree ? ' disagree' : '') + (idx === selected ? ' selected' : '');
      li.dataset.index = String(idx);
      var time = text('time', '', e.value); time.setAttribute('datetime', e.start || e.value);
      var open = text('button', 'ev-open', 'Details'); open.type = 'button'; open.dataset.index = String(idx);
      open.setAttribute('aria-label', 'Details of ' + e.value + ': ' + e.text);
      li.append(time, text('span', 'ev-text', e.text));
      if (ev.disagree) li.append(text('span', 'chip sev-major', 'sources disagree'));
      if (e.documents > 1) li.append(text('span', 'chip', e.documents + ' sources'));
      li.append(open);
      if (e.mentions && e.mentions[0]) li.append(sentenceLink(e.mentions[0]));
      listEl.append(li);
    });
    countEl.textContent = visible.length > MAX_LIST ? '(first ' + MAX_LIST + ' of ' + visible.length.toLocaleString('en') + ')' : '(' + visible.length + ')';
  }

  function showDetail(idx) {
    selected = idx;
    schedule(false);
    Array.prototype.forEach.call(listEl.querySelectorAll('li'), function (li) { li.classList.toggle('selected', li.dataset.index === String(idx)); });
    detail.textContent = '';
    if (idx < 0) return;
    var e = events[idx].e;
    detail.append(text('h3', '', e.value + ' — ' + e.text));
    detail.append(text('p', 'muted small', 'Precision: ' + e.precision + ' · told by ' + e.documents + (e.documents === 1 ? ' document' : ' documents')));
    (e.disagreements || []).forEach(function (d) {
      detail.append(text('p', 'disagreement', 'Sources disagree (' + d.kind + '): ' + d.message));
      var ul = document.createElement('ul');
      d.sides.forEach(function (side) {
        var li = text('li', '', side.value + ': ');
        side.citations.forEach(function (c) { li.append(sentenceLink(c), ' '); });
        ul.append(li);
      });
      detail.append(ul);
    });
    var ul = document.createElement('ul');
    ul.className = 'mentions-list';
    (e.mentions || []).forEach(function (m) {
      var li = document.createElement('li');
      var a = sentenceLink(m);
      a.textContent = m.quote || m.text;
      li.append(a, text('span', 'muted small', ' — ' + cite(m) + (m.value !== e.value ? ' gives ' + m.value : '')));
      ul.append(li);
    });
    detail.append(ul);
  }

  // ── interaction ──
  function zoom(factor, atPx) {
    var span = view.t1 - view.t0, centre = tAt(atPx === undefined ? width() / 2 : atPx);
    var next = Math.min(Math.max(span * factor, 2 * DAY), Math.max(full.t1 - full.t0, fit.t1 - fit.t0) * 4);
    var ratio = (centre - view.t0) / span;
    view = { t0: centre - next * ratio, t1: centre - next * ratio + next };
    schedule(true);
  }
  function pan(px) {
    var dt = (px / width()) * (view.t1 - view.t0);
    view = { t0: view.t0 - dt, t1: view.t1 - dt };
    schedule(true);
  }
  function hit(px, py) {
    for (var i = drawn.length - 1; i >= 0; i--) { var d = drawn[i]; if (px >= d.x && px <= d.x + d.w && py >= d.y && py <= d.y + d.h) return d.idx; }
    return -1;
  }

  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    var r = canvas.getBoundingClientRect();
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) pan(-e.deltaX);
    else zoom(Math.pow(1.0015, e.deltaY), e.clientX - r.left);
  }, { passive: false });

  var drag = null;
  canvas.addEventListener('pointerdown', function (e) { drag = { x: e.clientX, moved: false }; canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener('pointermove', function (e) {
    var r = canvas.getBoundingClientRect(), px = e.clientX - r.left, py = e.clientY - r.top;
    if (drag) {
      if (Math.abs(e.clientX - drag.x) > 2) { drag.moved = true; canvas.classList.add('dragging'); }
      if (drag.moved) { pan(e.clientX - drag.x); drag.x = e.clientX; tip.hidden = true; return; }
    }
    var bucket = bucketAt(px);
    if (bucket) {
      var t0 = tAt(bucket.x), t1 = tAt(bucket.x + BUCKET);
      tip.textContent = bucket.count + (bucket.count === 1 ? ' event' : ' events') + ', ' + fmt(t0) + ' – ' + fmt(t1) + (bucket.disagree ? ' · ' + bucket.disagree + ' disputed' : '') + ' — click to zoom in';
      tip.hidden = false;
      tip.style.transform = 'translate(' + Math.max(4, Math.min(px + 14, width() - tip.offsetWidth - 6)) + 'px,' + Math.max(4, py - 40) + 'px)';
      return;
    }
    var h = hit(px, py);
    if (h !== hover) { hover = h; schedule(false); }
    if (h < 0) { tip.hidden = true; return; }
    var e2 = events[h].e;
    tip.textContent = e2.value + ' — ' + e2.text + (events[h].disagree ? ' (sources disagree)' : '') + ' · ' + e2.documents + (e2.documents === 1 ? ' source' : ' sources');
    tip.hidden = false;
    var tx = Math.min(px + 14, width() - tip.offsetWidth - 6), ty = py + 16 > height() - 60 ? py - tip.offsetHeight - 10 : py + 16;
    tip.style.transform = 'translate(' + Math.max(4, tx) + 'px,' + ty + 'px)';
  });
  canvas.addEventListener('pointerup', function (e) {
    var r = canvas.getBoundingClientRect();
    if (drag && !drag.moved) {
      var bucket = bucketAt(e.clientX - r.left);
      if (bucket) zoom(0.12, bucket.x + BUCKET / 2);
      else { var h = hit(e.clientX - r.left, e.clientY - r.top); if (h >= 0) showDetail(h); }
    }
    drag = null;
    canvas.classList.remove('dragging');
  });
  canvas.addEventListener('pointerleave', function () { tip.hidden = true; if (hover >= 0) { hover = -1; schedule(false); } });

  function step(dir) {
    if (!events.length) return;
    var next = selected < 0 ? (dir > 0 ? 0 : events.length - 1) : Math.min(Math.max(selected + dir, 0), events.length - 1);
    var ev = events[next];
    if (ev.start < view.t0 || ev.start > view.t1) { var span = view.t1 - view.t0; view = { t0: ev.start - span / 2, t1: ev.start + span / 2 }; schedule(true); }
    showDetail(next);
  }
  canvas.addEventListener('keydown', function (e) {
    var k = e.key;
    if (k === 'ArrowLeft') pan(width() * 0.15);
    else if (k === 'ArrowRight') pan(-width() * 0.15);
    else if (k === '+' || k === '=') zoom(1 / 1.5);
    else if (k === '-' || k === '_') zoom(1.5);
    else if (k === '0') { view = { t0: fit.t0, t1: fit.t1 }; schedule(true); }
    else if (k === '9') { view = { t0: full.t0, t1: full.t1 }; schedule(true); }
    else if (k === 'n' || k === 'ArrowDown') step(1);
    else if (k === 'p' || k === 'ArrowUp') step(-1);
    else if (k === 'Enter' && selected >= 0) { var m = events[selected].e.mentions[0]; if (m) location.href = '/documents/' + encodeURIComponent(m.documentId) + '#' + encodeURIComponent(m.sentence); }
    else return;
    e.preventDefault();
  });
  root.querySelector('.tl-toolbar').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-zoom]');
    if (!b) return;
    var z = b.getAttribute('data-zoom');
    if (z === 'in') zoom(1 / 1.5);
    else if (z === 'out') zoom(1.5);
    else if (z === 'all') { view = { t0: full.t0, t1: full.t1 }; schedule(true); }
    else { view = { t0: fit.t0, t1: fit.t1 }; schedule(true); }
  });
  listEl.addEventListener('click', function (e) {
    var b = e.target.closest('button.ev-open');
    if (b) showDetail(+b.dataset.index);
  });

  if (window.ResizeObserver) new ResizeObserver(resize).observe(canvas);
  else window.addEventListener('resize', resize);
  resize();
  fetch(root.getAttribute('data-src'), { headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) throw new Error('timeline ' + r.status); return r.json(); })
    .then(function (body) { load(body.entries || []); root.dataset.ready = 'true'; })
    .catch(function (err) { detail.textContent = 'The timeline could not be loaded: ' + err.message; });
})();
