package org.opengrievance.readiness;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opengrievance.access.PhiAccessLog;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterStatus;
import org.opengrievance.letter.LetterSummary;
import org.opengrievance.letter.StoredLetterCheck;
import org.springframework.stereotype.Component;

/**
 * {@code letters/}: every letter SENT for the pack's cases, the stored PDF as approved (only when it still
 * matches its SHA-256), and {@code letters/letter-checks.csv} with each letter's facts and its check
 * (letter.StoredLetterCheck). Each letter that leaves is recorded in the PHI access log against its case.
 */
@Component
class SentLetters {

    static final String FOLDER = "letters/";
    static final String CHECKS = FOLDER + "letter-checks.csv";
    static final List<String> HEADERS = List.of("Letter", "Case number", "Kind", "Regime", "Language",
            "Template version", "Approved by", "Approved at", "Sent at", "Channel", "SHA-256", "Hash verified",
            "Required-element check", "Required elements (checked at approval)", "Problems", "File");
    static final String PASSED = "PASSED";
    static final String FAILED = "FAILED";

    private final LetterService letters;
    private final StoredLetterCheck check;
    private final PhiAccessLog accessLog;

    SentLetters(LetterService letters, StoredLetterCheck check, PhiAccessLog accessLog) {
        this.letters = letters;
        this.check = check;
        this.accessLog = accessLog;
    }

    record Part(Map<String, byte[]> files, int sent, int failed) {
    }

    Part of(List<String> caseNumbers, ZoneId zone) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Csv csv = new Csv(HEADERS);
        int sent = 0;
        int failed = 0;
        for (String caseNumber : caseNumbers) {
            for (LetterSummary letter : letters.list(caseNumber)) {
                if (letter.status() != LetterStatus.SENT) {
                    continue;
                }
                sent++;
                StoredLetterCheck.Result r = check.check(letter);
                String file = "";
                if (r.pdf() != null) {
                    file = FOLDER + caseNumber + "-" + letter.kind().templateName() + "-" + letter.id() + ".pdf";
                    files.put(file, r.pdf());
                    accessLog.caseRead(caseNumber, PhiAccessLog.LETTER, "letter=" + letter.id() + ";readiness-pack");
                }
                if (!r.passed()) {
                    failed++;
                }
                csv.row(row(letter, r, file, zone));
            }
        }
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(CHECKS, csv.bytes());
        all.putAll(files);
        return new Part(all, sent, failed);
    }

    private static List<String> row(LetterSummary l, StoredLetterCheck.Result r, String file, ZoneId zone) {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(l.id()));
        cells.add(l.caseNumber());
        cells.add(l.kind().name());
        cells.add(l.regime());
        cells.add(l.language());
        cells.add(l.templateVersion());
        cells.add(l.approvedBy());
        cells.add(l.approvedAt() == null ? "" : LateCases.local(l.approvedAt().toInstant(), zone));
        cells.add(l.sentAt() == null ? "" : LateCases.local(l.sentAt().toInstant(), zone));
        cells.add(l.channel() == null ? "" : l.channel().name());
        cells.add(l.sha256());
        cells.add(r.hashVerified() ? "yes" : "no");
        cells.add(r.passed() ? PASSED : FAILED);
        cells.add(String.join("; ", r.requiredElements()));
        cells.add(String.join("; ", r.problems()));
        cells.add(file);
        return cells;
    }
}
