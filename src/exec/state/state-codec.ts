/**
 * Encodes operator state (aggregate accumulators, group values) for the changelog topic: JSON with
 * tagged forms for the values JSON cannot carry (bigint, Decimal, Uint8Array, Map).
 */
import { encodeBase64 } from '../../serde/base64.js';
import { utf8Bytes } from '../../serde/utf8.js';
import { Decimal } from '../../types/decimal.js';

const dec = new TextDecoder();

function toJson(v: unknown): unknown {
  if (typeof v === 'bigint') return { $b: v.toString() };
  if (v instanceof Decimal) return { $d: [v.unscaled.toString(), v.scale] };
  if (v instanceof Uint8Array) return { $u: Buffer.from(v).toString('base64') };
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [toJson(k), toJson(x)]) };
  if (Array.isArray(v)) return v.map(toJson);
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = toJson(x);
    return { $o: o };
  }
  return v === undefined ? null : v;
}

function fromJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if ('$b' in o) return BigInt(o.$b as string);
  if ('$d' in o) {
    const [u, s] = o.$d as [string, number];
    return new Decimal(BigInt(u), s);
  }
  if ('$u' in o) return Uint8Array.from(Buffer.from(o.$u as string, 'base64'));
  if ('$m' in o) return new Map((o.$m as [unknown, unknown][]).map(([k, x]) => [fromJson(k), fromJson(x)]));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o.$o as Record<string, unknown>)) out[k] = fromJson(x);
  return out;
}

export function encodeState(v: unknown): Uint8Array {
  return utf8Bytes(stateText(v));
}

/**
 * The changelog text of a state value: the bytes `JSON.stringify(toJson(v))` gives, written in one
 * pass without building the tagged copy (state is written for every changed key of every step;
 * the copy was most of a stream-stream join's state cost). toJson stays the reference for the tests.
 */
function stateText(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? numberText(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return '{"$b":"' + v.toString() + '"}';
    case 'object':
      if (v === null) return 'null';
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) {
          if (i > 0) out += ',';
          out += stateText(v[i]);
        }
        return out + ']';
      }
      if (v instanceof Decimal) return `{"$d":["${v.unscaled}",${v.scale}]}`;
      if (v instanceof Uint8Array) return `{"$u":"${encodeBase64(v)}"}`;
      if (v instanceof Map) {
        let out = '{"$m":[';
        let first = true;
        for (const [k, x] of v) {
          out += `${first ? '' : ','}[${stateText(k)},${stateText(x)}]`;
          first = false;
        }
        return out + ']}';
      }
      return objectText(v as Record<string, unknown>);
    default:
      return 'null'; // undefined (and nothing else occurs in state)
  }
}

function objectText(o: Record<string, unknown>): string {
  let out = '{"$o":{';
  let first = true;
  for (const k of Object.keys(o)) {
    if (!first) out += ',';
    first = false;
    out += quotedKey(k);
    out += ':';
    out += stateText(o[k]);
  }
  return out + '}}';
}

/** State objects use a handful of field names: each is quoted once. */
const QUOTED_KEYS_MAX = 4096;
const quotedKeys = new Map<string, string>();
function quotedKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotedKeys.size < QUOTED_KEYS_MAX) quotedKeys.set(k, q);
  }
  return q;
}

/**
 * `String(v)`, faster for integers beyond 32 bits (epoch milliseconds fill state): V8 prints
 * those through its slow double-to-text path, so they are printed as two smaller integers.
 */
function numberText(v: number): string {
  if (v <= 0xffffffff || v > Number.MAX_SAFE_INTEGER || !Number.isInteger(v)) return String(v);
  let high = Math.floor(v / 1e8);
  let low = v - high * 1e8; // exact: every term is an integer below 2^53
  if (low < 0) (high -= 1), (low += 1e8);
  else if (low >= 1e8) (high += 1), (low -= 1e8);
  const lowText = String(low);
  return String(high) + '00000000'.slice(lowText.length) + lowText;
}

/** The reference encoding (what the changelog has always held); tests compare stateText with it. */
export function referenceStateText(v: unknown): string {
  return JSON.stringify(toJson(v));
}

export function decodeState(bytes: Uint8Array): unknown {
  return fromJson(JSON.parse(dec.decode(bytes)));
}
