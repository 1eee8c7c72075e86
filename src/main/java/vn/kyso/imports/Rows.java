package vn.kyso.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.kyso.common.ApiException;
import vn.kyso.common.Violations;

/** What the importers share: dates as officials write them, refusals as rows, and the fields an update moved. */
final class Rows {

    /** dd/MM/yyyy as Vietnamese forms write it; d/M/yyyy and ISO as spreadsheets sometimes do. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private Rows() {
    }

    /** Thrown for a value a row cannot use; becomes that row's rejection. */
    static final class BadValue extends RuntimeException {
        final String key;
        final transient Object[] args;

        BadValue(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }
    }

    static LocalDate date(Table.Line line, String column) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException ignored) {
                // try the next way of writing it
            }
        }
        throw new BadValue("imports.error.badDate", column, value);
    }

    /** A service's refusal as the row's rejection, with the same message the API would give. */
    static PlanRow refusal(int row, String key, RuntimeException e) {
        if (e instanceof ApiException api) {
            return PlanRow.reject(row, key, api.key(), api.args() == null ? new Object[0] : api.args());
        }
        if (e instanceof Violations.Invalid invalid) {
            Violations.Violation first = invalid.violations().get(0);
            Object[] args = first.args() == null ? new Object[0] : first.args();
            return PlanRow.reject(row, key, "imports.error.field", field(first.field()),
                    new Deferred(first.key(), args));
        }
        if (e instanceof BadValue bad) {
            return PlanRow.reject(row, key, bad.key, bad.args);
        }
        if (e instanceof org.springframework.dao.DataIntegrityViolationException) {
            return PlanRow.reject(row, key, "error.constraint");
        }
        throw e;
    }

    /** A message key inside another message's arguments: "{field}: {its own message}". */
    record Deferred(String key, Object[] args) {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("#").append(key);
            for (Object a : args) {
                out.append('\u001F').append(a);
            }
            return out.toString();
        }
    }

    /** A required column left blank in this row. */
    static BadValue required(String column) {
        return new BadValue("imports.error.field", column, new Deferred("error.required", new Object[0]));
    }

    /** A value the API's Bean Validation refuses, named by its column. */
    static BadValue invalid(String column, Object value) {
        return value == null ? required(column) : new BadValue("imports.error.badValue", column, String.valueOf(value));
    }

    static String field(String field) {
        return field == null ? "" : field;
    }

    /** The fields whose values differ between two summaries, leaving out the bookkeeping ones. */
    static List<String> changed(Map<String, Object> before, Map<String, Object> after, Set<String> ignore) {
        List<String> fields = new ArrayList<>();
        Map<String, Object> all = new LinkedHashMap<>(before);
        after.forEach(all::putIfAbsent);
        for (String field : all.keySet()) {
            if (!ignore.contains(field) && !Objects.equals(before.get(field), after.get(field))) {
                fields.add(field);
            }
        }
        return fields;
    }

    static List<PlanRow> byRow(Iterable<PlanRow> rows) {
        List<PlanRow> list = new ArrayList<>();
        rows.forEach(list::add);
        list.sort(Comparator.comparingInt(PlanRow::row));
        return list;
    }
}
