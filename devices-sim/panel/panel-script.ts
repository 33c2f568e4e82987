/**
 * The control panel's browser script (issue 15 item 4), served inline in the page (panel-page.ts) and
 * allowed by its hash in the page's Content-Security-Policy. Plain ES2020, no library: it polls
 * `GET /sim/panel/state` every POLL_MS, re-renders only what changed (a device's status text, its controls
 * when their description changes, tickets it has not drawn yet: each fetched once as SVG from
 * `/sim/panel/printed/:id/:seq.svg` and inserted as inline SVG), and turns every button and form into one
 * control-API call, reporting the result in the page's status line.
 *
 * Kept as a string: the host runs from a bundle (scripts/build.mjs) with no file beside it to serve.
 * Do not use backticks or dollar-brace in it.
 */
export const PANEL_SCRIPT = String.raw`
'use strict';
(function () {
  var POLL_MS = 500;
  var HALL_OFFSET_MS = 8 * 3600 * 1000;
  var DELIVERY = { presented: '在出票口 in the mouth', taken: '已取走 taken', retracted: '已回收 retracted', ejected: '已弹出 ejected' };
  var byId = function (id) { return document.getElementById(id); };
  var devicesBox = byId('devices');
  var clockNow = byId('clock-now');
  var clockInput = byId('clock-set');
  var messageBox = byId('message');
  var linkBox = byId('link');
  var cards = new Map();
  var ids = 0;
  var timer = 0;
  var running = false;
  var again = false;

  function h(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }
  function labelNodes(l) { return [h('span', { lang: 'zh-CN' }, [l.zh]), ' ', h('span', { lang: 'en' }, [l.en])]; }
  function labelText(l) { return l.zh + ' ' + l.en; }
  function nextId(prefix) { ids += 1; return prefix + '-' + ids; }
  function say(text, error) { messageBox.textContent = text; messageBox.className = error ? 'message error' : 'message'; }
  /** "2026-11-23 09:00:00": hall time, UTC+08:00 (the default hall zone, Asia/Shanghai). */
  function hallTime(iso) { return new Date(Date.parse(iso) + HALL_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' '); }

  async function call(method, path, body) {
    var init = { method: method, headers: {} };
    if (body !== undefined) { init.headers['content-type'] = 'application/json'; init.body = JSON.stringify(body); }
    var res = await fetch(path, init);
    var text = await res.text();
    var data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!res.ok) throw new Error((data && data.error) || (res.status + ' ' + text));
    return data;
  }
  async function act(label, calls) {
    try {
      for (var i = 0; i < calls.length; i++) await call(calls[i][0], calls[i][1], calls[i][2]);
      say(labelText(label) + '：完成 done', false);
    } catch (err) {
      say(labelText(label) + '：' + err.message, true);
    }
    refreshSoon();
  }

  function button(label, onClick, secondary) {
    var b = h('button', { type: 'button', class: secondary ? 'secondary' : null }, labelNodes(label));
    b.addEventListener('click', onClick);
    return b;
  }
  function renderControl(c) {
    if (c.kind === 'button') return button(c.label, function () { act(c.label, [[c.method, c.path, c.body]]); }, c.method === 'DELETE');
    var form = h('form', { class: 'panel-form' });
    var inputs = c.fields.map(function (f) {
      var id = nextId('field');
      var input = f.type === 'select'
        ? h('select', { id: id, name: f.name }, f.options.map(function (o) { return h('option', { value: o.value }, [labelText(o.label)]); }))
        : h('input', { id: id, name: f.name, type: 'text', autocomplete: 'off', spellcheck: 'false', required: '' });
      form.append(h('label', { for: id }, labelNodes(f.label)), input);
      return input;
    });
    form.append(h('button', { type: 'submit' }, labelNodes(c.label)));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = {};
      inputs.forEach(function (i) { body[i.name] = i.value; });
      act(c.label, [[c.method, c.path, body]]);
    });
    return form;
  }

  function newCard(d) {
    var headingId = nextId('device');
    var root = h('section', { class: 'device', 'aria-labelledby': headingId, 'data-device-id': d.id });
    var statusText = h('span', { class: 'status-text' }, []);
    root.append(
      h('h2', { id: headingId }, labelNodes(d.title).concat([' ', h('code', {}, [d.id])])),
      h('p', { class: 'model' }, ['型号 Model：' + d.model + ' · 角色 Roles：' + d.roles.join(', ')]),
      h('p', { class: 'status' }, [h('strong', {}, ['状态 Status：']), statusText])
    );
    var controls = h('div', { class: 'groups' }, []);
    root.append(controls);
    var card = { root: root, statusText: statusText, controls: controls, controlsKey: '', tickets: new Map(), ticketsBox: null, printedCount: null };
    if (d.printed) {
      var printedId = nextId('printed');
      card.printedCount = h('p', { class: 'printed-count' }, []);
      card.ticketsBox = h('div', { class: 'tickets' }, []);
      root.append(h('section', { class: 'printed', 'aria-labelledby': printedId }, [
        h('h3', { id: printedId }, labelNodes({ zh: '打印输出', en: 'Printed output' })), card.printedCount, card.ticketsBox,
      ]));
    }
    return card;
  }

  function renderGroups(card, groups) {
    var key = JSON.stringify(groups);
    if (key === card.controlsKey) return;
    card.controlsKey = key;
    card.controls.replaceChildren.apply(card.controls, groups.map(function (g) {
      var id = nextId('group');
      return h('div', { class: 'group', role: 'group', 'aria-labelledby': id }, [
        h('h3', { id: id }, labelNodes(g.label)), h('div', { class: 'controls' }, g.controls.map(renderControl)),
      ]);
    }));
  }

  function captionText(t) {
    return '第 ' + t.seq + ' 张 No. ' + t.seq + ' · ' + hallTime(t.at) + ' · ' + (t.cut ? '已切纸 cut' : '未切纸 not cut') + (t.delivery ? ' · ' + (DELIVERY[t.delivery] || t.delivery) : '');
  }
  function newTicket(deviceId, t) {
    var caption = h('figcaption', {}, []);
    var slot = h('div', { class: 'paper-slot' }, ['正在绘制 Drawing…']);
    var root = h('figure', { class: 'ticket', 'data-seq': String(t.seq) }, [caption, slot]);
    fetch('/sim/panel/printed/' + encodeURIComponent(deviceId) + '/' + t.seq + '.svg?k=' + encodeURIComponent(t.key))
      .then(function (res) { if (!res.ok) throw new Error(String(res.status)); return res.text(); })
      .then(function (text) {
        var svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
        if (svg.nodeName !== 'svg') throw new Error('not an SVG');
        slot.replaceChildren(document.importNode(svg, true));
      })
      .catch(function (err) { slot.textContent = '无法绘制 Cannot draw: ' + err.message; });
    return { root: root, caption: caption };
  }
  function renderPrinted(card, d) {
    var p = d.printed;
    if (!p || !card.ticketsBox) return;
    var count = p.total === 0 ? '尚未打印 Nothing printed yet' : '共 ' + p.total + ' 张，显示最近 ' + p.shown.length + ' 张 · ' + p.total + ' printed, the newest ' + p.shown.length + ' shown';
    if (card.printedCount.textContent !== count) card.printedCount.textContent = count;
    var wanted = new Set(p.shown.map(function (t) { return t.key; }));
    card.tickets.forEach(function (fig, key) { if (!wanted.has(key)) { fig.root.remove(); card.tickets.delete(key); } });
    p.shown.forEach(function (t, i) {
      var fig = card.tickets.get(t.key);
      if (!fig) { fig = newTicket(d.id, t); card.tickets.set(t.key, fig); }
      var caption = captionText(t);
      if (fig.caption.textContent !== caption) fig.caption.textContent = caption;
      if (card.ticketsBox.children[i] !== fig.root) card.ticketsBox.insertBefore(fig.root, card.ticketsBox.children[i] || null);
    });
  }

  function render(state) {
    var now = hallTime(state.now);
    if (clockNow.textContent !== now) { clockNow.textContent = now; clockNow.setAttribute('datetime', state.now); }
    if (!clockInput.value && document.activeElement !== clockInput) clockInput.value = now.replace(' ', 'T');
    var seen = new Set();
    state.devices.forEach(function (d, i) {
      seen.add(d.id);
      var card = cards.get(d.id);
      if (!card) { card = newCard(d); cards.set(d.id, card); }
      if (devicesBox.children[i] !== card.root) devicesBox.insertBefore(card.root, devicesBox.children[i] || null);
      if (card.statusText.textContent !== d.statusText) card.statusText.textContent = d.statusText;
      card.root.setAttribute('data-state', d.status.device);
      renderGroups(card, d.groups);
      renderPrinted(card, d);
    });
    cards.forEach(function (card, id) { if (!seen.has(id)) { card.root.remove(); cards.delete(id); } });
  }

  function setLink(text, error) {
    if (linkBox.textContent !== text) linkBox.textContent = text;
    linkBox.className = error ? 'error' : '';
  }
  async function refresh() {
    if (running) { again = true; return; }
    running = true;
    try {
      render(await call('GET', '/sim/panel/state'));
      setLink('已连接 connected', false);
    } catch (err) {
      setLink('连接中断 disconnected：' + err.message, true);
    } finally {
      running = false;
      schedule(again ? 0 : POLL_MS);
      again = false;
    }
  }
  function schedule(ms) { clearTimeout(timer); timer = setTimeout(refresh, ms); }
  function refreshSoon() { if (running) again = true; else schedule(0); }

  byId('clock-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var v = clockInput.value;
    var iso = v + (v.length === 16 ? ':00' : '') + '+08:00';
    act({ zh: '设定时间', en: 'Set time' }, [['POST', '/sim/clock', { set: iso }]]);
  });
  document.querySelectorAll('button[data-advance]').forEach(function (b) {
    b.addEventListener('click', function () {
      act({ zh: '时钟前进', en: 'Advance clock' }, [['POST', '/sim/clock', { advanceMs: Number(b.getAttribute('data-advance')) }]]);
    });
  });
  byId('reset-all').addEventListener('click', function () {
    act({ zh: '全部复位', en: 'Reset all' }, [['POST', '/sim/reset', {}]]);
  });
  byId('clear-all').addEventListener('click', function () {
    act({ zh: '清除全部故障', en: 'Clear all faults' }, Array.from(cards.keys()).map(function (id) { return ['DELETE', '/sim/devices/' + encodeURIComponent(id) + '/faults']; }));
  });
  refresh();
})();
`;
