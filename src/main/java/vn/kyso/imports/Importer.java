package vn.kyso.imports;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * One kind of import. {@link #prepare} reads the file, refusing it whole when it cannot be read;
 * {@link #run} decides every row against the database as it stands and, when {@code write} is
 * set, makes the changes. The caller holds one transaction around {@code run}: a dry run rolls it
 * back, the real run commits it only if the rows came out as planned.
 */
interface Importer {

    ImportKind kind();

    Prepared prepare(byte[] content, String fileName);

    List<PlanRow> run(Prepared file, boolean write, IntConsumer progress);

    /** A file as read: how its text was decoded, how many rows it has, and what the importer keeps of it. */
    record Prepared(String encoding, int total, String fileName, Object content) {
    }
}
