#!/usr/bin/env node
// Readiness probe that speaks the real wire protocols over TCP; no npm dependencies.
//
//   node deploy/local/probe.mjs [--wait SECONDS] kafka 127.0.0.1:9092   Metadata v0 lists >= 1 broker
//   node deploy/local/probe.mjs [--wait SECONDS] mongo 127.0.0.1:27017  OP_MSG {hello: 1} replies ok: 1
//
// Exit 0 when ready (one line on stdout), 1 when not (one-line reason on stderr), 2 on bad usage.
// --wait retries every 500 ms until ready or SECONDS have passed.
import net from 'node:net';

const ATTEMPT_TIMEOUT_MS = 3000;
const RETRY_MS = 500;
const MAX_FRAME = 64 * 1024 * 1024;

/** Writes one request and resolves with the first complete reply frame. */
function roundTrip(host, port, request, frameLength) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let buf = Buffer.alloc(0);
    const finish = (err, reply) => {
      socket.destroy();
      if (err) reject(err);
      else resolve(reply);
    };
    socket.setTimeout(ATTEMPT_TIMEOUT_MS, () => {
      finish(new Error(`no reply within ${ATTEMPT_TIMEOUT_MS} ms`));
    });
    socket.on('connect', () => socket.write(request));
    socket.on('error', finish);
    socket.on('end', () => {
      finish(new Error('connection closed before a full reply'));
    });
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < 4) return;
      const total = frameLength(buf);
      if (total < 4 || total > MAX_FRAME) finish(new Error(`implausible reply length ${total}`));
      else if (buf.length >= total) finish(null, buf.subarray(0, total));
    });
  });
}

// ---- Kafka: big-endian, int32 size prefix (not counting itself) -------------------------------------

class KafkaReader {
  constructor(buf, offset) {
    this.buf = buf;
    this.offset = offset;
  }
  int16() {
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }
  int32() {
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }
  string() {
    const len = this.int16();
    if (len < 0) return null;
    if (this.offset + len > this.buf.length) throw new Error('truncated string in reply');
    const s = this.buf.toString('utf8', this.offset, this.offset + len);
    this.offset += len;
    return s;
  }
  array(readItem) {
    const count = this.int32();
    if (count > this.buf.length - this.offset) throw new Error(`implausible array length ${count}`);
    const items = [];
    for (let i = 0; i < count; i++) items.push(readItem());
    return items;
  }
}

async function probeKafka(host, port) {
  const correlationId = 42;
  const clientId = Buffer.from('truyvet-probe');
  const req = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length + 4);
  let o = req.writeInt32BE(req.length - 4, 0); // size
  o = req.writeInt16BE(3, o); // api_key: Metadata
  o = req.writeInt16BE(0, o); // api_version: 0
  o = req.writeInt32BE(correlationId, o);
  o = req.writeInt16BE(clientId.length, o); // client_id
  o += clientId.copy(req, o);
  req.writeInt32BE(0, o); // topics: empty array = all topics

  const reply = await roundTrip(host, port, req, (b) => 4 + b.readInt32BE(0));
  const r = new KafkaReader(reply, 4);
  if (r.int32() !== correlationId) throw new Error('reply has the wrong correlation id');
  const brokers = r.array(() => ({ nodeId: r.int32(), host: r.string(), port: r.int32() }));
  const topics = r.array(() => {
    r.int16(); // error_code
    const name = r.string();
    r.array(() => {
      r.int16(); // error_code
      r.int32(); // partition
      r.int32(); // leader
      r.array(() => r.int32()); // replicas
      r.array(() => r.int32()); // isr
    });
    return name;
  });
  if (brokers.length === 0) throw new Error('metadata lists no brokers yet');
  const list = brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(', ');
  return `kafka ${host}:${port} ready: broker(s) ${list}; ${topics.length} topic(s)`;
}

// ---- MongoDB: little-endian, OP_MSG with a hand-encoded BSON document ---------------------------------

const OP_MSG = 2013;

function cstring(s) {
  return Buffer.from(`${s}\0`, 'utf8');
}

function int32le(n) {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b;
}

/** {hello: 1, $db: "admin"} */
function helloDocument() {
  const elements = Buffer.concat([
    Buffer.from([0x10]), // int32
    cstring('hello'),
    int32le(1),
    Buffer.from([0x02]), // string: int32 byte length (with NUL), bytes, NUL
    cstring('$db'),
    int32le(Buffer.byteLength('admin') + 1),
    cstring('admin'),
  ]);
  return Buffer.concat([int32le(4 + elements.length + 1), elements, Buffer.from([0x00])]);
}

