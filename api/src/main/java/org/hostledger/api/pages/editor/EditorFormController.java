package org.hostledger.api.pages.editor;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.hostledger.api.application.Queries;
import org.hostledger.api.application.WriteResult;
import org.hostledger.api.pages.editor.EditorForm.Field;
import org.hostledger.api.web.CommandResponses;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.IdempotencyStore;
import org.hostledger.api.web.IdempotentRequest;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.model.HdsActivity;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.rule.LedgerRejection;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor forms (role EDITOR): {@code /edit/{records}/new} and {@code /edit/{records}/{id}/{change}}. A form is
 * read into the REST request record, checked with its rules, turned into the same command and sent through the same
 * path as the API. Post/Redirect/Get: a recorded change leads to the record's page, which waits for it.
 *
 * <p>Each form drawn carries a one-time submission key, used as the write's idempotency key: submitting the same form
 * twice records once and leads to the same page.
 */
@Controller
class EditorFormController {

    static final int MAX_SOURCE_ROWS = 50;
    static final String SUBMISSION = "_submission";
    static final String ADD_SOURCE = "_addSource";
    static final String RECORDED = "recorded";

    /** A field as the template draws it. */
    record FieldView(
            String name, String id, EditorForm.Input input, boolean required, String value, List<String> errors) {

        public boolean checked(int activity) {
            return value != null && Arrays.asList(value.split(",")).contains(Integer.toString(activity));
        }
    }

    /** One row of the sources list. */
    record SourceView(int row, String title, String url, String publishedOn, Map<String, List<String>> errors) {}

    /** One line of the error summary: the message and the field it links to. */
    record ErrorLink(String target, String message) {}

    private final Queries queries;
    private final ReadParams params;
    private final CommandResponses commands;
    private final IdempotencyStore idempotency;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final MessageSource messages;

    EditorFormController(
            Queries queries,
            ReadParams params,
            CommandResponses commands,
            IdempotencyStore idempotency,
            Validator validator,
            ObjectMapper mapper,
            MessageSource messages) {
        this.queries = queries;
        this.params = params;
        this.commands = commands;
        this.idempotency = idempotency;
        this.validator = validator;
        this.mapper = mapper;
        this.messages = messages;
    }

    @GetMapping("/edit/{collection}/new")
    String newRecord(@PathVariable String collection, @RequestParam MultiValueMap<String, String> query, Model model) {
        EditorForm form = form(collection, EditorForm.NEW);
        MultiValueMap<String, String> prefill = new LinkedMultiValueMap<>();
        // Links from a host's page open the forms with that host filled in.
        for (Field field : form.fields()) {
            if (query.containsKey(field.name())) {
                prefill.put(field.name(), query.get(field.name()));
            }
        }
        if (form.fields().stream().anyMatch(f -> f.name().equals("scheme")) && !prefill.containsKey("scheme")) {
            prefill.add("scheme", "HDS");
        }
        return draw(form, null, prefill, new FormInput.Problems(), newSubmission(), model);
    }

    @GetMapping("/edit/{collection}/{id}/{action}")
    String change(@PathVariable String collection, @PathVariable String id, @PathVariable String action, Model model) {
        EditorForm form = form(collection, action);
        EditedRecord record = record(form, id);
        MultiValueMap<String, String> prefill = new LinkedMultiValueMap<>();
        if (form.correction()) {
            record.values().forEach((name, value) -> {
                if (value != null) {
                    prefill.add(name, value);
                    prefill.add(FormInput.ORIGINAL + name, value);
                }
            });
        }
        return draw(form, record, prefill, new FormInput.Problems(), newSubmission(), model);
    }

    @PostMapping("/edit/{collection}/new")
    String submitNew(
            @PathVariable String collection,
            @RequestParam MultiValueMap<String, String> submitted,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submit(form(collection, EditorForm.NEW), null, submitted, model, redirect, response);
    }

    @PostMapping("/edit/{collection}/{id}/{action}")
    String submitChange(
            @PathVariable String collection,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam MultiValueMap<String, String> submitted,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        EditorForm form = form(collection, action);
        return submit(form, record(form, id), submitted, model, redirect, response);
    }

