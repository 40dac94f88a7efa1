/*
 * What-if before deploying (#/director/what-if): the director picks a changed decision table (.dmn, as Modeler
 * saves it), the file goes as the raw body of POST /api/what-if (application/xml, with the session's CSRF token),
 * and the answer is shown: the decision, the deployed version it was compared with, the open cases checked and
 * moved, and one row per answer that would change. Nothing is deployed and no case changes.
 */
import { ApiError, encode, send } from './api.js';
import { isDirector, NOT_THE_DIRECTOR } from './access.js';
import { append, clear, ensureStyles, h, notice, table } from './dom.js';

const WHAT = {
  dueAt: 'Deadline',
  department: 'Department',
  suggestedClassification: 'Suggested classification'
};

function answerView(answer) {
  const summary = h('dl', { class: 'dl-horizontal grv-details grv-whatif-summary' },
    h('dt', null, 'Decision'), h('dd', { 'data-field': 'decisionId' }, answer.decisionId),
    h('dt', null, 'Compared with'), h('dd', { 'data-field': 'evaluatedVersion' }, `deployed version ${answer.evaluatedVersion}`),
    h('dt', null, 'Open cases checked'), h('dd', { 'data-field': 'casesChecked' }, String(answer.casesChecked)),
    h('dt', null, 'Cases moved'), h('dd', { 'data-field': 'casesMoved' }, String(answer.casesMoved)));
  const moves = answer.moves.length
    ? table(['Case', 'What', 'Regime', 'Deployed table', 'Your file'], answer.moves.map((m) => [
      h('a', { href: '#/grievances/' + encode(m.caseNumber), class: 'grv-case-link' }, m.caseNumber),
      WHAT[m.what] || m.what, m.regime || '', m.oldValue === null || m.oldValue === undefined ? '(none)' : m.oldValue,
      m.newValue === null || m.newValue === undefined ? '(none)' : m.newValue]),
    { class: 'table table-bordered table-hover grv-table grv-whatif-moves' })
    : notice('info', 'No open case would get another answer from your file.');
  return h('div', { class: 'grv-whatif-answer' }, summary, moves);
}

export function renderWhatIf(node, api) {
  ensureStyles();
  const body = h('div', { class: 'grv-whatif-body' }, notice('info', 'One moment…'));
  append(clear(node), h('section', { class: 'grv-view grv-whatif-view' },
    h('p', null, h('a', { href: '#/director', class: 'grv-back' }, '‹ Trends')),
    h('h1', { class: 'grv-title' }, 'What-if before you deploy'),
    h('p', { class: 'grv-lead' }, 'Choose a changed deadline-policy.dmn, classification.dmn or routing.dmn: the engine '
      + 'evaluates it and the deployed version for every open case and lists the answers that would change. Nothing '
      + 'is deployed and no case changes; the run is recorded.'),
    body));
  isDirector(api)
    .then((director) => {
      if (!director) {
        append(clear(body), notice('info', NOT_THE_DIRECTOR));
        return;
      }
      const file = h('input', { id: 'grv-whatif-file', type: 'file', accept: '.dmn,application/xml,text/xml',
        class: 'form-control' });
      const run = h('button', { type: 'submit', class: 'btn btn-primary grv-whatif-run' }, 'Compare with the deployed table');
      const result = h('div', { class: 'grv-whatif-result' });
      const form = h('form', { class: 'grv-whatif-form', 'aria-label': 'What-if for a changed decision table' },
        h('div', { class: 'form-group' }, h('label', { for: 'grv-whatif-file' }, 'Changed decision table (.dmn)'), file),
        h('div', { class: 'grv-actions' }, run));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = file.files && file.files[0];
        if (!chosen) {
          append(clear(result), notice('warning', 'Choose the .dmn file first.'));
          return;
        }
        run.disabled = true;
        append(clear(result), notice('info', 'Comparing…'));
        chosen.text()
          .then((xml) => send(api, 'POST', '/what-if', 'application/xml', xml))
          .then((answer) => append(clear(result), answerView(answer)))
          .catch((error) => append(clear(result), notice('danger',
            error instanceof ApiError ? error.message : 'The file could not be compared.')))
          .finally(() => { run.disabled = false; });
      });
      append(clear(body), form, result);
    })
    .catch((error) => append(clear(body), notice('danger',
      error instanceof ApiError ? error.message : 'The page could not be opened.')));
}
