/*
 * Whether the person signed in to Cockpit is the patient relations director, asked before the director's
 * views call /api/director/** or /api/what-if: auditors also use Cockpit, and a refused request would be an
 * error in their browser console where a plain notice is what they should see. The webapps' own API names the
 * user and the engine lists the groups the user may see (members see their own groups under the engine's
 * default authorizations). Where the user store shows no groups, the director's API itself is asked once and
 * its 403 taken as "not the director".
 */
import { ApiError, getEngine, getJson } from './api.js';

export const DIRECTOR_GROUP = 'pr-director';

/** Resolves to true (the director), false (someone else) — never rejects for a refusal. */
export async function isDirector(api) {
  try {
    const user = await (await fetch(api.adminApi + '/auth/user/' + encodeURIComponent(api.engine),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })).json();
    const groups = await getEngine(api, '/group?member=' + encodeURIComponent(user.userId));
    if (groups.some((g) => g.id === DIRECTOR_GROUP)) {
      return true;
    }
    if (groups.length) {
      return false;
    }
  } catch (e) {
    // no answer from the webapps' API: the director's API below decides
  }
  try {
    await getJson(api, '/director/trends/filters');
    return true;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      return false;
    }
    throw error;
  }
}

/** The notice for everyone but the director. */
export const NOT_THE_DIRECTOR = 'This page is the patient relations director\'s. Auditors find the cases, their '
  + 'timelines and the survey-readiness pack in the Grievances view.';
