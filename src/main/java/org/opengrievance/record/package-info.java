/**
 * The read model's writers: the regulatory facts of each case as columns of {@code grievance_case} (regimes,
 * department, HCAT coding, expedited, extended, late, acknowledgement, resolution, responses, withdrawal) and
 * the timeline events that have no trail of their own (table {@code case_event}). Written in the transaction of
 * the engine's change, from what the engine and the other features announce: the Camunda starter's task and
 * execution events, {@code clock.ClockChanged}, {@code notice.NotificationRecorded}. Nothing here changes a
 * process; nothing outside this package writes these columns. See docs/read-model.md.
 */
package org.opengrievance.record;
