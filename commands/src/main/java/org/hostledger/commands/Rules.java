package org.hostledger.commands;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.hostledger.core.model.Countries;
import org.hostledger.core.model.Scheme;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.rule.RuleViolation;

/**
 * Checks shared by the aggregates. The REST edge checks the same shapes first and answers 400; these keep the ledger
 * right whatever sends the command.
 */
public final class Rules {

    private Rules() {}

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(field, field + " is required");
        }
        return value;
    }

    /** An optional text: null stays null, blank becomes null. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** For corrections: null keeps the current value, an empty text clears it. */
    public static String corrected(String proposed, String current) {
        if (proposed == null) {
            return current;
        }
        return proposed.isBlank() ? null : proposed;
    }

    public static <T> T correctedValue(T proposed, T current) {
        return proposed == null ? current : proposed;
    }

    public static LocalDate date(LocalDate value, String field) {
        if (value == null) {
            throw new RuleViolation(field, field + " is required");
        }
        return value;
    }

    public static List<SourceNote> sources(List<SourceNote> sources) {
        if (sources == null || sources.isEmpty() || sources.stream().anyMatch(Objects::isNull)) {
            throw new RuleViolation("sources", "at least one source is required");
        }
        return List.copyOf(sources);
    }

    public static String country(String code, String field) {
        if (!Countries.isIsoCode(code)) {
            throw new RuleViolation(field, field + " must be an ISO 3166-1 alpha-2 code, not '" + code + "'");
        }
        return code;
    }

    /** The parent's country is required when there is a parent, and meaningless without one. */
    public static void parent(String parentCompany, String parentCountry) {
        if (parentCompany != null && parentCountry == null) {
            throw new RuleViolation("parentCountry", "parentCountry is required when parentCompany is given");
        }
        if (parentCompany == null && parentCountry != null) {
            throw new RuleViolation("parentCompany", "parentCompany is required when parentCountry is given");
        }
        if (parentCountry != null) {
            country(parentCountry, "parentCountry");
        }
    }

    /** A non-empty set of the scheme's activities, returned sorted and without duplicates. */
    public static List<Integer> activities(Collection<Integer> activities, Scheme scheme) {
        if (activities == null || activities.stream().anyMatch(Objects::isNull)) {
            throw new RuleViolation("activities", "activities are required");
        }
        TreeSet<Integer> sorted = new TreeSet<>(activities);
        if (!scheme.hasActivities()) {
            if (!sorted.isEmpty()) {
                throw new RuleViolation("activities", scheme.code() + " certificates cover no activities");
            }
            return List.of();
        }
        if (sorted.isEmpty()) {
            throw new RuleViolation("activities", "at least one activity is required");
        }
        if (!scheme.activities().containsAll(sorted)) {
            throw new RuleViolation(
                    "activities", "activities must be among " + scheme.activities() + " of " + scheme.code());
        }
        return new ArrayList<>(sorted);
    }

    public static void notBefore(LocalDate date, LocalDate bound, String field, String what) {
        if (date.isBefore(bound)) {
            throw new RuleViolation(field, field + " " + date + " is before " + what + " (" + bound + ")");
        }
    }
}
