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
import org.hostledger.core.model.LedgerIds;

/** A ledger id: lower-case letters, digits and dashes, 2 to 64 characters. Null is valid. */
@Documented
@Constraint(validatedBy = LedgerId.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface LedgerId {

    String message() default "{hostledger.validation.ledgerId}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LedgerId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || LedgerIds.isValid(value);
        }
    }
}
