package vn.kyso.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import vn.kyso.verify.VerificationReport;

/** Figure 1: an attached CMS signature over 10 KB of text. */
@State(Scope.Benchmark)
public class CmsAttached {

    static final int SIZE = 10 * 1024;
    private Samples samples;
    private byte[] p7m;

    @Setup
    public void setup() throws Exception {
        samples = new Samples();
        p7m = samples.cms(Samples.text(SIZE), true);
        samples.requirePassed("CMS attached", p7m, null);
        Samples.requireTrue("CMS attached", Baseline.attached(p7m));
    }

    @Benchmark
    public VerificationReport kyso() {
        return samples.verify(p7m, null);
    }

    @Benchmark
    public boolean baseline() throws Exception {
        return Baseline.attached(p7m);
    }
}
