package org.hostledger.api.pages.editor;

import java.util.List;
import java.util.function.Function;
import org.hostledger.api.web.CommandRequest;
import org.hostledger.core.command.RecordKind;

/**
 * One editor form: the REST request record it fills, the fields a person types it with, and how the request becomes
 * the command. The request record carries the validation rules, so a form refuses exactly what the API refuses.
 *
 * @param collection the records' path segment: {@code hosts}, {@code certifications}, {@code decisions}
 * @param action {@code new} for a form that creates a record, else the change it records ({@code correction}…)
 * @param correction fields left as they were shown are not sent: absent keeps a field, as in the API
 * @param command the request as the command request to send
 */
record EditorForm(
        RecordKind kind,
        String collection,
        String action,
        boolean correction,
        Class<?> request,
        List<Field> fields,
        Function<Object, CommandRequest> command) {

    static final String NEW = "new";

    /** The kinds of input; each maps to one HTML control and one JSON shape of the request. */
    enum Input {
        /** One line of text. */
        TEXT,
        /** Several lines of text. */
        TEXTAREA,
        /** A ledger id, of this record or another. */
        ID,
        /** A two-letter country code. */
        COUNTRY,
        /** An ISO date, entered with the browser's date control. */
        DATE,
        /** HDS activities 1 to 6 as check boxes; a list of numbers. */
        ACTIVITIES,
        /** The procurement route, from its list. */
        PROCUREMENT,
        /** A list of texts, one a line. */
        LINES
    }

    /** A field of the request: its JSON name, its input and whether the request needs it. */
    record Field(String name, Input input, boolean required) {}

    public boolean creates() {
        return NEW.equals(action);
    }

    /** The key of this form's messages: {@code form.hosts.new}, {@code form.certifications.renewal}… */
    public String key() {
        return "form." + collection + "." + action;
    }

    static Field required(String name, Input input) {
        return new Field(name, input, true);
    }

    static Field optional(String name, Input input) {
        return new Field(name, input, false);
    }
}
