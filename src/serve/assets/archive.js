// Archive page: drag-and-drop (or chosen) files are uploaded with progress, analysed and stored.
(function () {
  'use strict';
  var zone = document.getElementById('dropzone');
  var input = document.getElementById('upload-input');
  var list = document.getElementById('upload-list');
  if (!zone || !input || !list) return;
  var needsToken = zone.getAttribute('data-token-required') === 'true';
  var pending = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text; // always text, never markup
    return e;
  }

  function refreshList() {
    fetch(location.href, { headers: { Accept: 'text/html' } })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var fresh = new DOMParser().parseFromString(text, 'text/html');
        ['section[aria-labelledby="docs-title"]', '.page-head .lede'].forEach(function (sel) {
          var now = document.querySelector(sel);
          var next = fresh.querySelector(sel);
          if (now && next) now.replaceWith(document.importNode(next, true));
        });
      })
      .catch(function () {});
  }

  function upload(file) {
    var item = el('li');
    var name = el('span', 'name', file.name);
    var bar = el('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', 'Upload of ' + file.name);
    var state = el('span', 'state', 'Uploading…');
    item.append(name, bar, state);
    list.prepend(item);
    pending++;

    var form = new FormData();
    form.append('file', file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('Accept', 'application/json');
    if (needsToken) {
      var token = document.getElementById('upload-token');
      if (token && token.value) xhr.setRequestHeader('Authorization', 'Bearer ' + token.value);
    }
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    xhr.upload.addEventListener('load', function () {
      bar.removeAttribute('value'); // indeterminate while the server analyses
      state.textContent = 'Analysing: reading, splitting, aligning, checking…';
    });
    xhr.addEventListener('load', function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status === 200 || xhr.status === 201) {
        var r = body && body.results && body.results[0];
        bar.value = 100;
        state.textContent = '';
        var verb = r.status === 'added' ? 'Added' : r.status === 'revised' ? 'New revision of' : 'Already in the archive:';
        state.append(verb + ' ');
        var link = el('a', 'open', r.title || r.name);
        link.href = r.url;
        state.append(link, ' · ' + r.languages.join(' + ') + ' · ' + r.findings + (r.findings === 1 ? ' finding' : ' findings'));
        item.className = 'done';
      } else {
        item.className = 'failed';
        bar.value = 0;
        state.textContent = 'Not stored: ' + ((body && (body.detail || body.title)) || 'the server answered ' + xhr.status);
      }
      finish();
    });
    xhr.addEventListener('error', function () {
      item.className = 'failed';
      state.textContent = 'Not stored: the connection failed.';
      finish();
    });
    xhr.send(form);
  }

  function finish() {
    pending--;
    if (pending === 0) refreshList();
  }

  function take(files) { Array.prototype.forEach.call(files, upload); }

  input.addEventListener('change', function () { take(input.files); input.value = ''; });
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'dragend'].forEach(function (type) {
    zone.addEventListener(type, function (e) { if (e.target === zone) zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length) take(e.dataTransfer.files);
  });
  // Dropping a file outside the zone must not navigate away from the page.
  window.addEventListener('dragover', function (e) { e.preventDefault(); });
  window.addEventListener('drop', function (e) { e.preventDefault(); });
})();
