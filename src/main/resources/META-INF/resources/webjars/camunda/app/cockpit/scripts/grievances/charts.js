/*
 * One chart of GET /api/director/trends (docs/guide-director.md, "Trends dashboard") as three things: a chart
 * drawn by Apache ECharts (its ES module build from the webjar, loaded once on first use), the same rows as a
 * table, and a link to the chart's CSV with the dashboard's filters. The API's chart is generic: the leading
 * text columns name a bar (joined with " · "), the numeric columns are the series; a few charts get a hint below
 * where a series on the count axis would mislead (a denominator of thousands beside counts of a dozen).
 */
import { API_ROOT, CHARTS_MODULE, encode } from './api.js';
import { h, table } from './dom.js';

let loading = null;

/** The ECharts module, imported once (a module imported by the plugin's modules passes Cockpit's CSP). */
export function loadCharts() {
  if (!loading) {
    loading = import(CHARTS_MODULE).catch((error) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

// per chart: series left out of the drawing (still in the table and the CSV), series drawn as a line on a second axis
const HINTS = {
  byMonth: { hidden: ['denominator'], secondAxis: ['ratePer1000'] },
  responseDays: { hidden: ['cases'] },
  themes: { hidden: ['months'] }
};

function numberText(value) {
  return value === null || value === undefined ? '–' : Number(value).toLocaleString('en-US');
}

function cellText(column, value) {
  if (column.numeric) {
    return numberText(value);
  }
  return value === null || value === undefined ? '' : String(value);
}

/** The leading text columns: together they name the bar. */
function categoryColumns(chart) {
  const leading = [];
  for (const column of chart.columns) {
    if (column.numeric) {
      break;
    }
    leading.push(column);
  }
  return leading.length ? leading : chart.columns.slice(0, 1);
}

export function csvHref(chartId, query) {
  return API_ROOT + '/director/trends/' + encode(chartId) + '.csv' + (query ? '?' + query : '');
}

function option(chart) {
  const hint = HINTS[chart.id] || {};
  const categories = categoryColumns(chart);
  const labels = chart.rows.map((row) => categories.map((c) => cellText(c, row[c.key])).join(' · '));
  const numeric = chart.columns.filter((c) => c.numeric && !(hint.hidden || []).includes(c.key));
  const second = numeric.filter((c) => (hint.secondAxis || []).includes(c.key));
  const series = numeric.map((c) => {
    const onSecond = second.includes(c);
    return {
      name: c.label,
      type: onSecond || chart.type === 'line' ? 'line' : 'bar',
      yAxisIndex: onSecond ? 1 : 0,
      connectNulls: false,
      data: chart.rows.map((row) => (row[c.key] === undefined ? null : row[c.key]))
    };
  });
  const long = labels.some((l) => l.length > 12) || labels.length > 8;
  return {
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: long ? 30 : 0, width: 140, overflow: 'truncate' } },
    yAxis: second.length
      // the rate's own axis on the right, named by the legend (an axis name would not fit above a narrow card)
      ? [{ type: 'value', minInterval: 1 }, { type: 'value', splitLine: { show: false } }]
      : [{ type: 'value', minInterval: 1 }],
    series
  };
}

/**
 * The chart's card: title, the drawing (unless the API says "table"), the table view and the CSV link. Returns
 * the element and a draw function to call once the element is in the page (ECharts measures its container);
 * draw resolves to the chart instance, or null for a table-only chart or one without rows.
 */
export function chartCard(chart, query) {
  const canvas = h('div', { class: 'grv-chart', 'data-chart-canvas': chart.id, role: 'img', 'aria-label': chart.title });
  const drawn = chart.type !== 'table' && chart.rows.length > 0;
  const rows = chart.rows.map((row) => chart.columns.map((c) => cellText(c, row[c.key])));
  const tableView = h('details', { class: 'grv-table-view', open: !drawn },
    h('summary', null, 'Table view'),
    rows.length
      ? table(chart.columns.map((c) => c.label), rows, { class: 'table table-bordered table-condensed grv-table grv-chart-table' })
      : h('p', { class: 'grv-small grv-no-rows' }, 'Nothing to count in this period.'));
  const card = h('section', { class: 'panel panel-default grv-chart-card', 'data-chart-id': chart.id },
    h('div', { class: 'panel-heading grv-chart-heading' },
      h('h3', { class: 'panel-title' }, chart.title),
      h('a', { class: 'grv-csv-link', href: csvHref(chart.id, query), download: chart.id + '.csv' }, 'CSV')),
    h('div', { class: 'panel-body' }, drawn ? canvas : null, tableView));
  const draw = async () => {
    if (!drawn) {
      return null;
    }
    const echarts = await loadCharts();
    const instance = echarts.init(canvas, null, { renderer: 'svg' });
    instance.setOption(option(chart));
    canvas.setAttribute('data-drawn', 'true');
    return instance;
  };
  return { card, draw };
}
