package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.hostledger.api.web.AwaitPositionInterceptor;

/**
 * Query strings for the links a page draws. Form encoding on purpose: an instant such as {@code …+01:00} must reach
 * the next request with its {@code +}, which a URI template leaves bare and the servlet then reads as a space.
 */
final class QueryString {

    private QueryString() {}

    /** {@code ?a=1&b=2} from the non-blank values in their order, or the empty text when there are none. */
    static String of(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(encode(name) + "=" + encode(value));
            }
        });
        return query.toString();
    }

    /**
     * The current request's path and parameters with {@code name} set to {@code value}: the link to another page of
     * the same list, keeping its filters. {@code awaitPosition} is dropped, since the next page need not wait again.
     */
    static String replacing(HttpServletRequest request, String name, Object value) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((key, values) -> {
            if (!key.equals(name) && !key.equals(AwaitPositionInterceptor.PARAMETER) && values.length > 0) {
                parameters.put(key, values[0]);
            }
        });
        parameters.put(name, String.valueOf(value));
        return request.getRequestURI() + of(parameters);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
