package vn.kyso.bench.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A small HTTP/1.1 load generator over loopback: pre-encoded requests on kept-alive sockets, one
 * thread per connection, so the client costs little next to the server it shares two cores with.
 * Closed loop (each connection sends as soon as its last answer came) for the most a server
 * gives; open loop (requests due at a fixed rate, latency counted from when each was due, not
 * from when it could be sent) for latency at a given load without coordinated omission.
 */
public final class Load {

    /** One request, encoded once. */
    public record Request(byte[] bytes) {
    }

    public record Result(String what, long requests, long errors, double seconds, long[] sortedNanos,
            String firstError) {

        public double perSecond() {
            return requests / seconds;
        }

        public double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d requests in %.1f s = %.0f/s, p50 %.2f ms, p99 %.2f ms, %d errors%s",
                    what, requests, seconds, perSecond(), percentileMillis(50), percentileMillis(99), errors,
                    firstError == null ? "" : " (first: " + firstError + ")");
        }
    }

    private final String host;
    private final int port;
    private final int expectedStatus;

    public Load(String host, int port, int expectedStatus) {
        this.host = host;
        this.port = port;
        this.expectedStatus = expectedStatus;
    }

    public static Request get(String host, String path, String basicAuth) {
        return get(host, path, basicAuth, "*/*");
    }

    public static Request get(String host, String path, String basicAuth, String accept) {
        return new Request(head("GET", host, path, basicAuth, null, -1).replace("Accept: */*", "Accept: " + accept)
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Request post(String host, String path, String basicAuth, String contentType, byte[] body) {
        byte[] head = head("POST", host, path, basicAuth, contentType, body.length).getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return new Request(all);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String head(String method, String host, String path, String auth, String type, int length) {
        StringBuilder h = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nAccept: */*\r\n");
        if (auth != null) {
            h.append("Authorization: ").append(auth).append("\r\n");
        }
        if (type != null) {
            h.append("Content-Type: ").append(type).append("\r\n");
        }
        if (length >= 0) {
            h.append("Content-Length: ").append(length).append("\r\n");
        }
        return h.append("\r\n").toString();
    }

    /** As many as {@code connections} connections sending back to back give, for {@code seconds}. */
    public Result closed(String what, IntFunction<Request> requests, int connections, double warmup, double seconds)
            throws InterruptedException {
        return run(what, requests, connections, warmup, seconds, 0);
    }

    /** {@code rate} requests per second, spread over {@code connections} connections. */
    public Result open(String what, IntFunction<Request> requests, int connections, double rate, double warmup,
            double seconds) throws InterruptedException {
        return run(what, requests, connections, warmup, seconds, rate);
    }

    /** One request on a fresh connection; the answer's status and body. */
    public Answer once(Request request) throws IOException {
        try (Connection c = new Connection()) {
            return c.exchange(request);
        }
    }

    public record Answer(int status, byte[] body, boolean close) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The requests one after another on one connection, as one person clicking would; latency of each. */
    public Result sequence(String what, List<Request> requests) throws IOException {
        long[] nanos = new long[requests.size()];
        long errors = 0;
        String firstError = null;
        long start = System.nanoTime();
        Connection c = new Connection();
        try {
            for (int i = 0; i < requests.size(); i++) {
                long t0 = System.nanoTime();
                Answer a = c.exchange(requests.get(i));
                nanos[i] = System.nanoTime() - t0;
                if (a.status() != expectedStatus) {
                    errors++;
                    if (firstError == null) {
                        String text = a.text();
                        firstError = "HTTP " + a.status() + ": " + text.substring(0, Math.min(300, text.length()));
                    }
                }
                if (a.close()) {
                    c.close();
                    c = new Connection();
                }
            }
        } finally {
            c.close();
        }
        Arrays.sort(nanos);
        return new Result(what, requests.size(), errors, (System.nanoTime() - start) / 1e9, nanos, firstError);
    }

    private Result run(String what, IntFunction<Request> requests, int connections, double warmup, double seconds,
            double rate) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        AtomicLong ticket = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[connections];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            int worker = w;
            long[][] mine = {new long[1024]};
            Thread t = new Thread(() -> {
                Connection c = null;
                int n = 0;
                try {
                    while (true) {
                        long k = ticket.getAndIncrement();
                        long due = rate > 0 ? start + (long) (k * 1e9 / rate) : System.nanoTime();
                        if (due >= end) {
                            break;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        int status;
                        String problem = null;
                        try {
                            if (c == null) {
                                c = new Connection();
                            }
                            Answer a = c.exchange(requests.apply((int) k));
                            status = a.status();
                            if (a.close()) {
                                c.close();
                                c = null;
                            }
                            if (status != expectedStatus) {
                                problem = "HTTP " + status + ": " + new String(a.body(), 0,
                                        Math.min(300, a.body().length), StandardCharsets.UTF_8);
                            }
                        } catch (IOException e) {
                            problem = e.toString();
                            if (c != null) {
                                c.close();
                                c = null;
                            }
                        }
                        long done = System.nanoTime();
                        if (due >= measureFrom) {
                            if (problem != null) {
                                errors.incrementAndGet();
                                synchronized (firstError) {
                                    if (firstError[0] == null) {
                                        firstError[0] = problem;
                                    }
                                }
                            } else {
                                if (n == mine[0].length) {
                                    mine[0] = Arrays.copyOf(mine[0], n * 2);
                                }
                                mine[0][n++] = done - due;
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (c != null) {
                        c.close();
                    }
                    counts[worker] = n;
                    synchronized (latencies) {
                        latencies.add(Arrays.copyOf(mine[0], n));
                    }
                }
            }, "load-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        // what counts is what was due inside the window, so the window is exactly {@code seconds}
        return new Result(what, all.length, errors.get(), seconds,
                all, firstError[0]);
    }

    /** One kept-alive connection; reads exactly one answer per request (Content-Length or chunked). */
    private final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        Answer exchange(Request request) throws IOException {
            out.write(request.bytes());
            out.flush();
            String status = line();
            if (status == null) {
                throw new IOException("connection closed before an answer");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            // HTTP/1.0 (openssl's responder) closes after each answer unless it says otherwise
            boolean close = status.startsWith("HTTP/1.0");
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:")) {
                    close = lower.contains("close") || close && !lower.contains("keep-alive");
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are ignored
                }
            } else if (length >= 0) {
                body.write(in.readNBytes((int) length));
            } else {
                body.write(in.readAllBytes());
                close = true;
            }
            return new Answer(code, body.toByteArray(), close);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    int len = s.length();
                    return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
                }
                s.append((char) b);
            }
            return s.length() == 0 ? null : s.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}
