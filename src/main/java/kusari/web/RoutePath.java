package kusari.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route's path template as Javalin reads it ({@code /w/{ws}/personas/{slug}}), written once: the route is
 * declared with it and {@link Links} fills it in for the pages that link to it.
 */
public record RoutePath(String template, List<String> params) {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public RoutePath {
        params = List.copyOf(params);
    }

    /** The template's {@code {name}} parameters, in order; refuses a template Javalin would read otherwise. */
    public static RoutePath of(String template) {
        if (!template.startsWith("/") || template.contains("<") || template.contains("*")) {
            throw new IllegalArgumentException("not a route path template: " + template);
        }
        List<String> params = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            if (params.contains(m.group(1))) {
                throw new IllegalArgumentException("parameter {" + m.group(1) + "} twice in " + template);
            }
            params.add(m.group(1));
        }
        if (m.replaceAll("").contains("{") || m.replaceAll("").contains("}")) {
            throw new IllegalArgumentException("unbalanced braces in " + template);
        }
        return new RoutePath(template, params);
    }

    /** The path with each parameter replaced by the value in the same place, URL-encoded. */
    public String fill(Object... values) {
        if (values.length != params.size()) {
            throw new IllegalArgumentException(template + " takes " + params.size() + " values, not " + values.length);
        }
        StringBuilder out = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int i = 0;
        while (m.find()) {
            if (values[i] == null) {
                throw new IllegalArgumentException("no value for {" + params.get(i) + "} of " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(encode(values[i++].toString())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The template with its parameter names left out ({@code /w/{}/personas/{}}): two routes of one method and
     * one shape would answer the same requests, whatever their parameters are called.
     */
    public String shape() {
        return PARAM.matcher(template).replaceAll("{}");
    }

    public boolean startsWith(String prefix) {
        return template.startsWith(prefix);
    }

    /** One path segment's value as it goes into a URL (a space as %20, not +). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return template;
    }
}
