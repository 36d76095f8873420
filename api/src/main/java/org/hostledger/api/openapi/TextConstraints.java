package org.hostledger.api.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import org.hostledger.api.web.validation.CountryCode;
import org.hostledger.api.web.validation.LedgerId;
import org.hostledger.api.web.validation.PlainText;
import org.hostledger.core.model.LedgerIds;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * The project's own constraint annotations in the schemas, as springdoc does for {@code @Size} and {@code @Pattern}:
 * the length and character class of {@link PlainText}, the shape of {@link LedgerId} and {@link CountryCode}.
 */
@Component
public class TextConstraints implements PropertyCustomizer {

    /** No control characters, line separators or bidirectional overrides (as {@link PlainText.Validator}). */
    static final String ONE_LINE = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]*$";

    /** The same, with line breaks and tabs allowed. */
    static final String MULTILINE =
            "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]*$";

    static final String ID = "^" + LedgerIds.PATTERN + "$";
    static final int ID_MAX = 64;
    static final String COUNTRY = "^([A-Z]{2})?$";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        Annotation[] annotations = type.getCtxAnnotations();
        if (annotations == null || property == null || !isString(property)) {
            return property;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof PlainText text) {
                property.setMaxLength(text.max());
                if (property.getPattern() == null) {
                    property.setPattern(text.multiline() ? MULTILINE : ONE_LINE);
                }
            } else if (annotation instanceof LedgerId) {
                property.setMaxLength(ID_MAX);
                property.setPattern(ID);
            } else if (annotation instanceof CountryCode) {
                property.setMaxLength(2);
                property.setPattern(COUNTRY);
            }
        }
        return property;
    }

    /** OpenAPI 3.1 names types in a set, 3.0 in one field. */
    @SuppressWarnings("rawtypes")
    static boolean isString(Schema schema) {
        return "string".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("string"));
    }
}
