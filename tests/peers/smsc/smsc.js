// SMSC test peer for the SMPP adapter. The protocol side (framing, PDUs, TLVs, UCS2/GSM decoding, UDH parsing) is
// node-smpp's server (npm smpp, pinned in package.json); this file is only the SMSC's behaviour: who may bind,
// message ids, receipts, reassembly of concatenated messages, and faults on request.
//
//   node smsc.js [--port N] [--system-id esme] [--password secret] [--quiet]
//
// Prints one JSON event per line on stdout (first {"ev":"listening","port":N}); takes one JSON command per line on
// stdin: {"cmd":"set", throttle, silent, dlr, dlrStat, dlrTlv, dlrDelayMs} changes behaviour, {"cmd":"mo", from, to,
// text} sends a mobile-originated deliver_sm to every bound session, {"cmd":"drop"} cuts every connection.
// SIGTERM stops it abruptly (see the handler at the end).
'use strict';
const smpp = require('smpp');
const readline = require('readline');

const arg = (name, fallback) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const port = +arg('port', 0);
const systemId = arg('system-id', 'esme');
const password = arg('password', 'secret');
const quiet = process.argv.includes('--quiet');

const mode = { throttle: false, silent: false, dlr: true, dlrStat: 'DELIVRD', dlrTlv: true, dlrDelayMs: 10 };
const bound = new Set();
const sessions = new Set(); // every connection, bound or not (SIGTERM cuts them all)
const partial = new Map(); // "dest/ref" -> { total, parts: [], ids: [] }
let nextId = 0x1000;
let submits = 0;

const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n');

// The concatenation IE (8- or 16-bit reference) among node-smpp's decoded UDH elements: [iei, length, ...data].
function concatenation(udh) {
  for (const ie of udh || []) {
    if (ie[0] === 0x00 && ie.length >= 5) return { ref: ie[2], total: ie[3], seq: ie[4] };
    if (ie[0] === 0x08 && ie.length >= 6) return { ref: (ie[2] << 8) | ie[3], total: ie[4], seq: ie[5] };
  }
  return null;
}

function receipt(session, pdu, id) {
  // Like many SMSCs: hex id in submit_sm_resp and receipted_message_id, zero-padded decimal in the text.
  const decimal = String(parseInt(id, 16)).padStart(10, '0');
  const fields = {
    source_addr: pdu.destination_addr,
    destination_addr: pdu.source_addr,
    esm_class: smpp.ESM_CLASS.MC_DELIVERY_RECEIPT,
    data_coding: 0,
    short_message: `id:${decimal} sub:001 dlvrd:001 submit date:2511290900 done date:2511290901 stat:${mode.dlrStat} err:000 text:`,
  };
  if (mode.dlrTlv) {
    fields.receipted_message_id = id;
    fields.message_state = mode.dlrStat === 'DELIVRD' ? smpp.MESSAGE_STATE.DELIVERED : smpp.MESSAGE_STATE.UNDELIVERABLE;
  }
  setTimeout(() => session.deliver_sm(fields, (resp) => emit({ ev: 'dlr_resp', id, status: resp.command_status })), mode.dlrDelayMs);
}

