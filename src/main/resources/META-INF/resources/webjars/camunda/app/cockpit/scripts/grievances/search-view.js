/*
 * The Grievances view (#/grievances): the search form with every filter of GET /api/audit/cases and one page of
 * results, newest receipt first. The filters live in the address (#/grievances?status=CLOSED&page=1), so the
 * browser's back button and a bookmark return to the same list.
 */
import { ApiError, encode, getJson } from './api.js';
import { append, clear, ensureStyles, h, notice, table } from './dom.js';
import { asGiven } from './format.js';
import { readinessForm } from './readiness.js';

const FILTERS = ['caseNumber', 'patientName', 'receivedFrom', 'receivedTo', 'regime', 'classification', 'status',
  'late', 'hcatCategory', 'department', 'page', 'size'];
const REGIMES = ['HOSPITAL_COP', 'MEDICARE_ADVANTAGE', 'PART_D', 'MEDICAID', 'CHIP'];
// suggestions only: the models (code-issue form, routing table) decide the values, the field takes any
const HCAT = ['QUALITY', 'SAFETY', 'ENVIRONMENT', 'INSTITUTIONAL_PROCESSES', 'LISTENING', 'COMMUNICATION',
  'RESPECT_AND_RIGHTS'];
const DEPARTMENTS = ['nursing', 'medical-staff', 'patient-financial-services', 'patient-relations',
  'risk-management', 'support-services'];

/** The filters in the address after "#/grievances?". */
export function filtersFromHash(hash) {
  const query = hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const filters = {};
  for (const name of FILTERS) {
    const v = params.get(name);
    if (v !== null && v !== '') {
      filters[name] = v;
    }
  }
  return filters;
}

function query(filters) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    if (filters[name] !== undefined && filters[name] !== '') {
      params.set(name, filters[name]);
    }
  }
  return params.toString();
}

function go(filters) {
  const q = query(filters);
  window.location.hash = '#/grievances' + (q ? '?' + q : '');
}

function field(label, control) {
  return h('div', { class: 'form-group grv-field' }, h('label', { for: control.id }, label), control);
}

function input(name, filters, attributes) {
  return h('input', Object.assign({ id: 'grv-' + name, name, class: 'form-control', value: filters[name] || '' },
    attributes));
}

function select(name, filters, options) {
  return h('select', { id: 'grv-' + name, name, class: 'form-control' },
    options.map(([value, text]) => {
      const option = h('option', { value }, text);
      option.selected = (filters[name] || '') === value;
      return option;
    }));
}

function form(filters) {
  const f = h('form', { class: 'grv-search-form', 'aria-label': 'Search grievances' },
    h('div', { class: 'grv-fields' },
      field('Case number', input('caseNumber', filters, { placeholder: 'GRV-2026-000123 or its beginning', maxlength: 20 })),
      field('Patient name', input('patientName', filters, { placeholder: 'part of the name', maxlength: 200 })),
      field('Received from', input('receivedFrom', filters, { type: 'date' })),
      field('Received to', input('receivedTo', filters, { type: 'date' })),
      field('Regime', select('regime', filters, [['', 'any'], ...REGIMES.map((r) => [r, r])])),
      field('Classification', select('classification', filters,
        [['', 'any'], ['GRIEVANCE', 'Grievance'], ['COMPLAINT', 'Complaint']])),
      field('Status', select('status', filters, [['', 'any'], ['OPEN', 'Open'], ['CLOSED', 'Closed']])),
      field('Late', select('late', filters, [['', 'any'], ['true', 'late'], ['false', 'on time']])),
      field('HCAT category', input('hcatCategory', filters, { list: 'grv-hcat-list', maxlength: 40 })),
      field('Department', input('department', filters, { list: 'grv-department-list', maxlength: 60 })),
      field('Per page', select('size', filters, [['', '25'], ['50', '50'], ['100', '100']]))),
    h('datalist', { id: 'grv-hcat-list' }, HCAT.map((c) => h('option', { value: c }))),
    h('datalist', { id: 'grv-department-list' }, DEPARTMENTS.map((d) => h('option', { value: d }))),
    h('div', { class: 'grv-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary grv-search' }, 'Search'),
      ' ',
      h('button', { type: 'button', class: 'btn btn-default', onclick: () => go({}) }, 'Clear')));
  f.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = {};
    for (const name of FILTERS) {
      const control = f.elements.namedItem(name);
      if (control && control.value.trim() !== '') {
        next[name] = control.value.trim();
      }
    }
    go(next);
  });
  return f;
}

