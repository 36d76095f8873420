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

/**
 * Text as a person writes it: at most {@code max} characters, no control characters (line breaks and tabs only
 * where {@code multiline}). Markup is allowed and stored as given: every page escapes it. Null is valid; pair with
 * {@code @NotBlank} for required text.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    int max() default 200;

    boolean multiline() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private int max;
        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            max = annotation.max();
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = null;
            if (value.length() > max) {
                problem = "{hostledger.validation.plainText.tooLong}";
            } else if (value.chars().anyMatch(this::forbidden)) {
                problem = multiline
                        ? "{hostledger.validation.plainText.controlMultiline}"
                        : "{hostledger.validation.plainText.control}";
            }
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        private boolean forbidden(int c) {
            boolean control = Character.getType(c) == Character.CONTROL
                    || c == 0x2028
                    || c == 0x2029
                    || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                return false;
            }
            return control;
        }
    }
}