// Sizes of fixed-width BSON types we may have to skip.
const BSON_FIXED = { 0x07: 12, 0x09: 8, 0x0a: 0, 0x11: 8, 0x13: 16, 0x7f: 0, 0xff: 0 };

/** Decodes the top-level scalar fields of a BSON document; nested documents are skipped. */
function readTopLevel(buf, start) {
  const end = start + buf.readInt32LE(start);
  if (end > buf.length) throw new Error('truncated BSON document in reply');
  const fields = {};
  let o = start + 4;
  while (o < end - 1) {
    const type = buf[o];
    const nameEnd = buf.indexOf(0, o + 1);
    const name = buf.toString('utf8', o + 1, nameEnd);
    o = nameEnd + 1;
    if (type === 0x01) {
      fields[name] = buf.readDoubleLE(o);
      o += 8;
    } else if (type === 0x02) {
      const len = buf.readInt32LE(o);
      fields[name] = buf.toString('utf8', o + 4, o + 4 + len - 1);
      o += 4 + len;
    } else if (type === 0x03 || type === 0x04) {
      o += buf.readInt32LE(o); // embedded document or array
    } else if (type === 0x05) {
      o += 4 + 1 + buf.readInt32LE(o); // binary: length, subtype, bytes
    } else if (type === 0x08) {
      fields[name] = buf[o] === 1;
      o += 1;
    } else if (type === 0x10) {
      fields[name] = buf.readInt32LE(o);
      o += 4;
    } else if (type === 0x12) {
      fields[name] = Number(buf.readBigInt64LE(o));
      o += 8;
    } else if (type in BSON_FIXED) {
      o += BSON_FIXED[type];
    } else {
      throw new Error(`unsupported BSON type 0x${type.toString(16)} in field "${name}"`);
    }
  }
  return fields;
}

async function probeMongo(host, port) {
  const requestId = 42;
  const body = Buffer.concat([int32le(0), Buffer.from([0]), helloDocument()]); // flagBits, section kind 0
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + body.length, 0); // messageLength
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(0, 8); // responseTo
  header.writeInt32LE(OP_MSG, 12);

  const reply = await roundTrip(host, port, Buffer.concat([header, body]), (b) => b.readInt32LE(0));
  if (reply.length < 21) throw new Error('reply too short');
  const opCode = reply.readInt32LE(12);
  if (opCode !== OP_MSG) throw new Error(`reply opcode ${opCode}, expected OP_MSG (${OP_MSG})`);
  if (reply.readInt32LE(8) !== requestId) throw new Error('reply answers another request');
  const flagBits = reply.readUInt32LE(16);
  const end = reply.length - (flagBits & 1 ? 4 : 0); // checksumPresent
  let o = 20;
  while (o < end) {
    const kind = reply[o];
    if (kind === 0) {
      const doc = readTopLevel(reply, o + 1);
      if (Number(doc.ok) !== 1) {
        const why = typeof doc.errmsg === 'string' ? doc.errmsg : 'no errmsg';
        throw new Error(`hello replied ok: ${String(doc.ok)} (${why})`);
      }
      const wire = typeof doc.maxWireVersion === 'number' ? `, maxWireVersion ${doc.maxWireVersion}` : '';
      return `mongo ${host}:${port} ready: hello ok${wire}`;
    }
    o += 1 + reply.readInt32LE(o + 1); // kind 1: document sequence, skip it
  }
  throw new Error('reply has no body section');
}

// ---- main --------------------------------------------------------------------------------------------

const probes = { kafka: probeKafka, mongo: probeMongo };

function usage(message) {
  console.error(`probe.mjs: ${message}`);
  console.error('usage: node probe.mjs [--wait SECONDS] {kafka|mongo} HOST:PORT');
  process.exit(2);
}

const args = process.argv.slice(2);
let waitSeconds = 0;
const w = args.indexOf('--wait');
if (w >= 0) {
  waitSeconds = Number(args[w + 1]);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) usage('--wait needs a number of seconds');
  args.splice(w, 2);
}
const [kind, address] = args;
if (args.length !== 2 || !Object.hasOwn(probes, kind)) usage('expected a protocol and an address');
const m = /^\[?([^\]]+)\]?:(\d+)$/.exec(address);
if (!m) usage(`bad address "${address}", expected HOST:PORT`);
const [, host, port] = m;

const deadline = Date.now() + waitSeconds * 1000;
let reason = '';
for (;;) {
  try {
    console.log(await probes[kind](host, Number(port)));
    process.exit(0);
  } catch (err) {
    reason = err instanceof Error ? err.message : String(err);
  }
  if (Date.now() + RETRY_MS > deadline) break;
  await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
}
console.error(`${kind} ${address} not ready: ${reason}`);
process.exit(1);
