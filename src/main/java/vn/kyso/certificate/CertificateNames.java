package vn.kyso.certificate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The name index of V14 and V15: a certificate's folded name from each of its words to the end,
 * with the certificate's expiry, so that a search is a range of one B-tree (up to {@link #end})
 * already in the order a page shows. Written in the transaction that stores the certificate; names
 * and expiry are never changed afterwards.
 */
@Component
public class CertificateNames {

    private static final String INSERT = "INSERT INTO certificate_name_entry (words, not_after, certificate_id)"
            + " SELECT ?, not_after, id FROM certificate";

    private final JdbcTemplate jdbc;

    CertificateNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** "nguyen van an" gives "nguyen van an", "van an", "an". */
    public static Set<String> suffixes(String searchKey) {
        Set<String> out = new LinkedHashSet<>();
        if (searchKey == null || searchKey.isEmpty()) {
            return out;
        }
        int from = 0;
        while (true) {
            out.add(searchKey.substring(from));
            int space = searchKey.indexOf(' ', from);
            if (space < 0) {
                return out;
            }
            from = space + 1;
        }
    }

    public void index(long certificateId, String searchKey) {
        List<Object[]> rows = new ArrayList<>();
        suffixes(searchKey).forEach(words -> rows.add(new Object[] {words, certificateId}));
        jdbc.batchUpdate(INSERT + " WHERE id = ?", rows);
    }

    /** For certificates written in bulk, found by serial: each row is {serial, searchKey}. */
    public void indexBySerial(List<Object[]> serialAndKey) {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : serialAndKey) {
            suffixes((String) row[1]).forEach(words -> rows.add(new Object[] {words, row[0]}));
        }
        jdbc.batchUpdate(INSERT + " WHERE serial = ?", rows);
    }

    /** The half-open range [needle, end) of words that start with {@code needle}. */
    static String end(String needle) {
        int last = needle.codePointBefore(needle.length());
        return needle.substring(0, needle.length() - Character.charCount(last)) + Character.toString(last + 1);
    }
}