function onSubmit(session, pdu) {
  if (mode.silent) {
    if (!quiet) emit({ ev: 'ignored', dest: pdu.destination_addr });
    return;
  }
  if (mode.throttle) {
    session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
    if (!quiet) emit({ ev: 'throttled', dest: pdu.destination_addr });
    return;
  }
  const id = (nextId++).toString(16);
  session.send(pdu.response({ message_id: id }));
  submits++;
  const sm = pdu.short_message || {};
  const text = typeof sm.message === 'string' ? sm.message : '';
  const concat = concatenation(sm.udh);
  if (!quiet) {
    emit({ ev: 'submit', id, src: pdu.source_addr, dest: pdu.destination_addr, dc: pdu.data_coding, esm: pdu.esm_class,
      registered: pdu.registered_delivery, validity: pdu.validity_period ? String(pdu.validity_period) : '', concat, text });
    if (!concat) {
      emit({ ev: 'message', dest: pdu.destination_addr, dc: pdu.data_coding, parts: 1, ids: [id], text });
    } else {
      const key = pdu.destination_addr + '/' + concat.ref;
      const entry = partial.get(key) || { total: concat.total, parts: [], ids: [] };
      entry.parts[concat.seq - 1] = text;
      entry.ids[concat.seq - 1] = id;
      partial.set(key, entry);
      if (entry.parts.filter((p) => p !== undefined).length === entry.total) {
        partial.delete(key);
        emit({ ev: 'message', dest: pdu.destination_addr, dc: pdu.data_coding, parts: entry.total, ids: entry.ids, text: entry.parts.join('') });
      }
    }
  }
  if (mode.dlr && (pdu.registered_delivery & 1)) receipt(session, pdu, id);
}

const server = smpp.createServer({}, (session) => {
  session.socket.setNoDelay(true); // as SMSCs do: without it Nagle holds pipelined responses back for the ESME's ACKs
  session.on('error', () => {});
  sessions.add(session);
  session.on('close', () => { bound.delete(session); sessions.delete(session); });
  session.on('bind_transceiver', (pdu) => {
    const ok = pdu.system_id === systemId && pdu.password === password;
    session.send(pdu.response({ command_status: ok ? 0 : smpp.ESME_RBINDFAIL, system_id: 'SMSC' }));
    emit({ ev: 'bind', system_id: pdu.system_id, ok });
    if (ok) bound.add(session); else session.close();
  });
  session.on('enquire_link', (pdu) => { session.send(pdu.response()); if (!quiet) emit({ ev: 'enquire_link' }); });
  session.on('unbind', (pdu) => { session.send(pdu.response()); emit({ ev: 'unbind' }); session.close(); });
  session.on('submit_sm', (pdu) => {
    if (!bound.has(session)) return session.send(pdu.response({ command_status: smpp.ESME_RINVBNDSTS }));
    onSubmit(session, pdu);
  });
  session.on('deliver_sm_resp', () => {});
});

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  const command = JSON.parse(line);
  if (command.cmd === 'set') {
    for (const key of Object.keys(mode)) if (key in command) mode[key] = command[key];
    emit({ ev: 'set', mode });
  } else if (command.cmd === 'mo') {
    const gsm = smpp.encodings.ASCII.match(command.text);
    for (const session of bound) {
      session.deliver_sm({ source_addr: command.from, destination_addr: command.to, esm_class: 0,
        data_coding: gsm ? 0 : 8, short_message: command.text }, (resp) => emit({ ev: 'mo_resp', status: resp.command_status }));
    }
    emit({ ev: 'mo_sent', sessions: bound.size });
  } else if (command.cmd === 'drop') {
    for (const session of bound) session.destroy();
    emit({ ev: 'dropped' });
  } else if (command.cmd === 'stats') {
    emit({ ev: 'stats', submits, sessions: bound.size });
  }
});
process.stdin.on('end', () => process.exit(0)); // the test process went away: so do we
// SIGTERM stops the SMSC the way a service stop does: at once, between two PDUs (node runs this handler between
// events, never inside one), cutting every connection without unbind, answering nothing more. Every submit it logged was answered; whatever
// the ESME sent after that dies unread with the process. (SIGKILL could land between logging a submit and
// answering it, an ambiguity no ESME can resolve: SMPP has no idempotency key.)
// The process exits once stdout has taken every event: a pipe the test reads slowly may still hold some, and exiting
// at once would lose them.
process.on('SIGTERM', () => {
  server.close();
  for (const session of sessions) session.socket.destroy();
  process.stdout.write(JSON.stringify({ ev: 'stopping', submits }) + '\n', () => process.exit(0));
});

server.listen(port, '127.0.0.1', () => emit({ ev: 'listening', port: server.address().port }));
