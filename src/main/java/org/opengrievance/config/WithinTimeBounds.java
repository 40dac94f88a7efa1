package org.opengrievance.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A submitted date-time within {@link TimeBounds}: not in the future, not before the look-back. Null is valid. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WithinTimeBounds.Check.class)
public @interface WithinTimeBounds {

    String message() default "must not be in the future or before the look-back";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Created by Spring's constraint validator factory, so it gets the application's bounds and clock. */
    class Check implements ConstraintValidator<WithinTimeBounds, Object> {

        private final TimeBounds bounds;

        public Check(TimeBounds bounds) {
            this.bounds = bounds;
        }

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            Optional<String> problem;
            if (value == null) {
                return true;
            } else if (value instanceof OffsetDateTime t) {
                problem = bounds.problem(t);
            } else if (value instanceof Instant t) {
                problem = bounds.problem(t);
            } else if (value instanceof ZonedDateTime t) {
                problem = bounds.problem(t.toInstant());
            } else {
                return false;
            }
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.get().replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }
    }
}
