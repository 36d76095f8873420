package org.hostledger.api.pages.editor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.hostledger.api.pages.editor.EditorForm.Field;
import org.hostledger.core.model.ProcurementRoute;
import org.springframework.util.MultiValueMap;

/**
 * What a person submitted, read into the JSON shape of the form's REST request, with the problems that stop it before
 * validation (a date that is not one, an activity that does not exist). Text keeps its words: only the surrounding
 * blanks go, and a textarea's line breaks are read as {@code \n}.
 *
 * <p>On a correction form a field left as it was shown is not sent (the API's "absent keeps a field"); an optional
 * text emptied is sent as {@code ""} (the API's "clears it").
 */
final class FormInput {

    static final String ORIGINAL = "_original.";
    static final int MIN_SOURCE_ROWS = 1;

    final Map<String, Object> json = new LinkedHashMap<>();
    final Problems problems = new Problems();
    /** For the source at index i of the request, the row of the form it came from. */
    final List<Integer> sourceRows = new ArrayList<>();

    private final MultiValueMap<String, String> submitted;
    private final Function<String, String> messages;

    private FormInput(MultiValueMap<String, String> submitted, Function<String, String> messages) {
        this.submitted = submitted;
        this.messages = messages;
    }

    /**
     * @param messages a message key to its text in the reader's language
     */
    static FormInput read(EditorForm form, MultiValueMap<String, String> submitted, Function<String, String> messages) {
        FormInput input = new FormInput(submitted, messages);
        for (Field field : form.fields()) {
            input.readField(field, form.correction());
        }
        input.readSources();
        return input;
    }

    void error(String field, String message) {
        problems.add(field, message);
    }

    /** What is wrong with a submission: messages by field, and those about the whole form. */
    static final class Problems {

        private final Map<String, List<String>> fields = new LinkedHashMap<>();
        private final List<String> globals = new ArrayList<>();

        void add(String field, String message) {
            fields.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        }

        void global(String message) {
            globals.add(message);
        }

        List<String> of(String field) {
            return fields.getOrDefault(field, List.of());
        }

        Map<String, List<String>> fields() {
            return fields;
        }

        List<String> globals() {
            return globals;
        }

        boolean isEmpty() {
            return fields.isEmpty() && globals.isEmpty();
        }
    }

    /** The form field a request property path names: {@code sources[2].title} is row {@code sourceRows[2]}. */
    String fieldOf(String path) {
        if (path.startsWith("sources[")) {
            int end = path.indexOf(']');
            int index = Integer.parseInt(path.substring("sources[".length(), end));
            String rest = path.substring(end + 1);
            int row = index < sourceRows.size() ? sourceRows.get(index) : index;
            return rest.startsWith(".") ? "sources[" + row + "]" + rest : "sources";
        }
        int cut = path.length();
        for (char c : new char[] {'[', '.'}) {
            int at = path.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return path.substring(0, cut);
    }

    static int sourceRowCount(MultiValueMap<String, String> submitted) {
        int rows = 0;
        for (String name : submitted.keySet()) {
            if (name.startsWith("sources[") && name.indexOf(']') > 8) {
                try {
                    rows = Math.max(rows, Integer.parseInt(name.substring(8, name.indexOf(']'))) + 1);
                } catch (NumberFormatException e) {
                    // Not one of ours: a field this form never drew is ignored.
                }
            }
        }
        return Math.min(Math.max(rows, MIN_SOURCE_ROWS), EditorFormController.MAX_SOURCE_ROWS);
    }

    private void readField(Field field, boolean correction) {
        String name = field.name();
        switch (field.input()) {
            case ACTIVITIES -> readActivities(name, correction);
            case LINES -> {
                List<String> lines = lines(text(name));
                if (correction && lines.equals(lines(text(ORIGINAL + name)))) {
                    return;
                }
                if (correction || !lines.isEmpty()) {
                    json.put(name, lines);
                }
            }
            default -> {
                String value = text(name);
                if (correction && value.equals(text(ORIGINAL + name))) {
                    return;
                }
                if (value.isEmpty()) {
                    if (correction && isText(field)) {
                        json.put(name, "");
                    }
                    return;
                }
                put(field, value);
            }
        }
    }

    private static boolean isText(Field field) {
        return switch (field.input()) {
            case TEXT, TEXTAREA, ID, COUNTRY -> !field.required();
            default -> false;
        };
    }

    private void put(Field field, String value) {
        String name = field.name();
        switch (field.input()) {
            case DATE -> {
                if (date(value)) {
                    json.put(name, value);
                } else {
                    error(name, messages.apply("form.error.date"));
                }
            }
            case PROCUREMENT -> {
                if (Arrays.stream(ProcurementRoute.values())
                        .anyMatch(r -> r.name().equals(value))) {
                    json.put(name, value);
                } else {
                    error(name, messages.apply("form.error.choice"));
                }
            }
            default -> json.put(name, value);
        }
    }

    private void readActivities(String name, boolean correction) {
        List<Integer> chosen = new ArrayList<>();
        for (String value : submitted.getOrDefault(name, List.of())) {
            Integer activity = activity(value);
            if (activity == null) {
                error(name, messages.apply("form.error.activity"));
                return;
            }
            chosen.add(activity);
        }
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(chosen));
        if (correction) {
            List<Integer> original = new ArrayList<>();
            for (String part : text(ORIGINAL + name).split(",")) {
                Integer activity = activity(part.trim());
                if (activity != null) {
                    original.add(activity);
                }
            }
            if (sorted.equals(new ArrayList<>(new TreeSet<>(original)))) {
                return;
            }
        }
        json.put(name, sorted);
    }

    private void readSources() {
        List<Map<String, Object>> sources = new ArrayList<>();
        int rows = sourceRowCount(submitted);
        for (int row = 0; row < rows; row++) {
            String prefix = "sources[" + row + "].";
            String title = text(prefix + "title");
            String url = text(prefix + "url");
            String publishedOn = text(prefix + "publishedOn");
            if (title.isEmpty() && url.isEmpty() && publishedOn.isEmpty()) {
                continue;
            }
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("title", title.isEmpty() ? null : title);
            source.put("url", url.isEmpty() ? null : url);
            if (!publishedOn.isEmpty()) {
                if (date(publishedOn)) {
                    source.put("publishedOn", publishedOn);
                } else {
                    error(prefix + "publishedOn", messages.apply("form.error.date"));
                }
            }
            sources.add(source);
            sourceRows.add(row);
        }
        json.put("sources", sources);
    }

    private String text(String name) {
        String value = submitted.getFirst(name);
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static boolean date(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Integer activity(String value) {
        for (int a = 1; a <= 6; a++) {
            if (Objects.equals(value, Integer.toString(a))) {
                return a;
            }
        }
        return null;
    }
}
