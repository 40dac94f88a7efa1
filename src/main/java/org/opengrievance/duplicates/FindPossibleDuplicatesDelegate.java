package org.opengrievance.duplicates;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.intake.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * Service task {@code findPossibleDuplicates}, right after {@code registerCase} in the start transaction: lists
 * the open cases that may be about the same matter ({@link DuplicateFinder}), keeps the list in the case record
 * (what the intake person was shown) and gives the gateway and the form what they need: whether there is any,
 * the lines to read, and the options of the select. Only the case number, the receipt and the start of each
 * complaint leave the case record.
 */
@Component("findPossibleDuplicates")
class FindPossibleDuplicatesDelegate implements JavaDelegate {

    static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm (zzz)", Locale.US);
    static final DateTimeFormatter RECEIVED_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);

    private final DuplicateFinder finder;
    private final DuplicateRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    FindPossibleDuplicatesDelegate(DuplicateFinder finder, DuplicateRepository repository, ObjectMapper json,
            Clock clock) {
        this.finder = finder;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        Object chosenTrack = execution.getVariable(IntakeVariables.CHOSEN_TRACK);
        if (chosenTrack != null && !chosenTrack.toString().isBlank()) {
            // a case converted, reclassified or split off from another is no new contact: its source is linked
            execution.setVariable(DuplicateVariables.POSSIBLE_DUPLICATES, false);
            return;
        }
        List<DuplicateCandidate> candidates = finder.find(caseNumber);
        execution.setVariable(DuplicateVariables.POSSIBLE_DUPLICATES, !candidates.isEmpty());
        if (candidates.isEmpty()) {
            return;
        }
        repository.list(caseNumber, candidates, clock.instant());
        ZoneId zone = ZoneId.of((String) execution.getVariable(GrievanceProcess.FACILITY_ZONE));
        execution.setVariable(DuplicateVariables.POSSIBLE_DUPLICATES_TEXT, text(candidates, zone));
        execution.setVariable(DuplicateVariables.CANDIDATE_OPTIONS, SpinValues.jsonValue(options(candidates)).create());
    }

    /** One paragraph per candidate: number, receipt, how alike, the start of its complaint. */
    static String text(List<DuplicateCandidate> candidates, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        for (DuplicateCandidate d : candidates) {
            lines.add(d.caseNumber() + ", received " + RECEIVED.format(d.receivedAt().atZoneSameInstant(zone)) + ", "
                    + Math.round(d.similarity() * 100) + "% of the words alike:\n“" + d.excerpt() + "”");
        }
        return String.join("\n\n", lines);
    }

    /** form-js select options ({@code valuesKey}): the case number, with its receipt date to tell them apart. */
    private String options(List<DuplicateCandidate> candidates) {
        List<Map<String, String>> options = new ArrayList<>();
        for (DuplicateCandidate d : candidates) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("label", d.caseNumber() + " (received " + RECEIVED_DATE.format(d.receivedAt()) + ")");
            o.put("value", d.caseNumber());
            options.add(o);
        }
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("duplicate options are not JSON", e);
        }
    }
}
