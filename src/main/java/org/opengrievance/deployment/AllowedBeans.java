package org.opengrievance.deployment;

import java.util.Map;
import java.util.Set;

/**
 * The one list of Spring beans that models may name in expressions, with the methods an expression may call
 * on each. The deployment guard checks models against it, and the engine resolves only these beans
 * ({@link ExpressionBeansConfiguration}); every other bean of the application is invisible to expressions.
 *
 * <p>To add a bean: give it a name ({@code @Component("name")} or a {@code @Bean} method), add it here with
 * the methods models may call (none for a delegate or listener named as {@code ${name}}), and say what it
 * does in docs/model-contract.md. {@code AllowedBeansTests} fails when a listed bean does not exist.
 */
public final class AllowedBeans {

    /** bean name → methods an expression may call on it (empty: the bean may only be named, as a delegate). */
    public static final Map<String, Set<String>> METHODS = Map.ofEntries(
            Map.entry("registerCase", Set.of()),
            Map.entry("closeCase", Set.of()),
            Map.entry("classificationReview", Set.of()),
            Map.entry("closureReview", Set.of()),
            Map.entry("recordClassification", Set.of()),
            Map.entry("startClock", Set.of()),
            Map.entry("recomputeClock", Set.of()),
            Map.entry("remindAssignees", Set.of()),
            Map.entry("bindFollowUpDate", Set.of()),
            Map.entry("recordBreach", Set.of()),
            Map.entry("stopClocks", Set.of()),
            Map.entry("openHandOff", Set.of()),
            Map.entry("handOffReview", Set.of()),
            Map.entry("checkAcknowledgement", Set.of()),
            Map.entry("checkInterimNotice", Set.of()),
            Map.entry("checkExtensionNotice", Set.of()),
            Map.entry("checkLetterDraft", Set.of()),
            Map.entry("approveLetter", Set.of()),
            Map.entry("prepareLetter", Set.of()),
            Map.entry("emailLetter", Set.of()),
            Map.entry("recordMailing", Set.of()),
            Map.entry("checkUnsentLetter", Set.of()),
            Map.entry("unsentLetterIncident", Set.of()),
            Map.entry("recordOralNotification", Set.of()),
            Map.entry("changeCase", Set.of()),
            Map.entry("closeReclassifiedCase", Set.of()),
            Map.entry("findPossibleDuplicates", Set.of()),
            Map.entry("checkDuplicateDecision", Set.of()),
            Map.entry("attachToOpenCase", Set.of()),
            Map.entry("caseClocks", Set.of("regimesOf")),
            Map.entry("resolutionLetters", Set.of("ids")),
            Map.entry("dischargeAppeal", Set.of("dueAt")),
            Map.entry("reportSchedule", Set.of("cycle")),
            Map.entry("chooseReportMonth", Set.of()),
            Map.entry("buildMonthlyReport", Set.of()),
            Map.entry("emailMonthlyReport", Set.of()));

    public static final Set<String> NAMES = METHODS.keySet();

    private AllowedBeans() {
    }

    public static boolean contains(String name) {
        return METHODS.containsKey(name);
    }

    public static boolean allowsMethod(String bean, String method) {
        return METHODS.getOrDefault(bean, Set.of()).contains(method);
    }
}
