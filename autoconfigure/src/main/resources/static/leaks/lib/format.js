/*
 * Numbers for people. Sizes use binary IEC units with one decimal (1 KiB = 1,024 bytes), as
 * the endpoint's own sentences do, so the page and the verdict's reason read the same figure
 * the same way. Every function returns '–' for a value that is missing or not a number.
 */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

const KIB = 1024;
const MIB = KIB * KIB;

/** Bytes in each unit: { B: 1, KiB: 1024, ... }. */
export const UNIT_BYTES = Object.freeze(Object.fromEntries(BYTE_UNITS.map((unit, index) => [unit, KIB ** index])));

export function isNumber(value) {
  return typeof value === 'number' && isFinite(value);
}

/**
 * A size such as '1.5 GiB': bytes below 1 KiB, otherwise one decimal in the largest unit that
 * keeps the figure at 1 or more. With a unit ('MiB'), in that unit and without a '.0', so the
 * ticks of an axis read 0 MiB, 200 MiB, ... 1200 MiB rather than switch units halfway.
 */
export function bytes(value, { unit } = {}) {
  if (!isNumber(value)) {
    return '–';
  }
  if (unit) {
    const figure = (value / UNIT_BYTES[unit]).toFixed(1).replace(/\.0$/, '');
    return (figure === '-0' ? '0' : figure) + ' ' + unit;
  }
  let magnitude = Math.abs(value);
  let index = 0;
  while (magnitude >= KIB && index < BYTE_UNITS.length - 1) {
    magnitude /= KIB;
    index++;
  }
  const figure = index === 0 ? String(Math.round(magnitude)) : magnitude.toFixed(1);
  return (value < 0 && figure !== '0' ? '-' : '') + figure + ' ' + BYTE_UNITS[index];
}

export function signedBytes(value) {
  return isNumber(value) && value > 0 ? '+' + bytes(value) : bytes(value);
}

/**
 * A growth rate given in bytes per minute: per minute from 1 MiB a minute up, per hour below,
 * where a per-minute figure would read as a few KiB of noise ('12.0 MiB/min', '300.0 MiB/h').
 */
export function rate(bytesPerMinute) {
  if (!isNumber(bytesPerMinute)) {
    return '–';
  }
  return Math.abs(bytesPerMinute) < MIB ? bytes(bytesPerMinute * 60) + '/h' : bytes(bytesPerMinute) + '/min';
}

export function count(value) {
  return isNumber(value) ? Math.round(value).toLocaleString('en-US') : '–';
}

export function signedCount(value) {
  return isNumber(value) && value > 0 ? '+' + count(value) : count(value);
}

/** A span such as '850 ms', '4.2 s', '5 min 20 s', '3 h 10 min' or '2 d 4 h'; never ISO 8601. */
export function duration(millis) {
  if (!isNumber(millis)) {
    return '–';
  }
  const ms = Math.abs(millis);
  if (ms < 1000) {
    return Math.round(ms) + ' ms';
  }
  const seconds = ms / 1000;
  if (seconds < 60) {
    return seconds.toFixed(seconds < 10 ? 1 : 0) + ' s';
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = Math.round(seconds - minutes * 60);
    return minutes + ' min' + (rest ? ' ' + rest + ' s' : '');
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes - hours * 60;
    return hours + ' h' + (rest ? ' ' + rest + ' min' : '');
  }
  const days = Math.floor(hours / 24);
  const restHours = hours - days * 24;
  return days + ' d' + (restHours ? ' ' + restHours + ' h' : '');
}

function pad(value) {
  return value < 10 ? '0' + value : String(value);
}

/** A moment in the browser's time zone: the time of day today, with the date on other days. */
export function clock(time) {
  if (!isNumber(time)) {
    return '–';
  }
  const date = new Date(time);
  const hms = pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
  if (date.toDateString() === new Date().toDateString()) {
    return hms;
  }
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' + hms;
}

/** Milliseconds since the epoch from an ISO string, epoch seconds or epoch milliseconds. */
export function toMillis(value) {
  if (isNumber(value)) {
    // Seconds since the epoch are below 1e11 for centuries; milliseconds are above.
    return value < 1e11 ? value * 1000 : value;
  }
  if (typeof value === 'string' && value) {
    const parsed = Date.parse(value);
    return isNaN(parsed) ? null : parsed;
  }
  return null;
}
