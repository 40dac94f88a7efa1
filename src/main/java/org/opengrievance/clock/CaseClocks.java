package org.opengrievance.clock;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Service;

/**
 * The clocks of a case as the other features see them: opened at intake, read by the case view, notices and
 * closure, changed by an extension or an expedite. Bean name {@code caseClocks}: the main process asks it which
 * clocks to run. The work is done in this package's classes, each about one thing: {@link ClockOpener},
 * {@link ClockRequests}, {@link CaseDueDates}, {@link ClockSteps} (the clock processes' steps),
 * {@link ClockDisplay}.
 */
@Service("caseClocks")
public class CaseClocks {

    private final CaseClockRepository clocks;
    private final ClockOpener opener;
    private final ClockRequests requests;
    private final CaseDueDates dueDates;

    CaseClocks(CaseClockRepository clocks, ClockOpener opener, ClockRequests requests, CaseDueDates dueDates) {
        this.clocks = clocks;
        this.opener = opener;
        this.requests = requests;
        this.dueDates = dueDates;
    }

    /** The clocks a new case opens, one per regime (not stored yet: the case row must exist first). */
    public List<ClockState> compute(ClockOpening in) {
        return opener.compute(in);
    }

    /** Stores the clocks of a new case, with an OPENED event naming the rule and the decision version. */
    public void save(String caseNumber, List<ClockState> opened) {
        opener.save(caseNumber, opened);
    }

    /** The regimes whose clocks the case runs: the collection of the main process's multi-instance call. */
    public List<String> regimesOf(String caseNumber) {
        return clocks.findAll(caseNumber).stream().map(c -> c.regime().name()).toList();
    }

    public List<ClockState> of(String caseNumber) {
        return clocks.findAll(caseNumber);
    }

    /** The earliest binding deadline of the case's clocks that still run: the due date of its tasks. */
    public static Optional<Instant> governing(List<ClockState> all) {
        return CaseDueDates.governing(all);
    }

    /** The reminder instant of the governing clock: the follow-up date of the case's tasks. */
    public Optional<Instant> followUp(List<ClockState> all) {
        return dueDates.followUp(all);
    }

    public ClockState extend(String caseNumber, Regime regime, Requester requester, int days, String reason,
            String informationNeeded, String enrolleeInterest, String actor) {
        return requests.extend(caseNumber, regime, requester, days, reason, informationNeeded, enrolleeInterest,
                actor);
    }

    public ClockState expedite(String caseNumber, Regime regime, ExpediteTrigger trigger, Boolean drugReceived,
            String actor) {
        return requests.expedite(caseNumber, regime, trigger, drugReceived, actor);
    }

    /** A deadline as forms and letters show it, in the zone that governs it. */
    public static String display(Instant instant, ZoneId zone) {
        return ClockDisplay.display(instant, zone);
    }
}
