// Live view of the simulated devices: the server pushes its whole state on every change (/api/events, server-sent
// events); signs flip through their pages on a one-second tick. Data goes into the DOM as text only, never as HTML.
'use strict';

const channelNames = {
  led: 'LED 显示屏', broadcast: '广播终端', wechat: '微信公众号', wecom: '企业微信',
  'wecom-robot': '群机器人', 'broadcast-platform': '应急广播平台',
};
const kindNames = { display: '显示', play: '播放', clear: '清除', send: '发送' };
const levelNames = { Red: '红色', Orange: '橙色', Yellow: '黄色', Blue: '蓝色' };
let state = { broker: false, devices: [], received: [] };

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString('zh-CN', { hour12: false }) : '—');

// Every page of every warning on the sign, newest warning first, each page held for its warning's pageSeconds.
function pagesOf(device) {
  const pages = [];
  for (const w of device.active) {
    for (const lines of w.pages) pages.push({ lines, seconds: w.pageSeconds || 5, red: w.level === 'Red', warning: w });
  }
  return pages;
}

function sign(device, tick) {
  const pages = pagesOf(device);
  const rows = Math.max(2, ...pages.map((p) => p.lines.length));
  const cols = Math.max(8, ...pages.flatMap((p) => p.lines.map((l) => [...l].length)));
  const box = el('div', 'device');
  box.append(el('div', 'name', device.id));
  const face = el('div', 'sign');
  let current = null;
  if (pages.length === 0) {
    face.classList.add('dark');
  } else {
    const total = pages.reduce((sum, p) => sum + p.seconds, 0);
    let at = tick % total;
    current = pages.find((p) => (at -= p.seconds) < 0) || pages[0];
    if (current.red) face.classList.add('red');
  }
  for (let row = 0; row < rows; row++) {
    const text = current ? current.lines[row] || '' : '';
    face.append(el('div', 'line', text + '\u3000'.repeat(Math.max(0, cols - [...text].length))));
  }
  if (pages.length > 1) face.append(el('div', 'page', `${pages.indexOf(current) + 1}/${pages.length}`));
  box.append(face);
  box.append(el('div', 'meta', current ? describe(current.warning) : '黑屏（无预警）'));
  return box;
}

function describe(w) {
  const level = levelNames[w.level] ? `${levelNames[w.level]}预警` : '预警';
  const drill = w.drill ? '（演练）' : '';
  const until = w.expiresAt ? `，至 ${time(w.expiresAt)}` : '';
  return `${level}${drill} · 线程 ${w.threadId} · 版本 ${w.versionId}${until}`;
}

function terminal(device) {
  const box = el('div', 'device terminal' + (device.active.length ? ' playing' : ''));
  box.append(el('div', 'name', device.id));
  box.append(el('span', 'speaker', device.active.length ? '● 播放中' : '○ 空闲'));
  for (const w of device.active) {
    box.append(el('div', 'text', w.text || ''));
    box.append(el('div', 'meta', `重复 ${w.repeat ?? 1} 次 · ${describe(w)}`));
  }
  return box;
}

function fill(container, nodes, emptyText) {
  container.replaceChildren(...(nodes.length ? nodes : [el('p', 'empty', emptyText)]));
}

function render(tick) {
  const signs = state.devices.filter((d) => d.kind === 'led');
  const terminals = state.devices.filter((d) => d.kind !== 'led');
  document.getElementById('broker').textContent = state.broker ? '已连接' : '未连接';
  document.getElementById('sign-count').textContent = signs.length ? `(${signs.length})` : '';
  document.getElementById('terminal-count').textContent = terminals.length ? `(${terminals.length})` : '';
  fill(document.getElementById('signs'), signs.map((d) => sign(d, tick)), '还没有收到任何显示屏指令。');
  fill(document.getElementById('terminals'), terminals.map(terminal), '还没有收到任何广播终端指令。');
}

function renderReceived() {
  const rows = state.received.map((m) => {
    const tr = el('tr');
    const kind = (kindNames[m.kind] || m.kind) + (m.duplicate ? '（重复）' : '');
    for (const [text, cls] of [[time(m.at)], [channelNames[m.channel] || m.channel], [m.recipient], [kind], [m.warning || '—'], [m.text || '', 'content']]) {
      const td = el('td', cls, text);
      if (cls) td.title = text;
      tr.append(td);
    }
    return tr;
  });
  if (rows.length === 0) {
    const empty = el('td', 'empty', '暂无。');
    empty.colSpan = 6;
    rows.push(el('tr'));
    rows[0].append(empty);
  }
  document.getElementById('received').replaceChildren(...rows);
}

let tick = 0;
setInterval(() => render(++tick), 1000);
const events = new EventSource('/api/events');
events.addEventListener('state', (e) => {
  state = JSON.parse(e.data);
  document.getElementById('updated').textContent = time(new Date().toISOString());
  render(tick);
  renderReceived();
});
events.onerror = () => { document.getElementById('broker').textContent = '与模拟器的连接断开，重连中…'; };
