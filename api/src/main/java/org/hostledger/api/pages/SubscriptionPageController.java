package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostledger.api.watch.SubscriptionFilter;
import org.hostledger.api.watch.Subscriptions;
import org.hostledger.api.watch.WatchStore;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.ReadsNoView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /subscriptions} (role EDITOR or SUBSCRIBER): a user's subscriptions, a form to make one (prefilled from the
 * "subscribe" links of host and decision pages), pause, resume, delete, and each one's delivery log. A subscription
 * is made by the same rules as {@code POST /api/subscriptions} ({@link Subscriptions}); a refusal is shown at its
 * field, in the page's language. Post/Redirect/Get throughout.
 */
@ReadsNoView
@Controller
class SubscriptionPageController {

    static final String SECRET = "secret";
    static final String DONE = "done";

    /** The form's values as typed, by control name (lists as text, separated by commas or spaces). */
    static Map<String, String> values(
            String recordIds, String hostId, String register, String eventTypes, String webhook) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("recordIds", recordIds);
        values.put("hostId", hostId);
        values.put("register", register);
        values.put("eventTypes", eventTypes);
        values.put("webhook", webhook);
        return values;
    }

    private final Subscriptions subscriptions;
    private final WatchStore store;
    private final MessageSource messages;

    SubscriptionPageController(Subscriptions subscriptions, WatchStore store, MessageSource messages) {
        this.subscriptions = subscriptions;
        this.store = store;
        this.messages = messages;
    }

    @GetMapping("/subscriptions")
    String list(
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String register,
            @RequestParam(required = false) String type,
            Model model) {
        return draw(values(recordId, hostId, register, type, null), Map.of(), model);
    }

    @PostMapping("/subscriptions")
    String create(
            @RequestParam(required = false) String recordIds,
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String register,
            @RequestParam(required = false) String eventTypes,
            @RequestParam(required = false) String webhook,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> values = values(recordIds, hostId, register, eventTypes, webhook);
        try {
            Subscriptions.Created created = subscriptions.create(
                    new SubscriptionFilter(
                            list(recordIds), blankToNull(hostId), blankToNull(register), list(eventTypes)),
                    blankToNull(webhook),
                    null);
            redirect.addFlashAttribute(DONE, "subscriptions.created");
            if (created.secret() != null) {
                redirect.addFlashAttribute(SECRET, created.secret());
            }
            return "redirect:/subscriptions/" + created.subscription().id();
        } catch (FieldError e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.put(formField(error.field()), message(error.field())));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return draw(values, errors, model);
        }
    }

    @GetMapping("/subscriptions/{id}")
    String one(@PathVariable String id, Model model) {
        WatchStore.Subscription subscription = subscriptions.owned(id);
        List<Map<String, Object>> log = new ArrayList<>();
        for (WatchStore.Notification n : store.notifications(id, 200)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("notification", n);
            row.put("attempts", store.attempts(n.id()));
            log.add(row);
        }
        model.addAttribute("subscription", subscription);
        model.addAttribute("log", log);
        return "subscription";
    }

    @PostMapping("/subscriptions/{id}/{action:pause|resume}")
    String pause(@PathVariable String id, @PathVariable String action, RedirectAttributes redirect) {
        subscriptions.owned(id);
        store.setPaused(id, action.equals("pause"));
        redirect.addFlashAttribute(
                DONE, action.equals("pause") ? "subscriptions.paused.done" : "subscriptions.resumed");
        return "redirect:/subscriptions/" + id;
    }

    @PostMapping("/subscriptions/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        subscriptions.owned(id);
        store.delete(id);
        redirect.addFlashAttribute(DONE, "subscriptions.deleted");
        return "redirect:/subscriptions";
    }

    private String draw(Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("subscriptions", subscriptions.visible());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "subscriptions";
    }

    /** The form control behind an API field ({@code filter.hostId} is the control {@code hostId}). */
    static String formField(String apiField) {
        String name = apiField.substring(apiField.indexOf('.') + 1);
        return name.equals("secret") ? "webhook" : name;
    }

    private String message(String apiField) {
        return messages.getMessage(
                "subscriptions.error." + apiField,
                null,
                messages.getMessage("subscriptions.error", null, LocaleContextHolder.getLocale()),
                LocaleContextHolder.getLocale());
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
