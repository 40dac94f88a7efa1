/*
 * The grievance engine's Cockpit plugin (listed in ../config.js customScripts): a "Grievances" view in the
 * navigation and on the dashboard (search open and closed cases), a case history view with the regulatory
 * timeline, and a tab on a running instance's page that leads there; for the director, a "Trends" view (the
 * trend charts, denominators, the survey-readiness pack) and the what-if page. Plain ES modules, no build step;
 * the libraries are bpmn-js's viewer and ECharts from their webjars. Auditors and the director use it (Cockpit
 * access and /api/audit/** are theirs only, docs/security.md); it writes only the director's denominators and
 * what-if runs.
 */
import { encode, getEngine } from './api.js';
import { renderCase } from './case-view.js';
import { renderDirector } from './director-view.js';
import { append, clear, ensureStyles, h, notice } from './dom.js';
import { renderSearch } from './search-view.js';
import { renderWhatIf } from './whatif-view.js';

let unmountCase = null;
let unmountDirector = null;

export default [
  {
    id: 'grievances-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    render: (node) => {
      append(clear(node), h('a', { href: '#/grievances', class: 'grv-nav-link' }, 'Grievances'));
    },
    properties: {
      path: '/grievances',
      checkActive: (path) => path.indexOf('#/grievances') >= 0
    }
  },
  {
    id: 'grievances-director-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 49,
    render: (node) => {
      append(clear(node), h('a', { href: '#/director', class: 'grv-nav-director' }, 'Trends'));
    },
    properties: {
      path: '/director',
      checkActive: (path) => path.indexOf('#/director') >= 0
    }
  },
  {
    id: 'grievances-director',
    pluginPoint: 'cockpit.route',
    properties: { path: '/director' },
    render: (node, { api }) => {
      unmountDirector = renderDirector(node, api);
    },
    unmount: () => {
      if (unmountDirector) {
        unmountDirector();
        unmountDirector = null;
      }
    }
  },
  {
    id: 'grievances-what-if',
    pluginPoint: 'cockpit.route',
    properties: { path: '/director/what-if' },
    render: (node, { api }) => renderWhatIf(node, api)
  },
  {
    id: 'grievances-search',
    pluginPoint: 'cockpit.route',
    properties: { path: '/grievances' },
    render: (node, { api }) => renderSearch(node, api)
  },
  {
    id: 'grievances-case',
    pluginPoint: 'cockpit.route',
    properties: { path: '/grievances/:caseNumber' },
    render: (node, { api }) => {
      unmountCase = renderCase(node, api);
    },
    unmount: () => {
      if (unmountCase) {
        unmountCase();
        unmountCase = null;
      }
    }
  },
  {
    id: 'grievances-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => {
      ensureStyles();
      append(clear(node), h('section', { class: 'grv-dashboard' },
        h('h3', { class: 'section-title' }, 'Grievances'),
        h('p', null, 'Search open and closed grievances and read each one\'s history: the path it took, who did '
          + 'what and when, the decisions, and its regulatory timeline.'),
        h('a', { href: '#/grievances', class: 'btn btn-default grv-dashboard-link' }, 'Open the Grievances view'), ' ',
        h('a', { href: '#/director', class: 'btn btn-default grv-dashboard-trends' }, 'Trends (the director\'s)')));
    }
  },
  {
    id: 'grievances-instance-tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 1,
    properties: { label: 'Grievance case' },
    render: (node, { api, processInstanceId }) => {
      ensureStyles();
      append(clear(node), notice('info', 'Finding the case…'));
      getEngine(api, '/process-instance/' + encode(processInstanceId))
        .then((instance) => {
          const caseNumber = instance.businessKey;
          append(clear(node), caseNumber
            ? h('p', { class: 'grv-instance-link' }, 'This instance belongs to case ', h('strong', null, caseNumber),
              '. ', h('a', { href: '#/grievances/' + encode(caseNumber), class: 'btn btn-default grv-open-case' },
                'Open its history and regulatory timeline'))
            : notice('info', 'This instance belongs to no grievance case.'));
        })
        .catch(() => append(clear(node), notice('warning', 'The case of this instance could not be found.')));
    }
  }
];
