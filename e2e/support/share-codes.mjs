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

/**
 * A valid code as the app writes it (docs/share-links.md): format 1, content
 * `version` (one LEB128 byte), `values` packed three bits each (0 unanswered,
 * 1–5 the options weakest to strongest, 6 "Not sure"), the completion `day`
 * (days since 2020-01-01 plus one; 0 for none), the checksum, then the label.
 */
export function shareCode({ version = 2, values = new Array(21).fill(3), day = 0, label } = {}) {
  const answers = Buffer.alloc(Math.ceil((values.length * 3) / 8));
  values.forEach((value, i) => {
    for (let bit = 0; bit < 3; bit += 1) {
      if (value & (4 >> bit)) {
        const at = i * 3 + bit;
        answers[at >> 3] |= 0x80 >> (at & 7);
      }
    }
  });
  const unsigned = Buffer.concat([Buffer.from([1, version]), answers, Buffer.from([day >> 8, day & 0xff])]);
  const labelBytes = label === undefined ? Buffer.alloc(0) : Buffer.from(label, 'utf8');
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(Buffer.concat([unsigned, labelBytes])) >>> 0);
  const payload = Buffer.concat([unsigned, checksum.subarray(0, 3)]);
  return labelBytes.length ? `${base64url(payload)}.${base64url(labelBytes)}` : base64url(payload);
}
