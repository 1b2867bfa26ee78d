// The tact HTML report's only script: sorts, filters and pages the index of
// conversations (table#index) from the data the page carries
// (script#conv-data). The view is the URL's hash, "#filter?agent=a-1&sort=score",
// so a trend point or a heat cell can link to the conversations behind it and
// a view can be bookmarked. Without this script the page shows the worst rows.
(function () {
  'use strict';
  var dataNode = document.getElementById('conv-data');
  var table = document.getElementById('index');
  var form = document.getElementById('filters');
  if (!dataNode || !table || !form) return;
  var data = JSON.parse(dataNode.textContent);
  var tbody = table.tBodies[0];
  var pager = document.getElementById('pager');
  var PAGE = 100;
  var STATUS = { m: 'met', x: 'missed', n: 'not_applicable', c: 'clean', v: 'violated',
    p: 'present', a: 'absent' };
  var GOOD = 'mcp', BAD = 'xv';
  // A row: [n, id, agent, channel, language, day, score, critical, missed, violated, statuses, on page].
  var COLUMN = { rank: -1, id: 1, agent: 2, channel: 3, language: 4, date: 5, score: 6,
    critical: 7, missed: 8, violated: 9 };
  var names = { agent: data.agents, channel: data.channels, language: data.languages };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function dayText(d) { return new Date(d * 864e5).toISOString().slice(0, 10); }
  function dayOf(text) { var t = Date.parse(text + 'T00:00:00Z'); return isNaN(t) ? null : t / 864e5; }

  // The worst-first order is the data's rank: by score (unscored last), critical, input order.
  var ranked = data.rows.slice().sort(function (a, b) {
    var sa = a[6] === null ? Infinity : a[6], sb = b[6] === null ? Infinity : b[6];
    return sa - sb || b[7] - a[7] || a[0] - b[0];
  });
  ranked.forEach(function (r, i) { r.rank = i + 1; });

  // ---- the form: built here, so a page without scripts shows none of it
  function select(name, label, values, texts) {
    var s = el('select', { name: name, 'aria-label': label });
    s.appendChild(el('option', { value: '' }, label + ': all'));
    values.forEach(function (v, i) { s.appendChild(el('option', { value: v }, texts ? texts[i] : v)); });
    form.appendChild(s);
  }
  function input(name, label, type, attrs) {
    var i = el('input', Object.assign({ name: name, type: type, placeholder: label, 'aria-label': label }, attrs || {}));
    form.appendChild(i);
  }
  var NONE = '(none)';
  select('agent', 'agent', data.agents.map(function (a) { return a || NONE; }));
  select('language', 'language', data.languages);
  select('channel', 'channel', data.channels);
  select('behaviour', 'behaviour', data.behaviours, data.titles);
  select('status', 'status', ['bad', 'good', 'met', 'missed', 'clean', 'violated', 'not_applicable'],
    ['missed or violated', 'met or clean', 'met', 'missed', 'clean', 'violated', 'not applicable']);
  input('min', 'score ≥', 'number', { min: 0, max: 100, size: 4 });
  input('max', 'score ≤', 'number', { min: 0, max: 100, size: 4 });
  input('from', 'from', 'date');
  input('to', 'to', 'date');
  var reset = el('button', { type: 'button' }, 'Reset');
  form.appendChild(reset);
  form.hidden = false;

  // ---- the view <-> the hash
  function readHash() {
    var q = location.hash.indexOf('#filter?') === 0 ? location.hash.slice(8) : '';
    var v = {};
    q.split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      if (i > 0) v[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
    });
    return v;
  }
  function writeHash(v) {
    var q = Object.keys(v).filter(function (k) { return v[k] !== '' && v[k] !== undefined; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(v[k]); }).join('&');
    location.hash = q ? 'filter?' + q : 'conversations';
  }
  function formView() {
    var v = readHash();
    Array.prototype.forEach.call(form.elements, function (e) { if (e.name) v[e.name] = e.value; });
    v.page = '';
    return v;
  }

  // ---- filtering and sorting
  function matcher(v) {
    var b = data.behaviours.indexOf(v.behaviour);
    var from = v.from ? dayOf(v.from) : null, to = v.to ? dayOf(v.to) : null;
    var min = v.min === undefined || v.min === '' ? null : +v.min;
    var max = v.max === undefined || v.max === '' ? null : +v.max;
    return function (r) {
      if (v.agent && (data.agents[r[2]] || NONE) !== v.agent) return false;
      if (v.channel && data.channels[r[3]] !== v.channel) return false;
      if (v.language && data.languages[r[4]] !== v.language) return false;
      if ((from !== null || to !== null) && r[5] === null) return false;
      if (from !== null && r[5] < from) return false;
      if (to !== null && r[5] > to) return false;
      if ((min !== null || max !== null) && r[6] === null) return false;
      if (min !== null && r[6] < min) return false;
      if (max !== null && r[6] > max) return false;
      if (b >= 0 && v.status) {
        var s = r[10].charAt(b);
        if (v.status === 'bad' ? BAD.indexOf(s) < 0 || !s
          : v.status === 'good' ? GOOD.indexOf(s) < 0 || !s : STATUS[s] !== v.status) return false;
      } else if (b >= 0 && (r[10].charAt(b) || '-') === '-') {
        return false;
      }
      return true;
    };
  }
  function sortKey(r, col) {
    if (col === 'rank') return r.rank;
    var x = r[COLUMN[col]];
    if (names[col]) return names[col][x];
    return x === null ? (col === 'score' ? Infinity : -Infinity) : x;
  }
  function sorted(rows, col, desc) {
    if (!COLUMN.hasOwnProperty(col)) return rows;
    return rows.sort(function (a, b) {
      var x = sortKey(a, col), y = sortKey(b, col);
      var c = x < y ? -1 : x > y ? 1 : a.rank - b.rank;
      return desc && x !== y ? -c : c;
    });
  }

  // ---- rendering the visible page of rows
  function cell(text, cls) { return el('td', cls ? { 'class': cls } : {}, text); }
  function badge(score) {
    var s = el('span', { 'class': 'score ' + (score === null ? 's-na' : score >= 80 ? 's-good' : score >= 50 ? 's-mid' : 's-bad') });
    s.textContent = score === null ? 'n/a' : Math.round(score);
    return s;
  }
  function rowElement(r) {
    var tr = el('tr', { 'class': 'row', 'data-n': r[0] });
    tr.appendChild(cell(r.rank, 'num'));
    var id = cell(r[11] ? '' : r[1]);
    if (r[11]) id.appendChild(el('a', { href: '#conv-' + r[0] }, r[1]));
    tr.appendChild(id);
    tr.appendChild(cell(data.agents[r[2]] || '–'));
    tr.appendChild(cell(data.channels[r[3]]));
    tr.appendChild(cell(data.languages[r[4]]));
    tr.appendChild(cell(r[5] === null ? '–' : dayText(r[5])));
    var sc = cell('', 'num');
    sc.appendChild(badge(r[6]));
    tr.appendChild(sc);
    [7, 8, 9].forEach(function (k) { tr.appendChild(cell(r[k], 'num')); });
    return tr;
  }
  function render() {
    var v = readHash();
    Array.prototype.forEach.call(form.elements, function (e) { if (e.name) e.value = v[e.name] || ''; });
    var rows = sorted(ranked.filter(matcher(v)), v.sort || 'rank', v.dir === 'desc');
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    var page = Math.min(Math.max(1, +v.page || 1), pages);
    var frag = document.createDocumentFragment();
    rows.slice((page - 1) * PAGE, page * PAGE).forEach(function (r) { frag.appendChild(rowElement(r)); });
    tbody.textContent = '';
    tbody.appendChild(frag);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.className = th.className.replace(/ ?sorted-(asc|desc)/, '') +
        (th.getAttribute('data-sort') === (v.sort || 'rank') ? ' sorted-' + (v.dir === 'desc' ? 'desc' : 'asc') : '');
    });
    pager.textContent = rows.length ? 'Rows ' + ((page - 1) * PAGE + 1) + '–' + Math.min(page * PAGE, rows.length) +
      ' of ' + rows.length + ' matching (' + data.rows.length + ' in all). ' : 'No conversation matches. ';
    [['‹ previous', page - 1], ['next ›', page + 1]].forEach(function (p) {
      if (p[1] < 1 || p[1] > pages) return;
      var a = el('a', { href: '#' }, p[0]);
      a.addEventListener('click', function (e) { e.preventDefault(); var w = readHash(); w.page = p[1]; writeHash(w); });
      pager.appendChild(a);
      pager.appendChild(document.createTextNode(' '));
    });
    if (location.hash.indexOf('#filter?') === 0) table.scrollIntoView();
  }

  form.addEventListener('change', function () { writeHash(formView()); });
  form.addEventListener('submit', function (e) { e.preventDefault(); writeHash(formView()); });
  reset.addEventListener('click', function () { writeHash({}); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    var col = th.getAttribute('data-sort');
    if (!col) return;
    th.title = 'sort by ' + th.textContent;
    th.addEventListener('click', function () {
      var v = readHash();
      v.dir = (v.sort || 'rank') === col && v.dir !== 'desc' ? 'desc' : '';
      v.sort = col;
      v.page = '';
      writeHash(v);
    });
  });
  window.addEventListener('hashchange', function () {
    if (location.hash.indexOf('#conv-') !== 0) render();
  });
  render();
})();
