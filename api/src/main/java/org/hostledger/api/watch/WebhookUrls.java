package org.hostledger.api.watch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.hostledger.api.web.FieldError;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go: {@code http} or {@code https} URLs, without user information, to a host of
 * {@code hostledger.subscriptions.allowed-hosts} (no server-side request forgery through a subscription).
 */
@Component
public class WebhookUrls {

    private final WatchProperties properties;

    public WebhookUrls(WatchProperties properties) {
        this.properties = properties;
    }

    /** The URL if it may be called; a 400 naming the field otherwise. */
    public URI check(String field, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw FieldError.invalid(field, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FieldError.invalid(field, "only http and https URLs are called");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw FieldError.invalid(field, "a webhook URL has no user information and no fragment");
        }
        String host = uri.getHost();
        if (host == null || !allowed(host.toLowerCase(Locale.ROOT))) {
            throw FieldError.invalid(
                    field,
                    "host '" + (host == null ? "" : host) + "' is not in hostledger.subscriptions.allowed-hosts");
        }
        return uri;
    }

    private boolean allowed(String host) {
        for (String allowed : properties.getAllowedHosts()) {
            String rule = allowed.trim().toLowerCase(Locale.ROOT);
            if (rule.startsWith("*.") ? host.endsWith(rule.substring(1)) : host.equals(rule)) {
                return true;
            }
        }
        return false;
    }
}
