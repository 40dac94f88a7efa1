/* Instants and durations as an auditor reads them: in the governing zone and in UTC. */

function parts(iso, zone) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23', timeZoneName: 'short'
  });
  const p = {};
  for (const part of formatter.formatToParts(date)) {
    p[part.type] = part.value;
  }
  return p;
}

/** "2026-12-04 16:30:00 CST" for an ISO instant in an IANA zone; "" for none. */
export function instant(iso, zone) {
  if (!iso) {
    return '';
  }
  let p;
  try {
    p = parts(iso, zone || 'UTC');
  } catch (e) {
    p = parts(iso, 'UTC');
  }
  if (!p) {
    return String(iso);
  }
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

export function utc(iso) {
  return iso ? instant(iso, 'UTC') : '';
}

/** "3 d 4 h", "12 min", "40 s", "250 ms". */
export function duration(ms) {
  if (ms === null || ms === undefined) {
    return '';
  }
  const s = Math.floor(ms / 1000);
  if (s < 1) {
    return `${ms} ms`;
  }
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) {
    return `${d} d ${h} h`;
  }
  if (h > 0) {
    return `${h} h ${m} min`;
  }
  if (m > 0) {
    return `${m} min`;
  }
  return `${s} s`;
}

export function yesNo(value) {
  return value === true ? 'yes' : value === false ? 'no' : '';
}

/** A recorded value as text: objects (JSON) as JSON. */
export function value(v) {
  if (v === null || v === undefined) {
    return '';
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * An ISO instant as the API wrote it, in the offset it carries (the facility's): "2026-12-04 16:30:00 (UTC-06:00)".
 */
export function asGiven(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso || '');
  if (!m) {
    return iso ? String(iso) : '';
  }
  return `${m[1]} ${m[2]} (UTC${m[3] === 'Z' ? '' : m[3]})`;
}
