package vn.kyso.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Inputs for the fuzz targets: the fuzzer's bytes as they are, or one of Kyso's own samples with
 * the fuzzer's edits applied. Random bytes rarely get past the first length field of a DER or PDF
 * structure; edits of a valid file reach the checks behind it, and the fuzzer keeps the edits that
 * open new paths. An empty input is the first sample unchanged.
 */
final class Mutations {

    private static final int MAX_EDITS = 8;

    private Mutations() {
    }

    static byte[] of(FuzzedDataProvider data, List<byte[]> samples) {
        int choice = data.consumeInt(0, samples.size());
        if (choice == samples.size()) {
            return data.consumeRemainingAsBytes();
        }
        byte[] out = samples.get(choice);
        int edits = data.consumeInt(0, MAX_EDITS);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            out = edit(out, data);
        }
        return out;
    }

    private static byte[] edit(byte[] in, FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 3);
        int at = in.length == 0 ? 0 : data.consumeInt(0, in.length - 1);
        switch (kind) {
            case 0 -> { // overwrite a few bytes
                byte[] with = data.consumeBytes(data.consumeInt(1, 16));
                byte[] out = in.clone();
                System.arraycopy(with, 0, out, at, Math.min(with.length, out.length - at));
                return out;
            }
            case 1 -> { // insert
                byte[] with = data.consumeBytes(data.consumeInt(1, 64));
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + with.length);
                out.write(in, 0, at);
                out.writeBytes(with);
                out.write(in, at, in.length - at);
                return out.toByteArray();
            }
            case 2 -> { // delete
                int length = Math.min(data.consumeInt(1, 256), in.length - at);
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
                out.write(in, 0, at);
                out.write(in, at + length, in.length - at - length);
                return out.toByteArray();
            }
            default -> { // cut short
                return Arrays.copyOf(in, at);
            }
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<byte[]> read(Path dir, String... names) {
        List<byte[]> out = new ArrayList<>();
        for (String name : names) {
            out.add(read(dir.resolve(name)));
        }
        return out;
    }
}
