/**
 * What-if before deploy: a director's changed decision table (deadline policy, classification or routing) is
 * evaluated beside the deployed one for every open case, and the cases whose answer would change are listed.
 * Nothing is deployed and no case or engine variable is written; only the run itself is recorded
 * ({@code what_if_run}).
 */
package org.opengrievance.whatif;
