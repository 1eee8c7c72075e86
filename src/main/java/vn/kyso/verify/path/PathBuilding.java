package vn.kyso.verify.path;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every chain from a target to one of the anchors through the untrusted candidates, shortest
 * first. Only anchors end a chain, so a self-signed certificate among the candidates is just
 * another intermediate that leads nowhere.
 */
final class PathBuilding {

    /** A chain: target first, the certificate the anchor signed last; the anchor apart. */
    record Candidate(List<X509Certificate> certificates, TrustAnchor anchor) {
    }

    // Bounds that keep a hostile bundle of cross-certificates from exploding the search.
    private static final int MAX_DEPTH = 12;
    private static final int MAX_PATHS = 32;
    private static final int MAX_STEPS = 5_000;

    private final Collection<X509Certificate> pool;
    private final Set<TrustAnchor> anchors;
    private final List<Candidate> found = new ArrayList<>();
    private int steps;

    private PathBuilding(Collection<X509Certificate> untrusted, Set<TrustAnchor> anchors) {
        this.pool = new LinkedHashSet<>(untrusted);
        this.anchors = anchors;
    }

    static List<Candidate> candidates(X509Certificate target, Collection<X509Certificate> untrusted,
            Set<TrustAnchor> anchors) {
        PathBuilding building = new PathBuilding(untrusted == null ? List.of() : untrusted, anchors);
        List<X509Certificate> path = new ArrayList<>();
        path.add(target);
        building.extend(path);
        building.found.sort(Comparator.comparingInt(c -> c.certificates().size()));
        return building.found;
    }

    private void extend(List<X509Certificate> path) {
        if (found.size() >= MAX_PATHS || ++steps > MAX_STEPS) {
            return;
        }
        X509Certificate last = path.get(path.size() - 1);
        for (TrustAnchor anchor : anchors) {
            if (anchor.getTrustedCert() != null && anchor.getTrustedCert().equals(last)) {
                continue;
            }
            if (Certs.mayIssue(last, Certs.subject(anchor), Certs.key(anchor), anchor.getTrustedCert())) {
                found.add(new Candidate(List.copyOf(path), anchor));
            }
        }
        if (path.size() >= MAX_DEPTH) {
            return;
        }
        for (X509Certificate next : pool) {
            if (path.contains(next) || isAnchor(next)
                    || !Certs.mayIssue(last, next.getSubjectX500Principal(), next.getPublicKey(), next)) {
                continue;
            }
            path.add(next);
            extend(path);
            path.remove(path.size() - 1);
        }
    }

    private boolean isAnchor(X509Certificate certificate) {
        for (TrustAnchor anchor : anchors) {
            if (certificate.equals(anchor.getTrustedCert())) {
                return true;
            }
        }
        return false;
    }
}
