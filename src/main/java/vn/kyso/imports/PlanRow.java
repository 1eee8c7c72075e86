package vn.kyso.imports;

import java.util.List;

/**
 * One row of a plan or of a result. {@code row} is the line of a CSV file or the row number a
 * spreadsheet shows (for certificates, their order in the upload); {@code key} names the record;
 * {@code changed} lists the fields an update changes; {@code message} is a message key with its
 * {@code args}, the reason of a rejection or how a certificate was matched.
 */
public record PlanRow(int row, String key, Outcome outcome, List<String> changed, String message, List<String> args) {

    static PlanRow of(int row, String key, Outcome outcome) {
        return new PlanRow(row, key, outcome, List.of(), null, List.of());
    }

    static PlanRow reject(int row, String key, String message, Object... args) {
        return new PlanRow(row, key, Outcome.REJECT, List.of(), message, strings(args));
    }

    PlanRow saying(String message, Object... args) {
        return new PlanRow(row, key, outcome, changed, message, strings(args));
    }

    PlanRow changing(List<String> fields) {
        return new PlanRow(row, key, outcome, List.copyOf(fields), message, args);
    }

    private static List<String> strings(Object[] args) {
        return java.util.Arrays.stream(args).map(String::valueOf).toList();
    }
}