/**
 * How many match: the number, or, when the search stopped counting at its cap (totalCapped), "more than" the cap,
 * which is the auditor's cue to narrow the filters; the pages go on while they are full.
 */
function countText(page) {
  if (page.totalCapped) {
    return `more than ${page.total.toLocaleString('en-US')} cases — narrow the filters`;
  }
  return `${page.total} case${page.total === 1 ? '' : 's'}`;
}

function results(page, filters) {
  const size = page.size;
  const pages = Math.max(1, Math.ceil(page.total / size));
  const hasOlder = page.totalCapped ? page.cases.length === size : page.page + 1 < pages;
  const rows = page.cases.map((c) => [
    h('a', { href: '#/grievances/' + encode(c.caseNumber), class: 'grv-case-link' }, c.caseNumber),
    c.patientName,
    asGiven(c.receivedAt),
    (c.regimes || []).join(', '),
    c.classification || '',
    c.status,
    c.late ? h('span', { class: 'label label-danger' }, 'late') : 'on time',
    c.hcatCategory || '',
    c.department || '',
    asGiven(c.responseDueAt),
    asGiven(c.closedAt)
  ]);
  const pager = h('div', { class: 'grv-pager' },
    h('button', {
      type: 'button', class: 'btn btn-default', disabled: page.page <= 0,
      onclick: () => go(Object.assign({}, filters, { page: String(page.page - 1) }))
    }, '‹ Newer'),
    h('span', { class: 'grv-page-info' + (page.totalCapped ? ' grv-total-capped' : '') },
      page.totalCapped ? `Page ${page.page + 1} · ${countText(page)}`
        : `Page ${page.page + 1} of ${pages} · ${countText(page)}`),
    h('button', {
      type: 'button', class: 'btn btn-default', disabled: !hasOlder,
      onclick: () => go(Object.assign({}, filters, { page: String(page.page + 1) }))
    }, 'Older ›'));
  if (!rows.length) {
    return h('div', null, notice('info', page.page > 0 ? 'No more cases: this page lies past the end of the list.'
      : 'No case matches these filters.'), pager);
  }
  return h('div', null,
    table(['Case', 'Patient', 'Received', 'Regimes', 'Classification', 'Status', 'Late', 'HCAT category',
      'Department', 'Response due', 'Closed'], rows, { class: 'table table-bordered table-hover grv-table grv-results' }),
    pager);
}

export function renderSearch(node, api) {
  ensureStyles();
  const filters = filtersFromHash(window.location.hash);
  const status = h('div', { class: 'grv-status' }, notice('info', 'Searching…'));
  const view = h('section', { class: 'grv-view grv-search-view' },
    h('h1', { class: 'grv-title' }, 'Grievances'),
    h('p', { class: 'grv-lead' }, 'Open and closed cases from the case record, newest receipt first. '
      + 'Every search is recorded in the PHI access log.'),
    form(filters),
    status,
    readinessForm(null));
  append(clear(node), view);
  getJson(api, '/audit/cases?' + query(filters))
    .then((page) => append(clear(status), results(page, filters)))
    .catch((error) => append(clear(status), notice('danger',
      error instanceof ApiError ? error.message : 'The search could not be answered.')));
}
