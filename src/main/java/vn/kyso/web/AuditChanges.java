package vn.kyso.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry's before and after as the lines that differ, "policy.minRsaBits: 2048 → 3072",
 * because an auditor scanning the log wants the change, not two near-identical JSON documents.
 */
final class AuditChanges {

    private static final int MAX_LINES = 12;
    private static final int MAX_VALUE_CHARS = 120;

    record Line(String field, String before, String after) {
    }

    private AuditChanges() {
    }

    static List<Line> between(JsonMapper json, String before, String after) {
        Map<String, String> was = flatten(json, before);
        Map<String, String> is = alignedTo(was, flatten(json, after));
        Set<String> fields = new LinkedHashSet<>(was.keySet());
        fields.addAll(is.keySet());
        List<Line> lines = new ArrayList<>();
        for (String field : fields) {
            String b = was.get(field);
            String a = is.get(field);
            if (!Objects.equals(b, a) && lines.size() < MAX_LINES) {
                lines.add(new Line(field, b, a));
            }
        }
        return lines;
    }

    /**
     * Some services wrap the after state ({"user": {...}, "passwordChanged": true}) but not the
     * before; without unwrapping, every field would look changed.
     */
    private static Map<String, String> alignedTo(Map<String, String> was, Map<String, String> is) {
        if (was.isEmpty() || is.keySet().stream().anyMatch(was::containsKey)) {
            return is;
        }
        for (String field : is.keySet()) {
            int dot = field.indexOf('.');
            if (dot > 0 && was.containsKey(field.substring(dot + 1))) {
                String wrapper = field.substring(0, dot + 1);
                Map<String, String> out = new LinkedHashMap<>();
                is.forEach((f, v) -> out.put(f.startsWith(wrapper) ? f.substring(wrapper.length()) : f, v));
                return out;
            }
        }
        return is;
    }

    private static Map<String, String> flatten(JsonMapper json, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        try {
            flatten(json.readTree(text), "", out);
        } catch (JacksonException e) {
            // A row edited into something that is not JSON still shows what it holds
            out.put("", shorten(text));
        }
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out);
            }
        } else if (!node.isNull()) {
            out.put(path, shorten(node.isString() ? node.asString() : node.toString()));
        }
    }

    private static String shorten(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
