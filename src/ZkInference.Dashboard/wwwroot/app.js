// The dashboard page: plain DOM, hash routes, data only from /api (which reads the chain on every call).
'use strict';
const view = document.getElementById('view');
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const eth = wei => { const w = BigInt(wei); return `${w / 10n ** 18n}.${(w % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, '') || '0'} ETH`; };
const short = a => a ? `${a.slice(0, 8)}…${a.slice(-4)}` : '';
async function api(path, init) {
  const r = await fetch(path, init);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || `${r.status}`);
  return body;
}
let timer = null;
function every(ms, f) { clearInterval(timer); f(); timer = setInterval(f, ms); }

async function showHead() {
  try {
    const s = await api('/api/status');
    document.getElementById('head').textContent = `market ${short(s.market)} · block ${s.block}${s.paused ? ' · PAUSED' : ''}`;
  } catch (e) { document.getElementById('head').textContent = e.message; }
}

function modelRow(m) {
  const t = m.terms;
  return `<tr data-model="${esc(m.id)}"><td><a href="#/models/${esc(m.id)}">${esc(m.id)}</a></td><td>${esc(m.name)}</td><td class="mono">${esc(short(m.owner))}</td>
    <td>${eth(t.perUsePrice)}</td><td>sub ${eth(t.subscriptionPrice)} / ${t.subscriptionPeriod}s · pack ${t.packSize} for ${eth(t.packPrice)}</td>
    <td>${m.active ? '<span class="good">active</span>' : '<span class="bad">inactive</span>'}</td><td class="served">${m.requestsServed}</td></tr>`;
}

async function overview() {
  const [models, servers, requests] = await Promise.all([api('/api/models'), api('/api/servers'), api('/api/requests')]);
  view.innerHTML = `<h2>Models</h2><table id="models"><tr><th>id</th><th>name</th><th>owner</th><th>per use</th><th>tiers</th><th>state</th><th>served</th></tr>
    ${models.map(modelRow).join('')}</table>
    <h2>Servers</h2><table id="servers"><tr><th>address</th><th>reputation</th><th>state</th><th>valid</th><th>invalid</th><th>balance</th></tr>
    ${servers.map(s => `<tr data-server="${esc(s.address)}"><td class="mono">${esc(s.address)}</td><td class="reputation">${esc(s.reputation)}</td>
      <td>${s.suspended ? '<span class="bad">suspended</span>' : s.authorized ? 'authorized' : 'removed'}</td><td class="valid">${s.valid}</td><td class="invalid">${s.invalid}</td><td>${eth(s.balance)}</td></tr>`).join('')}</table>
    <h2>Recent requests</h2><table id="requests"><tr><th>id</th><th>model</th><th>user</th><th>stage</th></tr>
    ${requests.map(r => `<tr><td><a href="#/requests/${esc(r.id)}">${esc(r.id)}</a></td><td>${esc(r.modelId)}</td><td class="mono">${esc(short(r.user))}</td><td>${esc(r.stage)}</td></tr>`).join('')}</table>`;
}

async function modelDetail(id) {
  const m = await api(`/api/models/${encodeURIComponent(id)}`);
  const t = m.terms;
  view.innerHTML = `<h2>Model ${esc(m.id)}: ${esc(m.name)}</h2><p>${esc(m.description)}</p><table id="model">
    <tr><th>owner</th><td class="mono">${esc(m.owner)}</td></tr><tr><th>verifier</th><td class="mono">${esc(m.verifier)}</td></tr>
    <tr><th>active</th><td>${m.active}</td></tr><tr><th>input / output shape</th><td>${esc(m.inputShape)} → ${esc(m.outputShape)} (${m.numOutputs} public outputs)</td></tr>
    <tr><th>per-use price</th><td>${eth(t.perUsePrice)}</td></tr><tr><th>subscription</th><td>${eth(t.subscriptionPrice)} for ${t.subscriptionPeriod} s</td></tr>
    <tr><th>credit pack</th><td>${t.packSize} for ${eth(t.packPrice)}</td></tr><tr><th>owner share</th><td>${t.ownerShareBps / 100}%</td></tr>
    <tr><th>parameter commitment</th><td class="mono">${esc(m.paramCommitment)}</td></tr>
    <tr><th>weights CID</th><td class="mono">${esc(m.cids.weights)}</td></tr><tr><th>circuit CID</th><td class="mono">${esc(m.cids.circuit)}</td></tr>
    <tr><th>settings CID</th><td class="mono">${esc(m.cids.settings)}</td></tr>
    <tr><th>requests made / served</th><td>${m.requestsMade} / ${m.requestsServed}</td></tr></table>
    ${m.canRequest && m.active ? `<a href="#/request/${esc(m.id)}">Request an inference</a>` : ''}`;
}

