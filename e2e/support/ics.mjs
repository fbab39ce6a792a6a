// Reading a calendar file strictly: the line rules of RFC 5545 §3.1 checked
// here (ical.js unfolds whatever it is given), the content by ical.js, the
// parser Thunderbird uses.
import ICAL from 'ical.js';

const CRLF = Buffer.from('\r\n');

/**
 * Checks `bytes` as an iCalendar file and returns its one event as
 * { uid, stamp, start, end, summary, description, url } (dates as YYYY-MM-DD,
 * texts unescaped). Throws on: a line end other than CRLF, a line over 75
 * octets, a line that is not UTF-8 on its own (a character split by folding),
 * a continuation not folded with one space, anything ical.js refuses, or a
 * missing VERSION:2.0, PRODID, UID, DTSTAMP in UTC or all-day DTSTART.
 */
export function readEvent(bytes) {
  if (!bytes.subarray(-2).equals(CRLF)) throw new Error('the file does not end with CRLF');
  const lines = [];
  let start = 0;
  for (let at = bytes.indexOf(CRLF); at !== -1; at = bytes.indexOf(CRLF, start)) {
    lines.push(bytes.subarray(start, at));
    start = at + 2;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  lines.forEach((line, index) => {
    if (line.includes(0x0d) || line.includes(0x0a)) throw new Error(`line ${index + 1}: a bare CR or LF`);
    if (line.length > 75) throw new Error(`line ${index + 1}: ${line.length} octets`);
    if (line.length === 0 || line[0] === 0x09) throw new Error(`line ${index + 1}: empty, or folded with a tab`);
    decoder.decode(line); // throws on a split character
  });
  const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
  if (calendar.name !== 'vcalendar') throw new Error('not a VCALENDAR');
  if (calendar.getFirstPropertyValue('version') !== '2.0') throw new Error('VERSION is not 2.0');
  if (!calendar.getFirstPropertyValue('prodid')) throw new Error('no PRODID');
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length !== 1) throw new Error(`${events.length} events`);
  const [event] = events;
  const stamp = event.getFirstPropertyValue('dtstamp');
  const begin = event.getFirstPropertyValue('dtstart');
  const end = event.getFirstPropertyValue('dtend');
  if (!event.getFirstPropertyValue('uid')) throw new Error('no UID');
  if (!stamp || stamp.isDate || stamp.zone !== ICAL.Timezone.utcTimezone) throw new Error('DTSTAMP is not a UTC date-time');
  if (!begin?.isDate || (end && !end.isDate)) throw new Error('not an all-day event');
  const day = (time) => time?.toString().slice(0, 10);
  return {
    uid: event.getFirstPropertyValue('uid'),
    stamp: stamp.toString(),
    start: day(begin),
    end: day(end),
    summary: event.getFirstPropertyValue('summary'),
    description: event.getFirstPropertyValue('description'),
    url: event.getFirstPropertyValue('url'),
  };
}
