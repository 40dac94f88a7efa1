/*
 * The director's trends dashboard (#/director): the filters of GET /api/director/trends (period in months,
 * facility or plan, department; kept in the address so a bookmark returns to the same view), every chart of the
 * answer as a chart, a table and a CSV link, the month's denominator entry (PUT /api/director/denominators/{month})
 * and the survey-readiness pack. Only the director's: everyone else sees a notice and no request is refused.
 */
import { ApiError, encode, getJson, send } from './api.js';
import { isDirector, NOT_THE_DIRECTOR } from './access.js';
import { chartCard } from './charts.js';
import { append, clear, ensureStyles, h, notice, table } from './dom.js';
import { readinessForm } from './readiness.js';

const FILTERS = ['from', 'to', 'facility', 'department'];
const KINDS = { PATIENT_DAYS: 'patient days', MEMBERS: 'members' };

export function filtersFromHash(hash) {
  const params = new URLSearchParams(hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : '');
  const filters = {};
  for (const name of FILTERS) {
    const v = params.get(name);
    if (v) {
      filters[name] = v;
    }
  }
  return filters;
}

export function query(filters) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    if (filters[name]) {
      params.set(name, filters[name]);
    }
  }
  return params.toString();
}

function field(label, control) {
  return h('div', { class: 'form-group grv-field' }, h('label', { for: control.id }, label), control);
}

function choice(id, name, current, options) {
  return h('select', { id, name, class: 'form-control' }, options.map(([value, text]) => {
    const option = h('option', { value }, text);
    option.selected = (current || '') === value;
    return option;
  }));
}

function filterForm(choices, filters) {
  const f = h('form', { class: 'grv-director-filters', 'aria-label': 'Trend filters' },
    h('div', { class: 'grv-fields' },
      field('From month', h('input', { id: 'grv-from', name: 'from', type: 'month', class: 'form-control',
        value: filters.from || choices.defaultFrom })),
      field('To month', h('input', { id: 'grv-to', name: 'to', type: 'month', class: 'form-control',
        value: filters.to || choices.defaultTo })),
      field('Facility or plan', choice('grv-facility', 'facility', filters.facility,
        [['', 'all'], ...choices.facilities.map((x) => [x.name, x.owner === 'PLAN' ? x.name + ' (plan)' : x.name])])),
      field('Department', choice('grv-department', 'department', filters.department,
        [['', 'all'], ...choices.departments.map((d) => [d, d])]))),
    h('div', { class: 'grv-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary grv-apply' }, 'Show'), ' ',
      h('a', { href: '#/director', class: 'btn btn-default' }, 'Last 12 months'), ' ',
      h('a', { href: '#/director/what-if', class: 'btn btn-default grv-whatif-link' }, 'What-if for a changed table')));
  f.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = {};
    for (const name of FILTERS) {
      const control = f.elements.namedItem(name);
      if (control && control.value) {
        next[name] = control.value;
      }
    }
    const q = query(next);
    window.location.hash = '#/director' + (q ? '?' + q : '');
  });
  return f;
}

