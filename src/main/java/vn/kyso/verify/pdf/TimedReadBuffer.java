package vn.kyso.verify.pdf;

import java.io.IOException;

import org.apache.pdfbox.io.RandomAccessReadBuffer;

/** The file's bytes for PDFBox, refusing to be read once the deadline has passed. */
final class TimedReadBuffer extends RandomAccessReadBuffer {

    private final Deadline deadline;
    private int calls;

    TimedReadBuffer(byte[] bytes, Deadline deadline) {
        super(bytes);
        this.deadline = deadline;
    }

    private void tick() {
        // Reading the clock on every single-byte read would cost more than the parse itself.
        if ((++calls & 0x3ff) == 0) {
            deadline.check();
        }
    }

    @Override
    public int read() throws IOException {
        tick();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        deadline.check();
        return super.read(b, off, len);
    }

    @Override
    public void seek(long position) throws IOException {
        tick();
        super.seek(position);
    }
}
