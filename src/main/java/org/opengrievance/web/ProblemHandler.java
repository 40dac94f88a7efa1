package org.opengrievance.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.opengrievance.availability.DatabaseAvailability;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.CaseStateException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.opengrievance.intake.IdempotencyKeyReusedException;
import org.opengrievance.intake.IntakeRejectedException;
import org.opengrievance.refusal.Refusal;
import org.opengrievance.refusal.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the project's API as an RFC 9457 problem: a stable type, a title, a detail a person can
 * act on, and for bad input the list of fields at fault. Nothing else: no stack traces, SQL, table or column
 * names, Java class names, engine codes, and no submitted value (not even the case number asked for). Spring
 * MVC's own errors (unknown path, wrong method, unsupported type, a path value that does not convert) get a
 * fixed sentence per status instead of Spring's detail, which quotes the request.
 *
 * <p>No {@code basePackages}: an unknown path has no controller, and its 404 must be a problem too.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private final DatabaseAvailability database;

    ProblemHandler(DatabaseAvailability database) {
        this.database = database;
    }

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final URI INVALID = URI.create("urn:grievance:problem:invalid-request");
    static final URI NOT_FOUND = URI.create("urn:grievance:problem:not-found");
    static final URI CONFLICT = URI.create("urn:grievance:problem:case-state");
    static final URI FORBIDDEN = URI.create("urn:grievance:problem:forbidden");
    static final URI KEY_REUSED = URI.create("urn:grievance:problem:idempotency-key-reused");
    static final URI UNAVAILABLE = URI.create("urn:grievance:problem:service-unavailable");

    record FieldError(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage())).toList();
        return problem(invalid("The request has invalid fields.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(invalid("The request has a field this API does not know.",
                    List.of(new FieldError(path(unknown), "is not a known field"))));
        }
        if (cause instanceof InvalidFormatException format) {
            String expected = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? "must be one of " + List.of(format.getTargetType().getEnumConstants())
                    : "has the wrong type or format (expected " + expected(format.getTargetType()) + ")";
            return problem(invalid("The request has invalid fields.", List.of(new FieldError(path(format), expected))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return problem(invalid("The request has invalid fields.", List.of(new FieldError(path(mismatch),
                    "has the wrong type or format (expected " + expected(mismatch.getTargetType()) + ")"))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return problem(invalid("The request has invalid fields.",
                    List.of(new FieldError(path(mapping), "has the wrong type or format"))));
        }
        return problem(invalid("The request body is not readable JSON.", List.of()));
    }

    @ExceptionHandler(IntakeRejectedException.class)
    ResponseEntity<Object> intakeRejected(IntakeRejectedException ex) {
        return problem(invalid("The request has invalid fields.",
                List.of(new FieldError(ex.field(), ex.getMessage().substring(ex.field().length() + 1)))));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReusedException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        p.setType(KEY_REUSED);
        p.setTitle("Idempotency-Key already used");
        return problem(p);
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<Object> notFound(CaseNotFoundException ex) {
        // not the number asked for: the answer says what is wrong, it does not repeat the request
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no grievance case with this number.");
        p.setType(NOT_FOUND);
        p.setTitle("No such case");
        return problem(p);
    }

    @ExceptionHandler(CaseStateException.class)
    ResponseEntity<Object> conflict(CaseStateException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        p.setType(CONFLICT);
        p.setTitle("The case is not in a state that allows this");
        if (ex.rule() != null) {
            p.setProperty("rule", ex.rule());
        }
        return problem(p);
    }

    /** The engine refused the signed-in user (engine authorizations, org.opengrievance.security). */
    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ResponseEntity<Object> forbidden(org.camunda.bpm.engine.AuthorizationException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "The engine's authorizations for your groups do not allow this.");
        p.setType(FORBIDDEN);
        p.setTitle("Forbidden");
        return problem(p);
    }

    /**
     * What the engine threw: a {@link Refusal} of a listener or delegate (the engine wraps some of them) is the
     * rule's 400 or 409 with its sentence; intake data the engine refused is a 400 naming the field; the
     * engine's authorizations a 403. Anything else is unexpected.
     */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<Object> engine(ProcessEngineException ex, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal refusal) {
                return refusal(refusal);
            }
        }
        if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet) {
            java.util.Optional<Refusal> recorded = Refusals.of(servlet.getRequest());
            if (recorded.isPresent()) {
                return refusal(recorded.get());
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IntakeRejectedException rejected) {
                return intakeRejected(rejected);
            }
            if (t instanceof org.camunda.bpm.engine.AuthorizationException denied) {
                return forbidden(denied);
            }
            if (t instanceof org.camunda.bpm.engine.OptimisticLockingException) {
                // another request or a timer changed the case at the same moment: nothing of this one was kept
                ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "Someone else changed this case at the same time: reload it and try again.");
                p.setType(CONFLICT);
                p.setTitle("Changed at the same time");
                return problem(p);
            }
        }
        return unexpected(ex);
    }

    private static ResponseEntity<Object> refusal(Refusal refusal) {
        if (refusal.status() == Refusal.CONFLICT) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refusal.getMessage());
            p.setType(CONFLICT);
            p.setTitle("The case is not in a state that allows this");
            if (refusal.rule() != null) {
                p.setProperty("rule", refusal.rule());
            }
            return problem(p);
        }
        ProblemDetail p = invalid(refusal.getMessage(), refusal.field() == null ? List.of()
                : List.of(new FieldError(refusal.field(), refusal.getMessage())));
        if (refusal.rule() != null) {
            p.setProperty("rule", refusal.rule());
        }
        return problem(p);
    }

    /**
     * Spring MVC's own errors: its status and headers (such as {@code Allow} on a 405), a fixed sentence. Its
     * detail quotes the request (the path, the method, the value that did not convert).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String detail = switch (status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body must be JSON (application/json, UTF-8).";
            case NOT_ACCEPTABLE -> "This address cannot answer in the requested media type.";
            case BAD_REQUEST -> "The request has a missing or invalid part.";
            case PAYLOAD_TOO_LARGE -> "The request is too large.";
            default -> statusCode.is5xxServerError() ? "The request could not be completed; nothing was changed."
                    : "The request cannot be answered.";
        };
        if (statusCode.is5xxServerError()) {
            log.error("Error in the grievance API: {}", ex.getClass().getName());
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(statusCode, detail);
        p.setTitle(status == null ? "Error" : status.getReasonPhrase());
        anonymousInstance(p);
        HttpHeaders kept = new HttpHeaders();
        if (headers != null) {
            kept.putAll(headers);
        }
        kept.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(statusCode).headers(kept).body(p);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (database.explains(ex)) {
            log.warn("A request failed while the database was unreachable: {}", ex.getClass().getName());
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseAvailability.SENTENCE);
            p.setType(UNAVAILABLE);
            p.setTitle("Service unavailable");
            anonymousInstance(p);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseAvailability.RETRY_AFTER_SECONDS)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        // the class name only: messages can carry PHI or SQL
        log.error("Unexpected error in the grievance API: {}", ex.getClass().getName());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; nothing was changed.");
        p.setTitle("Internal error");
        return problem(p);
    }

    /**
     * Spring fills an empty {@code instance} with the request's path, which holds the case number and whatever
     * else the client put there; this occurrence gets an opaque id instead.
     */
    private static void anonymousInstance(ProblemDetail p) {
        if (p.getInstance() == null) {
            p.setInstance(URI.create("urn:uuid:" + java.util.UUID.randomUUID()));
        }
    }

    private static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setType(INVALID);
        p.setTitle("Invalid request");
        p.setProperties(Map.of("errors", errors));
        return p;
    }

    private static ResponseEntity<Object> problem(ProblemDetail p) {
        anonymousInstance(p);
        return ResponseEntity.status(p.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** What a field should hold, in words (not a Java type name). */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time with offset, such as 2026-12-04T16:30:00-06:00";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "another type";
    }
}
