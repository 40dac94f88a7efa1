/**
 * The survey-readiness pack: for a date range and facility, one ZIP with what a surveyor asks for on day one:
 * the hospital grievance log (export's own layout), every letter sent with its required-element check, the
 * policy settings and the decision tables and processes in force with who deployed them, and the late cases
 * with their breach reviews. Reads our tables, and the engine's public APIs only for deployments and the
 * director's review notes (which only the engine keeps). Every read is recorded in the PHI access log.
 */
package org.opengrievance.readiness;
