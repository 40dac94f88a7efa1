/*
 * The survey-readiness pack (GET /api/audit/readiness-pack, a ZIP): a date range and a facility, and a download
 * link that always carries the values shown. Auditors and the director may download it (/api/audit/**); the
 * director's dashboard offers its facilities as a list, the Grievances view takes the name as typed.
 */
import { API_ROOT } from './api.js';
import { h } from './dom.js';

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

export function readinessHref(from, to, facility) {
  const params = new URLSearchParams();
  params.set('from', from);
  params.set('to', to);
  if (facility) {
    params.set('facility', facility);
  }
  return API_ROOT + '/audit/readiness-pack?' + params.toString();
}

/** The form; facilities: names to choose from, or null for a free text field. */
export function readinessForm(facilities, defaults) {
  const today = new Date();
  const yearAgo = new Date(today.getTime() - 365 * 24 * 3600 * 1000);
  const from = h('input', { id: 'grv-pack-from', type: 'date', class: 'form-control', value: (defaults && defaults.from) || isoDate(yearAgo) });
  const to = h('input', { id: 'grv-pack-to', type: 'date', class: 'form-control', value: (defaults && defaults.to) || isoDate(today) });
  const facility = facilities && facilities.length
    ? h('select', { id: 'grv-pack-facility', class: 'form-control' }, facilities.map((f) => h('option', { value: f }, f)))
    : h('input', { id: 'grv-pack-facility', class: 'form-control', maxlength: 200, placeholder: 'as the engine names it' });
  const link = h('a', { class: 'btn btn-default grv-readiness-link', download: 'readiness-pack.zip' }, 'Survey-readiness pack');
  const update = () => link.setAttribute('href', readinessHref(from.value, to.value, facility.value.trim()));
  [from, to, facility].forEach((control) => {
    control.addEventListener('change', update);
    control.addEventListener('input', update);
  });
  update();
  const field = (label, control) => h('div', { class: 'form-group grv-field' }, h('label', { for: control.id }, label), control);
  return h('section', { class: 'grv-readiness', 'aria-label': 'Survey-readiness pack' },
    h('h2', { class: 'grv-subtitle' }, 'Survey-readiness pack'),
    h('p', { class: 'grv-lead' }, 'One ZIP with the records a surveyor asks for, for the cases received from the '
      + 'first to the last day of the range at the facility.'),
    h('div', { class: 'grv-fields' }, field('From', from), field('To', to), field('Facility', facility)),
    h('div', { class: 'grv-actions' }, link));
}
