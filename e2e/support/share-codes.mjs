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
