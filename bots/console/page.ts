/**
 * The console page: plain HTML, CSS and a little script, served by the same process. No build step,
 * no external assets; it works offline. It talks to /api/* over HTTP and listens to /api/events (SSE).
 * (Kept as a string module so `npm run build` carries it into dist/ with everything else.)
 */
export function consolePage(vendorName: string, writeToken = ''): string {
  const title = `${vendorName}: Slotkeeper console`.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="slotkeeper-token" content="${writeToken.replace(/[^A-Za-z0-9_-]/g, '')}">
<title>${title}</title>
<style>${CSS}</style>
</head>
<body data-tab="customer">
<header>
  <div class="brand"><strong>Slotkeeper</strong> console <span class="muted">(a local stand-in for Slack and Discord)</span></div>
  <div class="clock">
    <span class="muted">Simulated time</span> <strong id="now" data-testid="now">…</strong>
    <span class="skip">Skip ahead:
      <button type="button" data-skip="next_reminder">to the next reminder</button>
      <button type="button" data-skip="start">to the start</button>
      <button type="button" data-skip="plus10">+10 min</button>
      <button type="button" data-skip="plus60">+1 hour</button>
      <button type="button" data-skip="plus1d">+1 day</button>
    </span>
    <span id="note" class="muted" data-testid="note" role="status"></span>
  </div>
</header>
<nav class="tabs" role="tablist" aria-label="Panes">
  <button type="button" role="tab" data-tab="customer" data-testid="tab-customer" aria-selected="true">Customer chat</button>
  <button type="button" role="tab" data-tab="staff" data-testid="tab-staff" aria-selected="false">#staff channel <span class="dot" id="staff-dot" hidden>●</span></button>
</nav>
<main>
  <section class="pane" id="customer">
    <div class="pane-head">
      <h2>Customer chat</h2>
      <label>You are <select id="customer-user" data-testid="customer-user"></select></label>
      <label>Language <select id="customer-language" data-testid="customer-language" data-pane="customer"></select></label>
    </div>
    <div class="situation muted" id="customer-situation" data-testid="customer-situation"></div>
    <ol class="feed" id="customer-feed" data-testid="customer-feed" aria-live="polite"></ol>
    <form class="composer" data-pane="customer">
      <input id="customer-input" data-testid="customer-input" autocomplete="off" placeholder="/book tomorrow 3pm" aria-label="Message as the customer">
      <button type="submit">Send</button>
    </form>
    <div class="chips" data-pane="customer">
      <button type="button" data-fill="/book tomorrow 3pm">/book tomorrow 3pm</button>
      <button type="button" data-fill="/sessions">/sessions</button>
      <button type="button" data-fill="/fees">/fees</button>
      <button type="button" data-fill="/support-code">/support-code</button>
      <button type="button" data-fill="/emergency ">/emergency …</button>
    </div>
  </section>
  <section class="pane staff" id="staff">
    <div class="pane-head">
      <h2>#staff channel</h2>
      <label>You are <select id="staff-user" data-testid="staff-user"></select></label>
      <label>Language <select id="staff-language" data-testid="staff-language" data-pane="staff"></select></label>
    </div>
    <div class="situation muted">Staff cards for every customer; answers to your commands are shown only to you.</div>
    <ol class="feed" id="staff-feed" data-testid="staff-feed" aria-live="polite"></ol>
    <form class="composer" data-pane="staff">
      <input id="staff-input" data-testid="staff-input" autocomplete="off" placeholder="/today" aria-label="Message as staff">
      <button type="submit">Send</button>
    </form>
    <div class="chips" data-pane="staff">
      <button type="button" data-fill="/today">/today</button>
      <button type="button" data-fill="/sk-company reinstate Cedar Pallets">/sk-company reinstate …</button>
      <button type="button" data-fill="/help">/help</button>
    </div>
  </section>
</main>
<script>${SCRIPT}</script>
</body>
</html>`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1c1d;background:#f4f4f6;height:100vh;display:flex;flex-direction:column}
header{background:#3f0e40;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header .muted{color:#d9c7da}
.clock{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:center}
.skip button{margin-left:.2rem}
main{flex:1;display:grid;grid-template-columns:1fr 1fr;gap:1rem;padding:1rem;min-height:0}
.pane{background:#fff;border:1px solid #ddd;border-radius:8px;display:flex;flex-direction:column;min-height:0}
.pane.staff{border-top:4px solid #1264a3}
.pane:not(.staff){border-top:4px solid #2eb67d}
.pane-head{display:flex;justify-content:space-between;align-items:center;padding:.5rem .8rem;border-bottom:1px solid #eee}
.pane-head h2{font-size:1rem;margin:0}
.situation{padding:.3rem .8rem;font-size:.85rem}
.muted{color:#616061}
.feed{list-style:none;margin:0;padding:.5rem .8rem;overflow-y:auto;flex:1}
.msg{margin:.4rem 0;padding:.45rem .6rem;border-radius:6px;background:#f8f8f8;border:1px solid #eee}
.msg.you{background:#e8f5fa;border-color:#cfe8f3;margin-left:3rem}
.msg.reply{border-style:dashed}
.meta{font-size:.75rem;color:#616061;margin-bottom:.15rem}
.text{word-break:break-word}
.text .title{margin-bottom:.2rem}.text .line{margin:.1rem 0}.text blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #ddd}.text .footer{font-size:.8rem;margin-top:.3rem}.text code{background:#f0f0f0;padding:0 .2rem;border-radius:3px}.text .buttons a.button{border:1px solid #1264a3;border-radius:4px;padding:.2rem .6rem;text-decoration:none}.prompt{display:flex;gap:.3rem;margin-top:.4rem}.prompt input{flex:1;font:inherit;padding:.2rem .4rem}
.buttons{display:flex;flex-wrap:wrap;gap:.3rem;margin-top:.4rem}
button{font:inherit;border:1px solid #bbb;background:#fff;border-radius:4px;padding:.2rem .6rem;cursor:pointer}
button:hover{background:#f0f0f0}
button.primary{background:#007a5a;border-color:#007a5a;color:#fff}
button.danger{color:#e01e5a;border-color:#e01e5a}
header button{background:#5b2c5d;color:#fff;border-color:#7a4a7c}
header button:hover,header button:focus{background:#7a4a7c;color:#fff}
.composer{display:flex;gap:.4rem;padding:.5rem .8rem;border-top:1px solid #eee}
.composer input{flex:1;font:inherit;padding:.35rem .5rem;border:1px solid #bbb;border-radius:4px}
.chips{display:flex;flex-wrap:wrap;gap:.3rem;padding:0 .8rem .6rem}
.chips button{font-size:.8rem;color:#1264a3}
a{color:#1264a3}
@media (max-width:900px){main{grid-template-columns:1fr}}
.tabs{display:none}
/* Narrow screens (a phone at 390 px): one pane at a time, switched with tabs, each using the full height. */
@media (max-width:700px){
  header{padding:.4rem .6rem;gap:.2rem .6rem;font-size:13px}
  header .brand .muted{display:none}
  .skip button{margin:.1rem 0 0 .1rem;padding:.15rem .4rem}
  .tabs{display:flex;background:#fff;border-bottom:1px solid #ddd}
  .tabs button{flex:1;border:0;border-bottom:3px solid transparent;border-radius:0;padding:.5rem;background:#fff}
  .tabs button[aria-selected=true]{border-bottom-color:#1264a3;font-weight:600}
  .tabs .dot{color:#e01e5a;font-size:.7rem}
  main{padding:.4rem;gap:.4rem}
  body[data-tab=customer] #staff,body[data-tab=staff] #customer{display:none}
  .msg.you{margin-left:1.5rem}
  .pane-head h2{display:none}
}
`;

// Plain ES2017 for the browser. No template literals inside (this file is one).
const SCRIPT = `
(function () {
  'use strict';
  var state = null;
  var panes = ['customer', 'staff'];
  function $(id) { return document.getElementById(id); }
  // Writes carry the token served with this page: another site's page cannot read it, so cannot write.
  var writeToken = (document.querySelector('meta[name="slotkeeper-token"]') || {}).content || '';
  function api(method, path, body) {
    return fetch(path, { method: method, headers: body ? { 'content-type': 'application/json', 'x-slotkeeper-token': writeToken } : {}, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.error || r.statusText); return j; }); });
  }
  function user(pane) { return $(pane + '-user').value; }
  function showNote(text) { $('note').textContent = text || ''; }

  // The server draws each message as escaped HTML (bots/console/render/html.ts); buttons inside it carry
  // the intent's id (data-id), links open in a new tab, and a reply that asks for something has a field.
  function renderItem(pane, item) {
    var li = document.createElement('li');
    li.className = 'msg ' + (item.from === 'you' ? 'you' : item.kind);
    li.setAttribute('data-testid', 'message');
    li.setAttribute('data-kind', item.kind);
    var meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = (item.from === 'you' ? 'you' : item.kind === 'reply' ? 'Slotkeeper (only you see this)' : 'Slotkeeper') + ' · ' + item.atText;
    li.appendChild(meta);
    var text = document.createElement('div');
    text.className = 'text';
    text.innerHTML = item.html;
    li.appendChild(text);
    text.addEventListener('click', function (ev) {
      var b = ev.target.closest ? ev.target.closest('button[data-id]') : null;
      if (b) press(pane, item, b.getAttribute('data-id'), b.getAttribute('data-value'));
    });
    if (item.prompt) {
      var form = document.createElement('form');
      form.className = 'prompt';
      var input = document.createElement('input');
      input.setAttribute('aria-label', item.prompt.label);
      input.placeholder = item.prompt.label;
      input.setAttribute('data-testid', 'prompt');
      var go = document.createElement('button');
      go.type = 'submit';
      go.textContent = item.prompt.submit;
      form.appendChild(input);
      form.appendChild(go);
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (!input.value.trim()) return;
        api('POST', '/api/respond', { pane: pane, user: user(pane), itemId: item.id, text: input.value }).then(refresh).catch(function (e) { showNote(e.message); });
      });
      li.appendChild(form);
    }
    return li;
  }

  function loadFeed(pane) {
    if (!user(pane)) return Promise.resolve();
    return api('GET', '/api/feed?pane=' + pane + '&user=' + encodeURIComponent(user(pane))).then(function (r) {
      var ol = $(pane + '-feed');
      var atBottom = ol.scrollHeight - ol.scrollTop - ol.clientHeight < 40;
      ol.textContent = '';
      r.items.forEach(function (item) { ol.appendChild(renderItem(pane, item)); });
      if (atBottom || r.items.length < 4) ol.scrollTop = ol.scrollHeight;
      $('now').textContent = r.nowText;
      if (pane === 'customer' && r.standing) $('customer-situation').textContent = r.standing;
      var count = r.items.length;
      if (pane === 'staff' && document.body.getAttribute('data-tab') === 'customer' && seen.staff !== null && count > seen.staff) $('staff-dot').hidden = false;
      if (pane === 'staff' && document.body.getAttribute('data-tab') === 'staff') $('staff-dot').hidden = true;
      seen[pane] = count;
    });
  }
  var seen = { customer: null, staff: null };
  var pending = null;
  var again = null;
  // One read at a time; a refresh asked for while one is in flight reads again after it (the one in
  // flight may have started before the change that asked), and callers wait for that second read.
  function refresh() {
    if (pending) {
      again = again || pending.then(function () { again = null; return refresh(); });
      return again;
    }
    pending = Promise.all(panes.map(loadFeed)).catch(function (e) { showNote(e.message); }).then(function () { pending = null; });
    return pending;
  }

  function press(pane, item, id, value) {
    var body = { pane: pane, user: user(pane), id: id, itemId: item.id };
    if (value) body.value = value;
    if (/^sk:(decline|staff-cancel):/.test(id)) {
      var reason = window.prompt('Reason (the customer is told):', /^sk:decline:/.test(id) ? 'No staff free at that time' : 'Staff unavailable');
      if (reason === null) return;
      body.reason = reason;
    }
    api('POST', '/api/action', body).then(refresh).catch(function (e) { showNote(e.message); });
  }

  function send(pane, text) {
    if (!text.trim()) return;
    api('POST', '/api/command', { pane: pane, user: user(pane), text: text }).then(refresh).catch(function (e) { showNote(e.message); });
  }

  function fillPicker(pane, people) {
    var sel = $(pane + '-user');
    people.forEach(function (p) {
      var o = document.createElement('option');
      o.value = p.id;
      o.textContent = p.name + (p.companyName ? ' (' + p.companyName + ')' : '');
      sel.appendChild(o);
    });
    sel.addEventListener('change', function () { situation(); showLanguage(pane); loadFeed(pane); });
    var lang = $(pane + '-language');
    (state.languages || []).forEach(function (l) {
      var o = document.createElement('option');
      o.value = l; o.textContent = l;
      lang.appendChild(o);
    });
    lang.addEventListener('change', function () {
      api('POST', '/api/language', { pane: pane, user: user(pane), language: lang.value }).then(function () { languages[pane + ':' + user(pane)] = lang.value; return refresh(); }).catch(function (e) { showNote(e.message); });
    });
    people.forEach(function (p) { languages[pane + ':' + p.id] = p.language; });
    showLanguage(pane);
  }
  var languages = {};
  function showLanguage(pane) { $(pane + '-language').value = languages[pane + ':' + user(pane)] || 'en'; }
  // The company's standing comes with each feed read (it changes: suspended, reinstated).
  function situation() { $('customer-situation').textContent = ''; }
  document.querySelectorAll('.tabs button').forEach(function (b) {
    b.addEventListener('click', function () {
      var tab = b.getAttribute('data-tab');
      document.body.setAttribute('data-tab', tab);
      document.querySelectorAll('.tabs button').forEach(function (x) { x.setAttribute('aria-selected', String(x === b)); });
      if (tab === 'staff') $('staff-dot').hidden = true;
      var ol = $(tab + '-feed');
      ol.scrollTop = ol.scrollHeight;
    });
  });

  document.querySelectorAll('form.composer').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var pane = f.getAttribute('data-pane');
      var input = $(pane + '-input');
      send(pane, input.value);
      input.value = '';
    });
  });
  document.querySelectorAll('.chips button').forEach(function (b) {
    b.addEventListener('click', function () {
      var pane = b.parentNode.getAttribute('data-pane');
      var input = $(pane + '-input');
      input.value = b.getAttribute('data-fill');
      input.focus();
    });
  });
  document.querySelectorAll('[data-skip]').forEach(function (b) {
    b.addEventListener('click', function () {
      api('POST', '/api/skip', { to: b.getAttribute('data-skip'), pane: 'customer', user: user('customer') })
        .then(function (r) { showNote(r.note); $('now').textContent = r.nowText; return refresh(); })
        .catch(function (e) { showNote(e.message); });
    });
  });

  api('GET', '/api/state').then(function (s) {
    state = s;
    fillPicker('customer', s.customers);
    fillPicker('staff', s.staff);
    situation();
    $('now').textContent = s.nowText;
    showNote(s.startNote);
    return refresh();
  }).then(function () {
    document.body.setAttribute('data-ready', 'true');
    if (window.EventSource) {
      var es = new EventSource('/api/events');
      es.addEventListener('changed', function () { refresh(); });
    } else {
      setInterval(refresh, 3000);
    }
  }).catch(function (e) { showNote('Cannot reach Slotkeeper: ' + e.message); });
})();
`;
