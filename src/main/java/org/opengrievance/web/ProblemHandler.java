package org.opengrievance.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.CaseStateException;
import org.opengrievance.intake.IntakeRejectedException;
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
 * act on, and for bad input the list of fields at fault. No stack traces, SQL or submitted values.
 */
@RestControllerAdvice(basePackages = "org.opengrievance")
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final URI INVALID = URI.create("urn:grievance:problem:invalid-request");
    static final URI NOT_FOUND = URI.create("urn:grievance:problem:not-found");
    static final URI CONFLICT = URI.create("urn:grievance:problem:case-state");
    static final URI FORBIDDEN = URI.create("urn:grievance:problem:forbidden");

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
                    : "has the wrong type or format (expected " + simpleName(format.getTargetType()) + ")";
            return problem(invalid("The request has invalid fields.", List.of(new FieldError(path(format), expected))));
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

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<Object> notFound(CaseNotFoundException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        // the class name only: messages can carry PHI or SQL
        log.error("Unexpected error in the grievance API: {}", ex.getClass().getName());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; nothing was changed.");
        p.setTitle("Internal error");
        return problem(p);
    }

    private static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setType(INVALID);
        p.setTitle("Invalid request");
        p.setProperties(Map.of("errors", errors));
        return p;
    }

    private static ResponseEntity<Object> problem(ProblemDetail p) {
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

    private static String simpleName(Class<?> type) {
        return type == null ? "another type" : type.getSimpleName();
    }
}
