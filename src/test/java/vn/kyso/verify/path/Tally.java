package vn.kyso.verify.path;

import java.util.ArrayList;
import java.util.List;

/** Counts a conformance run so its end can say how much of the corpus behaves as expected. */
final class Tally {

    private final String label;
    private final int total;
    private int asExpected;
    private final List<String> knownMisses = new ArrayList<>();

    Tally(String label, int total) {
        this.label = label;
        this.total = total;
    }

    synchronized void passed() {
        asExpected++;
    }

    synchronized void knownMiss(String id) {
        knownMisses.add(id);
    }

    synchronized int accounted() {
        return asExpected + knownMisses.size();
    }

    synchronized String summary() {
        return label + ": " + asExpected + "/" + total + " as expected, " + knownMisses.size() + " known misses"
                + (knownMisses.isEmpty() ? "" : ": " + String.join(", ", knownMisses));
    }
}
