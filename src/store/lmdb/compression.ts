/**
 * The compression codecs of Kafka's RecordBatch v2 (attributes bits 0-2), in the framings Kafka's
 * clients use, so a batch we compress is read by any Kafka client and the other way round:
 *   gzip    RFC 1952 (node:zlib)
 *   snappy  xerial framing as the Java client writes it (a 16-byte header, then length-prefixed
 *           raw snappy blocks); raw snappy (no header) is read too, as librdkafka may send it
 *   lz4     the LZ4 frame format (lz4-napi)
 *   zstd    a zstd frame (node:zlib when the runtime has it, else @bokuweb/zstd-wasm)
 * gzip and none are always there. The others are loaded on first use (loadCodec); a package that
 * cannot load is an UNSUPPORTED_COMPRESSION error naming it, never a crash.
 */
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { TopicStoreError } from '../topic-store.js';

/** Codec ids as stored in attributes bits 0-2. */
export const COMPRESSION_IDS = Object.freeze({ none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const);
export type CompressionType = keyof typeof COMPRESSION_IDS;
export const COMPRESSION_TYPES = Object.freeze(Object.keys(COMPRESSION_IDS) as CompressionType[]);

/** A decompressed batch may not grow past this (guards against decompression bombs). */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;
/** Uncompressed bytes per xerial snappy block, as snappy-java's SnappyOutputStream uses. */
const SNAPPY_BLOCK_BYTES = 32 * 1024;
/** zstd level: Kafka's default (compression.zstd.level = 3). */
const ZSTD_LEVEL = 3;

export interface Codec {
  compress(bytes: Uint8Array): Uint8Array;
  decompress(bytes: Uint8Array): Uint8Array;
}

export function compressionTypeOf(id: number): CompressionType | undefined {
  return COMPRESSION_TYPES.find((t) => COMPRESSION_IDS[t] === id);
}

const requireModule = createRequire(import.meta.url);

const identity: Codec = { compress: (b) => b, decompress: (b) => b };

const gzip: Codec = {
  compress: (b) => zlib.gzipSync(b),
  decompress: (b) => zlib.gunzipSync(b, { maxOutputLength: MAX_DECOMPRESSED_BYTES }),
};

const loaded = new Map<CompressionType, Codec>([
  ['none', identity],
  ['gzip', gzip],
]);
const loading = new Map<CompressionType, Promise<Codec>>();

/** The package each optional codec needs, for the error message. */
const PACKAGES: Readonly<Record<'snappy' | 'lz4' | 'zstd', string>> = { snappy: 'snappy', lz4: 'lz4-napi', zstd: '@bokuweb/zstd-wasm' };

/** The codec if it is loaded already (none and gzip always are). */
export function loadedCodec(type: CompressionType): Codec | undefined {
  return loaded.get(type);
}

/** Loads a codec once; rejects with UNSUPPORTED_COMPRESSION if its package cannot load. */
export function loadCodec(type: CompressionType): Promise<Codec> {
  const ready = loaded.get(type);
  if (ready) return Promise.resolve(ready);
  let p = loading.get(type);
  if (!p) {
    p = build(type as 'snappy' | 'lz4' | 'zstd').then(
      (codec) => {
        loaded.set(type, codec);
        return codec;
      },
      (err: unknown) => {
        loading.delete(type); // a later call may try again (e.g. after npm install)
        throw new TopicStoreError(
          'UNSUPPORTED_COMPRESSION',
          `compression '${type}' is not available: its package ${PACKAGES[type as 'snappy' | 'lz4' | 'zstd']} could not be loaded (${err instanceof Error ? err.message : String(err)})`,
        );
      },
    );
    loading.set(type, p);
  }
  return p;
}

async function build(type: 'snappy' | 'lz4' | 'zstd'): Promise<Codec> {
  switch (type) {
    case 'snappy':
      return snappyCodec(requireModule('snappy') as SnappyModule);
    case 'lz4': {
      const lz4 = requireModule('lz4-napi') as Lz4Module;
      return {
        compress: (b) => lz4.compressFrameSync(Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
        decompress: (b) => checkSize(lz4.decompressFrameSync(Buffer.from(b.buffer, b.byteOffset, b.byteLength))),
      };
    }
    case 'zstd':
      return zstdCodec();
  }
}

interface SnappyModule {
  compressSync(input: Uint8Array): Buffer;
  uncompressSync(input: Uint8Array, options?: { asBuffer?: boolean }): string | Buffer;
}
interface Lz4Module {
  compressFrameSync(data: Buffer): Buffer;
  decompressFrameSync(data: Buffer): Buffer;
}

function checkSize(b: Uint8Array): Uint8Array {
  if (b.length > MAX_DECOMPRESSED_BYTES) throw new Error(`decompressed batch larger than ${MAX_DECOMPRESSED_BYTES} bytes`);
  return b;
}

/** snappy-java's stream header: magic, version 1, compatible version 1. */
const XERIAL_HEADER = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
const XERIAL_MAGIC_BYTES = 8;

function snappyCodec(snappy: SnappyModule): Codec {
  const raw = (b: Uint8Array): Buffer => snappy.uncompressSync(b, { asBuffer: true }) as Buffer;
  return {
    compress(b) {
      const parts: Uint8Array[] = [XERIAL_HEADER];
      for (let i = 0; i < b.length || i === 0; i += SNAPPY_BLOCK_BYTES) {
        const block = snappy.compressSync(b.subarray(i, i + SNAPPY_BLOCK_BYTES));
        const len = Buffer.allocUnsafe(4);
        len.writeUInt32BE(block.length);
        parts.push(len, block);
        if (b.length === 0) break;
      }
      return Buffer.concat(parts);
    },
    decompress(b) {
      const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
      if (buf.length < XERIAL_HEADER.length || !buf.subarray(0, XERIAL_MAGIC_BYTES).equals(XERIAL_HEADER.subarray(0, XERIAL_MAGIC_BYTES))) {
        return checkSize(raw(buf));
      }
      const parts: Buffer[] = [];
      let total = 0;
      for (let pos = XERIAL_HEADER.length; pos < buf.length; ) {
        if (pos + 4 > buf.length) throw new Error('snappy: truncated block length');
        const len = buf.readUInt32BE(pos);
        pos += 4;
        if (pos + len > buf.length) throw new Error('snappy: block past end');
        const part = raw(buf.subarray(pos, pos + len));
        total += part.length;
        checkSize({ length: total } as Uint8Array);
        parts.push(part);
        pos += len;
      }
      return Buffer.concat(parts);
    },
  };
}

interface ZlibWithZstd {
  zstdCompressSync?(b: Uint8Array, options?: object): Buffer;
  zstdDecompressSync?(b: Uint8Array, options?: object): Buffer;
  constants: Record<string, number>;
}

interface ZstdWasm {
  init(): Promise<void>;
  compress(b: Uint8Array, level?: number): Uint8Array;
  decompress(b: Uint8Array, opts?: { defaultHeapSize: number }): Uint8Array;
}

async function zstdCodec(): Promise<Codec> {
  const z = zlib as unknown as ZlibWithZstd;
  if (z.zstdCompressSync && z.zstdDecompressSync) {
    const level = z.constants.ZSTD_c_compressionLevel;
    const compress = z.zstdCompressSync.bind(zlib);
    const decompress = z.zstdDecompressSync.bind(zlib);
    return {
      compress: (b) => compress(b, level === undefined ? {} : { params: { [level]: ZSTD_LEVEL } }),
      decompress: (b) => decompress(b, { maxOutputLength: MAX_DECOMPRESSED_BYTES }),
    };
  }
  const wasm = requireModule('@bokuweb/zstd-wasm') as ZstdWasm;
  await wasm.init();
  return {
    compress: (b) => wasm.compress(b, ZSTD_LEVEL),
    decompress(b) {
      // A frame without its content size (streaming writers) needs an output bound: grow it.
      for (let bound = Math.max(64 * 1024, b.length * 8); ; bound *= 4) {
        try {
          return wasm.decompress(b, { defaultHeapSize: Math.min(bound, MAX_DECOMPRESSED_BYTES) });
        } catch (err) {
          if (bound >= MAX_DECOMPRESSED_BYTES) throw err;
        }
      }
    },
  };
}
