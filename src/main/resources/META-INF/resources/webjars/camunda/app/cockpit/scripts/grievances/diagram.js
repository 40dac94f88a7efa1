/*
 * A process definition's BPMN with the path a case took drawn on it: every activity that ran gets the marker
 * "grv-taken" and a badge with how often it ran (the engine records no sequence flows, so the path is the
 * activities). The viewer is bpmn-js's navigated viewer from its webjar, a UMD bundle defining window.BpmnJS.
 */
import { VIEWER_SCRIPT } from './api.js';
import { h } from './dom.js';

let loading = null;

/** Loads the viewer once; a script element added by a trusted script passes the webapps' 'strict-dynamic' CSP. */
export function loadViewer() {
  if (window.BpmnJS) {
    return Promise.resolve(window.BpmnJS);
  }
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      // the bundle registers with an AMD loader when one is present; Cockpit removes its own after start-up
      const amd = window.define;
      if (amd && amd.amd) {
        window.define = undefined;
      }
      const script = document.createElement('script');
      script.src = VIEWER_SCRIPT;
      script.onload = () => {
        if (amd && amd.amd) {
          window.define = amd;
        }
        if (window.BpmnJS) {
          resolve(window.BpmnJS);
        } else {
          reject(new Error('The diagram viewer did not start.'));
        }
      };
      script.onerror = () => {
        loading = null;
        reject(new Error('The diagram viewer could not be loaded.'));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

/**
 * Shows the BPMN in container and marks the activities of counts ({activityId: n}); returns the viewer, which
 * the caller destroys when the view goes.
 */
export async function showDiagram(container, bpmnXml, counts) {
  const BpmnJS = await loadViewer();
  const viewer = new BpmnJS({ container });
  await viewer.importXML(bpmnXml);
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  let marked = 0;
  for (const [activityId, count] of Object.entries(counts || {})) {
    if (!registry.get(activityId)) {
      continue;
    }
    canvas.addMarker(activityId, 'grv-taken');
    overlays.add(activityId, 'grv-count', {
      position: { top: -10, right: 10 },
      html: h('span', { class: 'grv-count-badge', title: `ran ${count} time${count === 1 ? '' : 's'}`,
        'data-activity-id': activityId }, String(count))
    });
    marked += 1;
  }
  canvas.zoom('fit-viewport');
  return { viewer, marked };
}