    private String submit(
            EditorForm form,
            EditedRecord record,
            MultiValueMap<String, String> submitted,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        String submission = submission(submitted);
        if (submitted.containsKey(ADD_SOURCE)) {
            // "Add a source" redraws the form with one more row; nothing is sent.
            MultiValueMap<String, String> more = new LinkedMultiValueMap<>(submitted);
            int rows = FormInput.sourceRowCount(submitted);
            if (rows < MAX_SOURCE_ROWS) {
                more.add("sources[" + rows + "].title", "");
            }
            return draw(form, record, more, new FormInput.Problems(), submission, model);
        }
        String principal =
                SecurityContextHolder.getContext().getAuthentication().getName();
        String key = "form-" + submission;
        String hash = hash(form, record, submitted);
        Optional<IdempotencyStore.Done> done = idempotency.find(principal, key);
        if (done.isPresent()) {
            if (done.get().requestHash().equals(hash)) {
                return recorded(form, done.get().recordId(), done.get().position(), redirect);
            }
            return refused(form, record, submitted, submission, model, response, "form.error.reused", null);
        }
        FormInput input = FormInput.read(form, submitted, this::message);
        Object request = mapper.convertValue(input.json, form.request());
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            input.problems.add(input.fieldOf(violation.getPropertyPath().toString()), violation.getMessage());
        }
        LedgerCommand command = null;
        if (input.problems.isEmpty()) {
            try {
                command = form.command().apply(request).toCommand(record == null ? null : record.id(), null);
            } catch (FieldError e) {
                e.errors()
                        .forEach(error -> input.problems.add(
                                error.field(), e.code() == null ? error.message() : message(e.code())));
            }
        }
        if (command == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return draw(form, record, submitted, input.problems, submission, model);
        }
        try {
            WriteResult result = commands.send(command, new IdempotentRequest(principal, key, hash))
                    .result();
            return recorded(form, result.id(), result.position(), redirect);
        } catch (CommandExecutionException e) {
            return rejected(
                    e.getCause() != null ? e.getCause() : e, form, record, submitted, submission, model, response);
        } catch (RuntimeException e) {
            return rejected(e, form, record, submitted, submission, model, response);
        }
    }

    /** The ledger refused the command: the form again, with the reason at its field or above the form. */
    private String rejected(
            Throwable e,
            EditorForm form,
            EditedRecord record,
            MultiValueMap<String, String> submitted,
            String submission,
            Model model,
            HttpServletResponse response) {
        if (e instanceof UnknownRecord || e instanceof AggregateNotFoundException) {
            throw e instanceof UnknownRecord unknown ? unknown : new UnknownRecord(form.collection(), record.id());
        }
        if (e instanceof LedgerRejection rejection) {
            return refused(form, record, submitted, submission, model, response, "form.error.rejected", rejection);
        }
        if (e instanceof CommandResponses.IdempotencyKeyReused) {
            return refused(form, record, submitted, submission, model, response, "form.error.reused", null);
        }
        if (e instanceof ConcurrencyException
                || e instanceof AggregateStreamCreationException
                || e instanceof ConflictingAggregateVersionException) {
            return refused(form, record, submitted, submission, model, response, "form.error.concurrent", null);
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(e);
    }

    private String refused(
            EditorForm form,
            EditedRecord record,
            MultiValueMap<String, String> submitted,
            String submission,
            Model model,
            HttpServletResponse response,
            String reason,
            LedgerRejection rejection) {
        FormInput.Problems problems = new FormInput.Problems();
        if (rejection != null && rejection.field() != null && isField(form, rejection.field())) {
            problems.add(rejection.field(), message(reason) + " " + rejection.getMessage());
        } else {
            problems.global(rejection == null ? message(reason) : message(reason) + " " + rejection.getMessage());
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        return draw(form, record, submitted, problems, submission, model);
    }

    private static boolean isField(EditorForm form, String name) {
        return name.equals("sources")
                || form.fields().stream().anyMatch(f -> f.name().equals(name));
    }

    private static String recorded(EditorForm form, String id, long position, RedirectAttributes redirect) {
        redirect.addFlashAttribute(RECORDED, form.key());
        return "redirect:" + EditedRecord.pageOf(form.kind(), id) + "?awaitPosition=" + position;
    }

    private String draw(
            EditorForm form,
            EditedRecord record,
            MultiValueMap<String, String> values,
            FormInput.Problems problems,
            String submission,
            Model model) {
        List<FieldView> fields = new ArrayList<>();
        for (Field field : form.fields()) {
            String value = field.input() == EditorForm.Input.ACTIVITIES
                    ? String.join(",", values.getOrDefault(field.name(), List.of()))
                    : values.getFirst(field.name());
            fields.add(new FieldView(
                    field.name(), field.name(), field.input(), field.required(), value, problems.of(field.name())));
        }
        List<SourceView> sources = new ArrayList<>();
        int rows = FormInput.sourceRowCount(values);
        for (int row = 0; row < rows; row++) {
            String prefix = "sources[" + row + "].";
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (String part : List.of("title", "url", "publishedOn")) {
                errors.put(part, problems.of(prefix + part));
            }
            sources.add(new SourceView(
                    row,
                    values.getFirst(prefix + "title"),
                    values.getFirst(prefix + "url"),
                    values.getFirst(prefix + "publishedOn"),
                    errors));
        }
        Map<String, String> originals = new TreeMap<>();
        values.forEach((name, list) -> {
            if (name.startsWith(FormInput.ORIGINAL) && !list.isEmpty()) {
                originals.put(name, list.get(0));
            }
        });
        List<ErrorLink> summary = new ArrayList<>();
        problems.fields().forEach((name, list) -> {
            for (String text : list) {
                summary.add(new ErrorLink(anchor(form, name), label(name) + message("form.labelSeparator") + text));
            }
        });
        model.addAttribute("form", form);
        model.addAttribute(
                "action",
                form.creates()
                        ? "/edit/" + form.collection() + "/new"
                        : "/edit/" + form.collection() + "/" + record.id() + "/" + form.action());
        model.addAttribute("record", record);
        model.addAttribute("fields", fields);
        model.addAttribute("sources", sources);
        model.addAttribute("sourceErrors", problems.of("sources"));
        model.addAttribute("canAddSource", rows < MAX_SOURCE_ROWS);
        model.addAttribute("originals", originals);
        model.addAttribute("summary", summary);
        model.addAttribute("globalErrors", problems.globals());
        model.addAttribute("submission", submission);
        model.addAttribute("activities", HdsActivity.values());
        model.addAttribute("routes", ProcurementRoute.values());
        return "editor/form";
    }

    /** The id of the control an error links to: a field, a source's part, or the first source's title. */
    static String anchor(EditorForm form, String name) {
        if (name.equals("sources")) {
            return "sources-0-title";
        }
        String id = name.replace("[", "-").replace("].", "-").replace(".", "-");
        boolean activities =
                form.fields().stream().anyMatch(f -> f.name().equals(name) && f.input() == EditorForm.Input.ACTIVITIES);
        return activities ? id + "-1" : id;
    }

    /** What the summary calls a field: its label, or for a source's part, the source's number and the part. */
    private String label(String name) {
        if (name.startsWith("sources[")) {
            int row = Integer.parseInt(name.substring("sources[".length(), name.indexOf(']')));
            String part = name.substring(name.indexOf("].") + 2);
            return messages.getMessage("form.source", new Object[] {row + 1}, LocaleContextHolder.getLocale()) + " — "
                    + message("form.source." + part);
        }
        return message(name.equals("sources") ? "form.sources" : "form.field." + name);
    }

    private EditorForm form(String collection, String action) {
        return EditorForms.find(collection, action).orElseThrow(() -> new UnknownRecord("form", action));
    }

    private EditedRecord record(EditorForm form, String id) {
        if (form.creates()) {
            throw new UnknownRecord("form", form.action());
        }
        return EditedRecord.of(form.kind(), id, queries, params.timePoint(null, null));
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String newSubmission() {
        return UUID.randomUUID().toString();
    }

    /** The form's key, or a fresh one when it carries none that could be ours. */
    private static String submission(MultiValueMap<String, String> submitted) {
        String key = submitted.getFirst(SUBMISSION);
        return key != null && key.matches("[0-9a-f-]{36}") ? key : newSubmission();
    }

    /** What was asked, independent of the order of the fields: the form, the record and every value but the token. */
    private static String hash(EditorForm form, EditedRecord record, MultiValueMap<String, String> submitted) {
        Map<String, List<String>> sorted = new TreeMap<>(submitted);
        sorted.remove("_csrf");
        sorted.remove(SUBMISSION);
        StringBuilder text = new StringBuilder(form.key()).append('\n').append(record == null ? "" : record.id());
        sorted.forEach(
                (name, values) -> text.append('\n').append(name).append('=').append(values));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
