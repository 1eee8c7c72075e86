package vn.kyso.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import vn.kyso.verify.VerificationReport;

/** Figure 2: a detached CMS signature over a 5 MB document: hashing dominates a bare verifier. */
@State(Scope.Benchmark)
public class CmsDetached {

    static final int SIZE = 5 * 1024 * 1024;
    private Samples samples;
    private byte[] content;
    private byte[] p7s;

    @Setup
    public void setup() throws Exception {
        samples = new Samples();
        content = Samples.text(SIZE);
        p7s = samples.cms(content, false);
        samples.requirePassed("CMS detached", content, p7s);
        Samples.requireTrue("CMS detached", Baseline.detached(content, p7s));
    }

    @Benchmark
    public VerificationReport kyso() {
        return samples.verify(content, p7s);
    }

    @Benchmark
    public boolean baseline() throws Exception {
        return Baseline.detached(content, p7s);
    }
}
