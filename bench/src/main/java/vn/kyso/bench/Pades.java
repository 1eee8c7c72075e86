package vn.kyso.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import vn.kyso.verify.VerificationReport;

/** Figure 3: a signed PDF of about 200 KB, one PAdES signature. */
@State(Scope.Benchmark)
public class Pades {

    static final int SIZE = 200 * 1024;
    private Samples samples;
    byte[] pdf;

    @Setup
    public void setup() throws Exception {
        samples = new Samples();
        pdf = samples.signedPdf(SIZE);
        samples.requirePassed("PAdES", pdf, null);
        Samples.requireTrue("PAdES", Baseline.pdf(pdf));
    }

    @Benchmark
    public VerificationReport kyso() {
        return samples.verify(pdf, null);
    }

    @Benchmark
    public boolean baseline() throws Exception {
        return Baseline.pdf(pdf);
    }
}
