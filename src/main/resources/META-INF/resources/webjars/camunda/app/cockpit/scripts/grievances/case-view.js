/*
 * A case's history (#/grievances/<caseNumber>): GET /api/audit/cases/{n}/history, shown as the diagram of each
 * process the case ran with the path it took and a count on each activity, the activities, the user tasks (who
 * claimed, who completed, when, how long), every form submission, the decisions with inputs and outputs,
 * incidents, the user operation log, and the regulatory timeline. Read only: nothing here changes the case.
 */
import { ApiError, encode, getJson } from './api.js';
import { showDiagram } from './diagram.js';
import { append, clear, ensureStyles, h, notice, table } from './dom.js';
import { duration, instant, utc, value } from './format.js';
import { renderTimeline } from './timeline.js';

/** The case number in "#/grievances/<n>" (and the tab in "?tab=", if any). */
export function caseFromHash(hash) {
  const m = /^#\/grievances\/([^/?]+)/.exec(hash || '');
  const tab = /[?&]tab=([a-z-]+)/.exec(hash || '');
  return { caseNumber: m ? decodeURIComponent(m[1]) : null, tab: tab ? tab[1] : null };
}

const TABS = [
  ['diagram', 'Diagram'], ['activities', 'Activities'], ['tasks', 'User tasks'], ['forms', 'Form submissions'],
  ['decisions', 'Decisions'], ['incidents', 'Incidents'], ['operations', 'Operation log'],
  ['timeline', 'Regulatory timeline']
];

function when(iso, zone) {
  return iso ? h('span', { title: utc(iso) }, instant(iso, zone)) : '';
}

function processNames(history) {
  const names = {};
  for (const p of history.processInstances) {
    names[p.id] = p.definitionName || p.definitionKey;
  }
  return names;
}

function diagramTab(node, api, history, viewers) {
  const definitions = [];
  for (const p of history.processInstances) {
    if (!definitions.some((d) => d.id === p.definitionId)) {
      const runs = history.processInstances.filter((x) => x.definitionId === p.definitionId).length;
      definitions.push({ id: p.definitionId, label: `${p.definitionName || p.definitionKey} (version ${p.definitionVersion}`
        + `${runs > 1 ? `, ${runs} instances` : ''})` });
    }
  }
  if (!definitions.length) {
    append(node, notice('info', 'The engine has no history for this case.'));
    return;
  }
  const picker = h('select', { id: 'grv-definition', class: 'form-control grv-definition-picker',
    'aria-label': 'Process' }, definitions.map((d) => h('option', { value: d.id }, d.label)));
  const canvas = h('div', { class: 'grv-diagram', id: 'grv-diagram' });
  const status = h('div', { class: 'grv-diagram-status' });
  const show = () => {
    viewers.forEach((v) => v.destroy());
    viewers.length = 0;
    clear(canvas);
    clear(status);
    const id = picker.value;
    getJson(api, '/audit/definitions/' + encode(id) + '/xml')
      .then((d) => showDiagram(canvas, d.bpmn20Xml, history.activityCounts[id] || {}))
      .then(({ viewer, marked }) => {
        viewers.push(viewer);
        canvas.setAttribute('data-marked', String(marked));
        append(status, h('p', { class: 'grv-lead' },
          `${marked} activit${marked === 1 ? 'y' : 'ies'} ran (highlighted, with how often). `
          + 'Scroll to zoom, drag to move.'));
      })
      .catch((error) => append(status, notice('danger', error.message || 'The diagram could not be shown.')));
  };
  picker.addEventListener('change', show);
  append(node, h('div', { class: 'form-inline grv-diagram-bar' }, h('label', { for: 'grv-definition' }, 'Process '), picker),
    status, canvas);
  show();
}

function activitiesTab(node, history) {
  const names = processNames(history);
  const z = history.zone;
  append(node, table(['Activity', 'Type', 'Process', 'Started', 'Ended', 'Duration'],
    history.activities.filter((a) => a.type !== 'multiInstanceBody').map((a) => [
      a.name || a.activityId, a.type, names[a.processInstanceId] || '', when(a.startedAt, z),
      a.endedAt ? when(a.endedAt, z) : (a.canceled ? 'cancelled' : 'running'), duration(a.durationMillis)]),
    { class: 'table table-bordered table-hover grv-table grv-activities' }));
}

function tasksTab(node, history) {
  const names = processNames(history);
  const z = history.zone;
  append(node, table(['Task', 'Process', 'Candidate groups', 'Created', 'Claimed by', 'Completed by', 'Duration',
    'Ended'],
  history.userTasks.map((t) => [
    t.name, names[t.processInstanceId] || '', (t.candidateGroups || []).join(', '), when(t.createdAt, z),
    t.claimedBy ? [t.claimedBy, t.claimedAt ? h('div', { class: 'grv-small' }, when(t.claimedAt, z)) : ''] : '',
    t.completedBy ? [t.completedBy, h('div', { class: 'grv-small' }, when(t.completedAt, z))] : '',
    duration(t.durationMillis),
    t.endedAt ? [when(t.endedAt, z), t.endReason && t.endReason !== 'completed'
      ? h('div', { class: 'grv-small' }, t.endReason) : ''] : 'open']),
  { class: 'table table-bordered table-hover grv-table grv-tasks' }));
}