async function admin() {
  const s = await api('/api/status');
  view.innerHTML = `<h2>Platform</h2><table id="admin"><tr><th>market</th><td class="mono">${esc(s.market)}</td></tr>
    <tr><th>owner</th><td class="mono">${esc(s.owner)}</td></tr><tr><th>paused</th><td id="paused">${s.paused}</td></tr>
    <tr><th>platform fee</th><td id="fee">${s.feeBps / 100}% (${s.feeBps} bps)</td></tr><tr><th>accrued fees</th><td id="fees">${eth(s.accruedFees)}</td></tr>
    <tr><th>held by the contract</th><td>${eth(s.held)}</td></tr><tr><th>models / requests</th><td>${esc(s.models)} / ${esc(s.requests)}</td></tr>
    <tr><th>head block</th><td>${s.block} (time ${s.timestamp})</td></tr><tr><th>request key</th><td class="mono">${esc(s.requester ?? 'none (read-only)')}</td></tr>
    <tr><th>prover server</th><td>${esc(s.serverUrl ?? 'none')}</td></tr></table>`;
}

// The 8×8 pad: each cell holds k/16; the brush sets the value painted (16 = full ink, 0 = eraser).
function pad() {
  const cells = new Array(64).fill(0);
  const el = document.getElementById('pad');
  let down = false;
  const paint = i => { cells[i] = Number(document.getElementById('brush').value); const v = 255 - Math.round(cells[i] * 255 / 16); el.children[i].style.background = `rgb(${v},${v},${v})`; };
  for (let i = 0; i < 64; i++) {
    const c = document.createElement('div');
    c.dataset.index = i;
    c.addEventListener('mousedown', () => { down = true; paint(i); });
    c.addEventListener('mouseenter', () => { if (down) paint(i); });
    el.appendChild(c);
  }
  document.addEventListener('mouseup', () => { down = false; });
  document.getElementById('clear').onclick = () => { for (let i = 0; i < 64; i++) { cells[i] = 0; el.children[i].style.background = '#fff'; } };
  return () => JSON.stringify(cells.map(k => k / 16));
}

