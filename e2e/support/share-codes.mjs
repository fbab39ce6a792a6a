// Crafting share codes by hand (format in docs/share-links.md), for links a
// real encoder would never write: other versions, hostile labels.
import { crc32 } from 'node:zlib';

const base64url = (bytes) => Buffer.from(bytes).toString('base64url');

/** A code with a valid checksum: format 1, `version`, 30 unanswered questions, no date. */
export function craftCode({ version = 1, answers = new Array(12).fill(0), label } = {}) {
  const unsigned = Buffer.from([1, version, ...answers, 0, 0]);
  const labelBytes = label === undefined ? Buffer.alloc(0) : Buffer.from(label, 'utf8');
  const crc = crc32(Buffer.concat([unsigned, labelBytes]));
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc >>> 0);
  const payload = Buffer.concat([unsigned, checksum.subarray(0, 3)]);
  return labelBytes.length ? `${base64url(payload)}.${base64url(labelBytes)}` : base64url(payload);
}

/** Days from 1970-01-01 to 2020-01-01, where a code's completion day counts from. */
const DAY_ZERO = 18262;

/**
 * A code as the app's encoder writes it (docs/share-links.md): `answers` holds one value a
 * question of `version` in releases.toml order (0 unanswered, 1-5 the options weakest first,
 * 6 "Not sure"), `day` the completion day (days since 1970-01-01, or 0), `label` an optional name.
 */
export function shareCode({ version, answers, day = 0, label }) {
  const packed = Buffer.alloc(Math.ceil((answers.length * 3) / 8));
  answers.forEach((value, index) => {
    for (let bit = 0; bit < 3; bit += 1) {
      const at = index * 3 + bit;
      if (value & (4 >> bit)) packed[at >> 3] |= 0x80 >> (at & 7);
    }
  });
  const since = day ? day - DAY_ZERO + 1 : 0;
  const unsigned = Buffer.concat([Buffer.from([1, version]), packed, Buffer.from([since >> 8, since & 0xff])]);
  const labelBytes = label === undefined ? Buffer.alloc(0) : Buffer.from(label, 'utf8');
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(Buffer.concat([unsigned, labelBytes])) >>> 0);
  const payload = Buffer.concat([unsigned, checksum.subarray(0, 3)]);
  return labelBytes.length ? `${base64url(payload)}.${base64url(labelBytes)}` : base64url(payload);
}

/** A realistic mixed result of content version 2 (21 questions): every level, a few "Not sure". */
export const MIXED_V2 = [2, 3, 1, 6, 4, 2, 5, 3, 2, 1, 6, 4, 3, 2, 5, 4, 3, 6, 2, 1, 3];
