package org.opengrievance.duplicates;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The possible duplicates of a new contact among open cases (E7): the same patient, received within the window,
 * under exactly the same regimes (never across regimes: a hospital grievance and the plan's grievance about the
 * same event are separate cases with separate owners and clocks), and complaint texts at least as alike as the
 * threshold. Most alike first, at most the configured number.
 */
@Component
class DuplicateFinder {

    private final DuplicateRepository repository;
    private final DuplicateProperties rules;
    private final JdbcClient jdbc;

    DuplicateFinder(DuplicateRepository repository, DuplicateProperties rules, JdbcClient jdbc) {
        this.repository = repository;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    List<DuplicateCandidate> find(String caseNumber) {
        DuplicateRepository.Contact contact = repository.contact(caseNumber).orElseThrow();
        Set<String> regimes = clockRegimes(caseNumber);
        Duration window = Duration.ofDays(rules.windowDays());
        return repository.openCasesOfPatient(contact, contact.receivedAt().minus(window), contact.receivedAt().plus(window))
                .stream()
                .filter(open -> regimes.equals(split(open.regimes())))
                .map(open -> new DuplicateCandidate(open.caseNumber(), open.receivedAt(),
                        DuplicateCandidate.excerpt(open.complaintText()),
                        TextSimilarity.jaccard(contact.complaintText(), open.complaintText())))
                .filter(d -> d.similarity() >= rules.similarityThreshold())
                .sorted(Comparator.comparingDouble(DuplicateCandidate::similarity).reversed()
                        .thenComparing(DuplicateCandidate::caseNumber))
                .limit(rules.maxCandidates())
                .toList();
    }

    /** The regimes of the contact's clocks, as registerCase opened them. */
    private Set<String> clockRegimes(String caseNumber) {
        return new TreeSet<>(jdbc.sql("SELECT regime FROM case_clock WHERE case_number = ?").param(caseNumber)
                .query(String.class).list());
    }

    /** The read model's {@code regimes} column: the case's regimes, comma-separated. */
    static Set<String> split(String regimes) {
        if (regimes == null || regimes.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(regimes.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