function formsTab(node, history) {
  const z = history.zone;
  if (!history.formSubmissions.length) {
    append(node, notice('info', 'No form submissions were recorded.'));
    return;
  }
  for (const s of history.formSubmissions) {
    append(node, h('div', { class: 'panel panel-default grv-submission' },
      h('div', { class: 'panel-heading' }, h('strong', null, s.taskName || 'Start form'), ' · ',
        s.submittedBy || 'unknown', ' · ', when(s.submittedAt, z)),
      h('div', { class: 'panel-body' }, h('dl', { class: 'dl-horizontal grv-details' },
        Object.entries(s.values || {}).map(([k, v]) => [h('dt', null, k), h('dd', null, value(v))])))));
  }
}

function decisionsTab(node, history) {
  const z = history.zone;
  if (!history.decisions.length) {
    append(node, notice('info', 'No decisions were recorded.'));
    return;
  }
  const activities = {};
  history.activities.forEach((a) => { activities[a.id] = a.name || a.activityId; });
  for (const d of history.decisions) {
    append(node, h('div', { class: 'panel panel-default grv-decision', 'data-decision-key': d.decisionKey },
      h('div', { class: 'panel-heading' }, h('strong', null, d.decisionName || d.decisionKey), ' · ',
        activities[d.activityInstanceId] || d.activityId || '', ' · ', when(d.evaluatedAt, z)),
      h('div', { class: 'panel-body grv-decision-body' },
        h('div', null, h('h4', null, 'Inputs'),
          table(['Input', 'Value'], d.inputs.map((i) => [i.name || i.clauseId, value(i.value)]))),
        h('div', null, h('h4', null, 'Outputs'),
          table(['Output', 'Value', 'Rule'], d.outputs.map((o) => [o.name || o.variable, value(o.value),
            o.ruleId || '']))))));
  }
}

function incidentsTab(node, history) {
  const z = history.zone;
  if (!history.incidents.length) {
    append(node, notice('info', 'No incidents.'));
    return;
  }
  append(node, table(['Type', 'Message', 'Activity', 'Created', 'Ended', 'State'],
    history.incidents.map((i) => [i.type, i.message || '', i.activityId || '', when(i.createdAt, z),
      when(i.endedAt, z), i.state])));
}

function operationsTab(node, history) {
  const z = history.zone;
  append(node, table(['When', 'Who', 'Operation', 'Entity', 'Property', 'From', 'To'],
    history.operations.map((o) => [when(o.at, z), o.userId || '', o.operationType, o.entityType || '',
      o.property || '', o.orgValue || '', o.newValue || '']),
  { class: 'table table-bordered table-hover grv-table grv-operations' }));
}

export function renderCase(node, api) {
  ensureStyles();
  const { caseNumber, tab } = caseFromHash(window.location.hash);
  const viewers = [];
  const body = h('div', { class: 'grv-case-body' }, notice('info', 'Reading the history…'));
  const view = h('section', { class: 'grv-view grv-case-view' },
    h('p', null, h('a', { href: '#/grievances', class: 'grv-back' }, '‹ Grievances')),
    h('h1', { class: 'grv-title' }, 'Case ', h('span', { class: 'grv-case-number' }, caseNumber || '')),
    body);
  append(clear(node), view);
  if (!caseNumber) {
    append(clear(body), notice('warning', 'No case number in the address.'));
    return () => {};
  }
  getJson(api, '/audit/cases/' + encode(caseNumber) + '/history')
    .then((history) => {
      const panes = {};
      const nav = h('ul', { class: 'nav nav-tabs grv-tabs', role: 'tablist' });
      const content = h('div', { class: 'grv-tab-content' });
      const filled = {};
      const select = (id) => {
        for (const [key, pane] of Object.entries(panes)) {
          pane.hidden = key !== id;
        }
        for (const li of nav.children) {
          li.classList.toggle('active', li.getAttribute('data-tab') === id);
        }
        if (!filled[id]) {
          filled[id] = true;
          const pane = panes[id];
          ({
            diagram: () => diagramTab(pane, api, history, viewers),
            activities: () => activitiesTab(pane, history),
            tasks: () => tasksTab(pane, history),
            forms: () => formsTab(pane, history),
            decisions: () => decisionsTab(pane, history),
            incidents: () => incidentsTab(pane, history),
            operations: () => operationsTab(pane, history),
            timeline: () => renderTimeline(pane, api, caseNumber)
          })[id]();
        }
      };
      for (const [id, label] of TABS) {
        panes[id] = h('div', { class: 'grv-pane', 'data-pane': id, role: 'tabpanel', hidden: true });
        append(content, panes[id]);
        append(nav, h('li', { 'data-tab': id, role: 'presentation' },
          h('a', { href: '', role: 'tab', class: 'grv-tab-' + id, onclick: (e) => { e.preventDefault(); select(id); } },
            label)));
      }
      append(clear(body), nav, content);
      select(TABS.some(([id]) => id === tab) ? tab : 'diagram');
    })
    .catch((error) => append(clear(body), notice('danger',
      error instanceof ApiError ? error.message : 'The history could not be read.')));
  return () => viewers.forEach((v) => v.destroy());
}
