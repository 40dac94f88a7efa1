/*
 * The "Regulatory timeline" tab: GET /api/grievances/{n}/timeline, in order, each instant in the governing zone
 * and in UTC, with the actor.
 */
import { ApiError, encode, getJson } from './api.js';
import { append, clear, h, notice, table } from './dom.js';
import { instant, utc, value, yesNo } from './format.js';

function details(d) {
  const entries = Object.entries(d || {});
  if (!entries.length) {
    return '';
  }
  return h('dl', { class: 'grv-details' }, entries.map(([k, v]) => [h('dt', null, k), h('dd', null, value(v))]));
}

function header(t) {
  const x = t.header || {};
  const zone = t.zone;
  const row = (label, v) => [h('dt', null, label), h('dd', null, v === null || v === undefined ? '' : v)];
  return h('dl', { class: 'dl-horizontal grv-timeline-header' },
    row('Received', `${instant(x.receivedAt, zone)} · ${utc(x.receivedAtUtc || x.receivedAt)}`),
    row('Channel', x.channel),
    row('Regimes', (x.regimes || []).join(', ')),
    row('Classification', x.classification),
    row('Status', x.status),
    row('Response due', x.responseDueAt ? `${instant(x.responseDueAt, zone)} · ${utc(x.responseDueAt)}` : ''),
    row('Closed', x.closedAt ? `${instant(x.closedAt, zone)} · ${utc(x.closedAt)}` : ''),
    row('Late', yesNo(x.late)),
    row('Expedited', yesNo(x.expedited)),
    row('Extended', yesNo(x.extended)),
    row('Department', x.department),
    row('HCAT category', x.hcatCategory));
}

export function renderTimeline(node, api, caseNumber) {
  append(clear(node), notice('info', 'Loading the timeline…'));
  getJson(api, '/grievances/' + encode(caseNumber) + '/timeline')
    .then((t) => {
      const events = t.events || [];
      append(clear(node),
        h('p', { class: 'grv-lead' }, `Instants in ${t.zone} (the governing zone) and in UTC.`),
        header(t),
        events.length
          ? table(['When (' + t.zone + ')', 'When (UTC)', 'Event', 'Actor', 'Summary', 'Details'],
            events.map((e) => [instant(e.at, e.zone || t.zone), utc(e.atUtc || e.at), e.kind, e.actor || '',
              e.summary || '', details(e.details)]), { class: 'table table-bordered grv-table grv-timeline' })
          : notice('info', 'The timeline has no events.'));
    })
    .catch((error) => append(clear(node), notice('danger',
      error instanceof ApiError ? error.message : 'The timeline could not be read.')));
}
