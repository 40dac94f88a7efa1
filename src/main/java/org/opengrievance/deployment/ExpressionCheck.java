package org.opengrievance.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.opengrievance.deployment.ExpressionTokenizer.Kind;
import org.opengrievance.deployment.ExpressionTokenizer.Token;

/**
 * Decides whether the expressions in one attribute or element text stay inside what models may reach.
 *
 * <p>Each expression is read as operators and literals around <em>chains</em>: a name, optionally called
 * ({@code now()}), followed by {@code .name} or {@code .name(args)} segments. Arguments are checked the same
 * way. What a chain may start with, and what may follow:
 * <ul>
 * <li>a bean of {@link AllowedBeans}: nothing (a delegate or listener), or one call of a method listed for it;</li>
 * <li>{@code execution} / {@code task}: nothing, or one segment of {@link #CONTEXT_PROPERTIES} or
 *     {@link #CONTEXT_METHODS} ({@code execution.processBusinessKey}, {@code execution.getVariable('x')});</li>
 * <li>{@code authenticatedUserId}: nothing;</li>
 * <li>the built-ins {@code now()} (nothing after it) and {@code dateTime()} (then only {@code plusX(n)},
 *     {@code minusX(n)} and {@code toDate()}); no other function;</li>
 * <li>any other name is a process variable: then property segments only (a DMN result's
 *     {@code classificationResult.suggestedClassification}), never a call, never one of
 *     {@link #RUNTIME_PROPERTIES} ({@code class}...). A name that is an application bean not on the list, or
 *     one of {@link #ENGINE_NAMES}, is refused even though the engine would no longer resolve it.</li>
 * </ul>
 * Brackets, braces, assignment, lambdas, namespaced functions and anything the tokenizer does not know are
 * refused. The check errs on refusing: a refused harmless expression costs a director a question to a
 * developer, an accepted harmful one costs the database.
 */
final class ExpressionCheck {

    static final String DELEGATE = "A delegate or listener expression must name exactly one of the project's delegate beans.";
    static final String BEAN_USE = "The expression uses a project bean other than through the methods allowed for it.";
    static final String METHOD = "The expression calls a method on something that is not one of the project's allowed beans.";
    static final String COMPONENT = "The expression names an application or engine component that models may not use.";
    static final String ENGINE = "The expression reaches into the engine beyond the case's variables and business key.";
    static final String RUNTIME = "The expression reaches into the Java runtime.";
    static final String FUNCTION = "The expression calls a function other than the built-ins now() and dateTime().";
    static final String SYNTAX = "The expression uses syntax the deployment check does not accept (only names, dots, calls, literals and operators).";
    static final String UNTERMINATED = "The expression is not closed.";