function denominatorForm(api, choices, period, onSaved) {
  const status = h('div', { class: 'grv-denominator-status' });
  const facility = choice('grv-den-facility', 'facility', '', choices.facilities.map((x) => [x.name,
    `${x.name} (${x.owner === 'PLAN' ? 'members' : 'patient days'})`]));
  const month = h('input', { id: 'grv-den-month', name: 'month', type: 'month', class: 'form-control', required: true,
    value: period.to });
  const value = h('input', { id: 'grv-den-value', name: 'value', type: 'number', min: 1, step: 1, class: 'form-control',
    required: true });
  const list = h('div', { class: 'grv-denominator-list' });
  const showList = () => getJson(api, '/director/denominators?' + query({ from: period.from, to: period.to }))
    .then((rows) => append(clear(list), rows.length
      ? table(['Month', 'Facility or plan', 'Kind', 'Value', 'Entered by', 'Entered at'], rows.map((r) => [r.month,
        r.facility, KINDS[r.kind] || r.kind, Number(r.value).toLocaleString('en-US'), r.enteredBy || '',
        r.enteredAt || '']), { class: 'table table-bordered table-condensed grv-table grv-denominators' })
      : h('p', { class: 'grv-small' }, 'No denominator entered for this period yet: the rates stay empty.')))
    .catch((error) => append(clear(list), notice('warning', error.message)));
  const f = h('form', { class: 'grv-denominator-form', 'aria-label': 'Denominator for a month' },
    h('div', { class: 'grv-fields' }, field('Month', month), field('Facility or plan', facility),
      field('Patient days or members', value)),
    h('div', { class: 'grv-actions' }, h('button', { type: 'submit', class: 'btn btn-default grv-den-save' }, 'Save')),
    status);
  f.addEventListener('submit', (event) => {
    event.preventDefault();
    const n = Number(value.value);
    if (!month.value || !Number.isInteger(n) || n < 1) {
      append(clear(status), notice('warning', 'Give the month and a whole number of at least 1.'));
      return;
    }
    send(api, 'PUT', '/director/denominators/' + encode(month.value), 'application/json',
      JSON.stringify({ facility: facility.value, value: n }))
      .then((row) => {
        append(clear(status), notice('success', `Saved: ${Number(row.value).toLocaleString('en-US')} `
          + `${KINDS[row.kind] || row.kind} for ${row.month} at ${row.facility}.`));
        showList();
        onSaved();
      })
      .catch((error) => append(clear(status), notice('danger',
        error instanceof ApiError ? error.message : 'The denominator could not be saved.')));
  });
  showList();
  return h('section', { class: 'grv-denominator' },
    h('h2', { class: 'grv-subtitle' }, 'Denominators'),
    h('p', { class: 'grv-lead' }, 'The rate per 1,000 needs each month\'s patient days (a hospital) or members '
      + '(the plan). A new value for the same month and facility replaces the earlier one.'),
    f, list);
}

/** Renders the dashboard; returns the function that disposes of its charts when the view goes. */
export function renderDirector(node, api) {
  ensureStyles();
  const charts = [];
  const dispose = () => {
    charts.splice(0).forEach((c) => c.dispose());
    window.removeEventListener('resize', resize);
  };
  function resize() {
    charts.forEach((c) => c.resize());
  }
  const filters = filtersFromHash(window.location.hash);
  const body = h('div', { class: 'grv-director-body' }, notice('info', 'Reading the trends…'));
  append(clear(node), h('section', { class: 'grv-view grv-director-view' },
    h('h1', { class: 'grv-title' }, 'Trends'),
    h('p', { class: 'grv-lead' }, 'Grievances by month, route, HCAT category, severity, department and channel, '
      + 'timeliness and response times, from the case record. Each chart has its table and a CSV with these filters.'),
    body));
  isDirector(api)
    .then((director) => {
      if (!director) {
        append(clear(body), notice('info', NOT_THE_DIRECTOR));
        return null;
      }
      return getJson(api, '/director/trends/filters').then((choices) => {
        const grid = h('div', { class: 'grv-chart-grid' }, notice('info', 'Reading the trends…'));
        const period = { from: filters.from || choices.defaultFrom, to: filters.to || choices.defaultTo };
        const load = () => getJson(api, '/director/trends?' + query(filters))
          .then((trends) => {
            dispose();
            clear(grid);
            const q = query(Object.assign({}, filters, { from: trends.from, to: trends.to }));
            const cards = trends.charts.map((chart) => chartCard(chart, q));
            append(grid, cards.map((c) => c.card));
            grid.setAttribute('data-charts', String(cards.length));
            return Promise.all(cards.map((c) => c.draw())).then((drawn) => {
              drawn.filter(Boolean).forEach((c) => charts.push(c));
              window.addEventListener('resize', resize);
              grid.setAttribute('data-drawn', 'true');
            });
          })
          .catch((error) => append(clear(grid), notice('danger',
            error instanceof ApiError ? error.message : 'The trends could not be drawn.')));
        append(clear(body), filterForm(choices, filters), grid,
          denominatorForm(api, choices, period, load),
          readinessForm(choices.facilities.map((x) => x.name), { from: period.from + '-01', to: lastDay(period.to) }));
        return load();
      });
    })
    .catch((error) => append(clear(body), notice('danger',
      error instanceof ApiError ? error.message : 'The trends could not be read.')));
  return dispose;
}

function lastDay(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
