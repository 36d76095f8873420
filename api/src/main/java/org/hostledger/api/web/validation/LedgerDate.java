package org.hostledger.api.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A date the ledger can mean: from 1900 to 2199. Null is valid; pair with {@code @NotNull} where required. */
@Documented
@Constraint(validatedBy = LedgerDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface LedgerDate {

    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    LocalDate LATEST = LocalDate.of(2199, 12, 31);

    String message() default "{hostledger.validation.ledgerDate}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LedgerDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST));
        }
    }
}