    static final Set<String> CONTEXT_PROPERTIES = Set.of("processBusinessKey", "businessKey", "processInstanceId",
            "currentActivityId", "eventName", "id", "name", "assignee", "owner", "taskDefinitionKey", "dueDate",
            "followUpDate", "priority");
    static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal");
    static final Set<String> RUNTIME_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
            "protectionDomain", "processEngine", "processEngineServices", "processEngineConfiguration",
            "applicationContext", "beanFactory");
    /** Engine objects and Spring infrastructure that are not bean definitions but could be reachable names. */
    static final Set<String> ENGINE_NAMES = Set.of("processEngine", "processEngineConfiguration",
            "processEngineConfigurationImpl", "applicationContext", "beanFactory", "environment",
            "systemProperties", "systemEnvironment", "caseExecution", "externalTask", "runtimeService",
            "repositoryService", "taskService", "identityService", "historyService", "managementService",
            "authorizationService", "formService", "filterService", "externalTaskService", "caseService",
            "decisionService", "jdbcTemplate", "dataSource", "S", "XML", "JSON");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or",
            "eq", "ne", "lt", "gt", "le", "ge", "div", "mod");
    private static final Pattern DATE_ARITHMETIC = Pattern.compile("(plus|minus)[A-Z][A-Za-z]*|toDate");

    private final Set<String> applicationBeans;

    /** @param applicationBeans every bean name of the application; those not on the allowlist are refused */
    ExpressionCheck(Set<String> applicationBeans) {
        this.applicationBeans = Set.copyOf(applicationBeans);
    }

    /** The reason the text is refused, if it is. {@code delegate}: the text must be a bare allowed bean. */
    Optional<String> check(String text, boolean delegate) {
        if (delegate) {
            return isBareAllowedBean(text) ? Optional.empty() : Optional.of(DELEGATE);
        }
        ExpressionText.Found found = ExpressionText.find(text);
        if (found.unterminated()) {
            return Optional.of(UNTERMINATED);
        }
        for (String body : found.bodies()) {
            Optional<String> reason = new Parser(ExpressionTokenizer.tokenize(body)).sequence(false);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    private static boolean isBareAllowedBean(String text) {
        String t = text.trim();
        if (!(t.startsWith("${") || t.startsWith("#{")) || !t.endsWith("}")) {
            return false;
        }
        List<Token> tokens = ExpressionTokenizer.tokenize(t.substring(2, t.length() - 1));
        return tokens.size() == 1 && tokens.get(0).kind() == Kind.NAME && AllowedBeans.contains(tokens.get(0).text());
    }

    /** One segment of a chain: {@code .name} or {@code .name(...)}. */
    private record Segment(String name, boolean call) {
    }

    private final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        private Kind peek() {
            return at < tokens.size() ? tokens.get(at).kind() : null;
        }

        /** Reads tokens up to the end (or, {@code inParens}, up to the closing parenthesis, consumed). */
        Optional<String> sequence(boolean inParens) {
            while (at < tokens.size()) {
                Token token = tokens.get(at);
                switch (token.kind()) {
                    case NAME -> {
                        Optional<String> reason = chain();
                        if (reason.isPresent()) {
                            return reason;
                        }
                    }
                    case OPEN -> {
                        at++;
                        Optional<String> reason = sequence(true);
                        if (reason.isPresent()) {
                            return reason;
                        }
                        if (peek() == Kind.DOT || peek() == Kind.OPEN) {
                            return Optional.of(SYNTAX);
                        }
                    }
                    case CLOSE -> {
                        if (!inParens) {
                            return Optional.of(SYNTAX);
                        }
                        at++;
                        return Optional.empty();
                    }
                    case STRING, NUMBER -> {
                        at++;
                        if (peek() == Kind.DOT || peek() == Kind.OPEN) {
                            return Optional.of(SYNTAX);
                        }
                    }
                    case OPERATOR -> at++;
                    default -> {
                        return Optional.of(SYNTAX);
                    }
                }
            }
            return inParens ? Optional.of(SYNTAX) : Optional.empty();
        }

        private Optional<String> chain() {
            String root = tokens.get(at++).text();
            if (KEYWORDS.contains(root)) {
                // "not (a && b)" is fine; "true.class" is not
                return peek() == Kind.DOT ? Optional.of(SYNTAX) : Optional.empty();
            }
            boolean function = peek() == Kind.OPEN;
            if (function) {
                at++;
                Optional<String> args = sequence(true);
                if (args.isPresent()) {
                    return args;
                }
            }
            List<Segment> segments = new ArrayList<>();
            while (peek() == Kind.DOT) {
                at++;
                if (peek() != Kind.NAME) {
                    return Optional.of(SYNTAX);
                }
                String name = tokens.get(at++).text();
                boolean call = peek() == Kind.OPEN;
                if (call) {
                    at++;
                    Optional<String> args = sequence(true);
                    if (args.isPresent()) {
                        return args;
                    }
                }
                segments.add(new Segment(name, call));
            }
            return function ? functionChain(root, segments) : nameChain(root, segments);
        }

        private Optional<String> functionChain(String function, List<Segment> segments) {
            if (function.equals("now") && segments.isEmpty()) {
                return Optional.empty();
            }
            if (function.equals("dateTime") && segments.stream()
                    .allMatch(s -> s.call() && DATE_ARITHMETIC.matcher(s.name()).matches())) {
                return Optional.empty();
            }
            return Optional.of(FUNCTION);
        }

        private Optional<String> nameChain(String root, List<Segment> segments) {
            if (AllowedBeans.contains(root)) {
                boolean allowed = segments.isEmpty() || (segments.size() == 1 && segments.get(0).call()
                        && AllowedBeans.allowsMethod(root, segments.get(0).name()));
                return allowed ? Optional.empty() : Optional.of(BEAN_USE);
            }
            if (root.equals("execution") || root.equals("task")) {
                boolean allowed = segments.isEmpty() || (segments.size() == 1 && (segments.get(0).call()
                        ? CONTEXT_METHODS.contains(segments.get(0).name())
                        : CONTEXT_PROPERTIES.contains(segments.get(0).name())));
                return allowed ? Optional.empty() : Optional.of(ENGINE);
            }
            if (root.equals("authenticatedUserId")) {
                return segments.isEmpty() ? Optional.empty() : Optional.of(RUNTIME);
            }
            if (ENGINE_NAMES.contains(root) || applicationBeans.contains(root)) {
                return Optional.of(COMPONENT);
            }
            for (Segment segment : segments) {
                if (segment.call()) {
                    return Optional.of(METHOD);
                }
                if (RUNTIME_PROPERTIES.contains(segment.name())) {
                    return Optional.of(RUNTIME);
                }
            }
            return Optional.empty();
        }
    }
}