async function requestForm(preselect) {
  const [models, status] = await Promise.all([api('/api/models'), api('/api/status')]);
  const usable = models.filter(m => m.active && m.canRequest);
  view.innerHTML = `<h2>New request</h2>
    ${status.requester ? `<p class="muted">signed by the development key ${esc(status.requester)}</p>` : '<p class="error">read-only dashboard: start it with --key-file to send requests</p>'}
    <p><label>Model <select id="model">${usable.map(m => `<option value="${esc(m.id)}" data-shape="${esc(m.inputShape)}">${esc(m.id)}: ${esc(m.name)} (${eth(m.terms.perUsePrice)})</option>`).join('')}</select></label></p>
    <div id="drawing"><p>Draw a digit (8×8, values k/16). Brush <input id="brush" type="range" min="0" max="16" value="16"> <button id="clear" type="button">Clear</button></p><div id="pad"></div></div>
    <p><label><input type="checkbox" id="useJson"> Enter the input as JSON instead</label></p>
    <textarea id="json" placeholder='[0, 0.25, …] or {"input": [[…]]}'></textarea>
    <p><button id="send">Request inference</button></p><div id="message"></div>`;
  const select = document.getElementById('model');
  if (preselect) select.value = preselect;
  const read = pad();
  const sync = () => {
    const shape = select.selectedOptions[0]?.dataset.shape || '';
    const count = shape.split('x').reduce((a, b) => a * Number(b), 1);
    const digits = count === 64;
    document.getElementById('drawing').style.display = digits && !document.getElementById('useJson').checked ? '' : 'none';
  };
  select.onchange = sync; document.getElementById('useJson').onchange = sync; sync();
  document.getElementById('send').onclick = async () => {
    const msg = document.getElementById('message');
    const useDrawing = document.getElementById('drawing').style.display !== 'none';
    const input = useDrawing ? read() : document.getElementById('json').value;
    msg.innerHTML = 'sending…';
    try {
      const r = await api('/api/requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ modelId: select.value, input }) });
      location.hash = `#/requests/${r.requestId}`;
      if (r.deliveryError) sessionStorage.setItem(`delivery-${r.requestId}`, r.deliveryError);
    } catch (e) { msg.innerHTML = `<p class="error" id="form-error">${esc(e.message)}</p>`; }
  };
}

const STAGES = ['requested', 'proving', 'verified', 'settled'];
async function requestStatus(id) {
  const r = await api(`/api/requests/${encodeURIComponent(id)}`);
  const reached = r.stage === 'settled' ? 4 : r.stage === 'proving' ? 2 : r.stage === 'refunded' ? 1 : 1;
  const stages = STAGES.map((s, i) => `<span class="${i < reached ? 'done' : ''}">${s}</span>`).join('→')
    + (r.stage === 'refunded' ? '→<span class="refunded">refunded</span>' : '');
  const delivery = sessionStorage.getItem(`delivery-${r.id}`);
  view.innerHTML = `<h2>Request ${esc(r.id)}</h2>
    <div class="stages">${stages}</div><p>Stage: <b id="stage">${esc(r.stage)}</b>${r.serverState ? ` <span class="muted">(prover server: ${esc(r.serverState)})</span>` : ''}</p>
    ${delivery ? `<p class="error">input not delivered: ${esc(delivery)}</p>` : ''}
    ${r.serverReason ? `<p class="muted">server says: ${esc(r.serverReason)}</p>` : ''}
    ${r.predicted !== null && r.predicted !== undefined ? `<p>Predicted class: <b id="predicted">${r.predicted}</b></p>` : ''}
    <table><tr><th>model</th><td><a href="#/models/${esc(r.modelId)}">${esc(r.modelId)}</a></td></tr><tr><th>user</th><td class="mono">${esc(r.user)}</td></tr>
    <tr><th>payment</th><td>${esc(r.payment)} ${eth(r.amount)}</td></tr><tr><th>input commitment</th><td class="mono">${esc(r.inputCommitment)}</td></tr>
    <tr><th>deadline</th><td>${r.deadline}</td></tr><tr><th>server</th><td class="mono">${esc(r.server)}</td></tr>
    <tr><th>decoded output</th><td id="output">${r.output ? esc(r.output.map(v => v.toFixed(4)).join(', ')) : esc(r.decodeError ?? '—')}</td></tr>
    <tr><th>gas used</th><td id="gas">${r.gasUsed ?? '—'}</td></tr><tr><th>transaction</th><td class="mono">${esc(r.transaction ?? '—')}</td></tr></table>
    <h3>Events</h3><table id="events"><tr><th>block</th><th>event</th><th>transaction</th></tr>
    ${r.events.map(e => `<tr><td>${e.block}</td><td class="mono">${esc(e.text)}</td><td class="mono">${esc(short(e.tx))}</td></tr>`).join('')}</table>
    ${r.proof ? `<h3>Proof</h3><pre id="proof">${esc(JSON.stringify(r.proof, null, 1))}</pre>` : ''}`;
  return r.stage === 'settled' || r.stage === 'refunded';
}

async function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  clearInterval(timer);
  const run = f => async () => { try { if (await f()) clearInterval(timer); } catch (e) { view.innerHTML = `<p class="error">${esc(e.message)}</p>`; } };
  if (parts[0] === 'models' && parts[1]) every(3000, run(() => modelDetail(parts[1])));
  else if (parts[0] === 'requests' && parts[1]) every(1000, run(() => requestStatus(parts[1])));
  else if (parts[0] === 'request') await run(() => requestForm(parts[1]))();
  else if (parts[0] === 'admin') every(3000, run(admin));
  else every(3000, run(overview));
}
window.addEventListener('hashchange', route);
setInterval(showHead, 2000); showHead();
route();
