package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough reading of the pages' HTML for assertions: an element by id, its text, the links in it. */
final class Html {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private Html() {}

    /** The inner HTML of the {@code tag} element with this id; tags of that name must not nest inside it. */
    static String element(String html, String tag, String id) {
        Matcher m = Pattern.compile(
                        "<" + tag + "\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</" + tag + ">",
                        Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("<%s id=\"%s\"> in the page", tag, id).isTrue();
        return m.group(1);
    }

    /** The inner HTML of the first {@code tag} element; tags of that name must not nest inside it. */
    static String first(String html, String tag) {
        Matcher m = Pattern.compile("<" + tag + "\\b[^>]*>(.*?)</" + tag + ">", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("<%s> in the page", tag).isTrue();
        return m.group(1);
    }

    static boolean hasId(String html, String id) {
        return html.contains("id=\"" + id + "\"");
    }

    /** The text a reader sees: tags dropped, entities decoded, spaces collapsed. */
    static String text(String html) {
        return unescape(html.replaceAll("(?s)<[^>]*>", " "))
                .replaceAll("\\s+", " ")
                .trim();
    }

    static List<String> hrefs(String html) {
        List<String> hrefs = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            hrefs.add(unescape(m.group(1)));
        }
        return hrefs;
    }

    static int count(String html, String fragment) {
        int count = 0;
        for (int at = html.indexOf(fragment); at >= 0; at = html.indexOf(fragment, at + 1)) {
            count++;
        }
        return count;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
