package vn.kyso.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;

import vn.kyso.common.ApiException;

/**
 * A spreadsheet or CSV file read into rows of named values. The header row is found by its
 * headers, so title rows above it do not matter; merged cells give their value to every cell they
 * cover; blank rows are dropped (their numbers are not reused); values are trimmed.
 */
record Table(String encoding, List<Line> lines, List<String> ignoredHeaders) {

    /** A data row: its number as the file shows it, and its values by column id (absent when blank). */
    record Line(int number, Map<String, String> values) {
        String get(String column) {
            return values.get(column);
        }

        boolean has(String column) {
            return values.containsKey(column);
        }
    }

    /** The header must be within the first rows of a file. */
    private static final int HEADER_SEARCH = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static {
        // An .xlsx is a zip: bound what one entry may inflate to, and how far it may inflate
        ZipSecureFile.setMinInflateRatio(0.005);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
    }

    static boolean isXlsx(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static Table read(byte[] bytes, Layout layout, int maxRows) {
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11) {
            throw ApiException.badField("file", "imports.error.oldExcel");
        }
        List<RawRow> raw = isXlsx(bytes) ? xlsx(bytes, maxRows) : null;
        String encoding = "xlsx";
        if (raw == null) {
            LegacyText.Decoded text = LegacyText.decode(bytes);
            encoding = text.encoding();
            raw = csv(text.text(), maxRows);
        }
        return build(raw, layout, encoding, maxRows);
    }

    private record RawRow(int number, List<String> cells) {
    }

    private static Table build(List<RawRow> raw, Layout layout, String encoding, int maxRows) {
        int headerIndex = -1;
        int bestMatches = 0;
        for (int i = 0; i < Math.min(raw.size(), HEADER_SEARCH); i++) {
            int matches = (int) raw.get(i).cells().stream().filter(c -> layout.match(c).isPresent()).distinct()
                    .count();
            if (matches > bestMatches) {
                bestMatches = matches;
                headerIndex = i;
            }
        }
        if (headerIndex < 0) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "imports.error.noHeader", "file",
                    String.join(", ", required(layout)));
        }
        List<String> header = raw.get(headerIndex).cells();
        Map<Integer, String> columnAt = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (h == null || h.isBlank()) {
                continue;
            }
            var column = layout.match(h);
            if (column.isPresent() && !columnAt.containsValue(column.get().id())) {
                columnAt.put(c, column.get().id());
            } else {
                ignored.add(h.strip());
            }
        }
        List<String> missing = required(layout).stream().filter(id -> !columnAt.containsValue(id)).toList();
        if (!missing.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "imports.error.missingColumns", "file",
                    String.join(", ", missing), raw.get(headerIndex).number());
        }
        List<Line> lines = new ArrayList<>();
        for (int i = headerIndex + 1; i < raw.size(); i++) {
            RawRow row = raw.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            for (var entry : columnAt.entrySet()) {
                String value = entry.getKey() < row.cells().size() ? row.cells().get(entry.getKey()) : null;
                value = value == null ? null : value.strip();
                if (value != null && !value.isEmpty()) {
                    values.put(entry.getValue(), pad(layout, entry.getValue(), value));
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            lines.add(new Line(row.number(), values));
            if (lines.size() > maxRows) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "imports.error.tooManyRows", "file", maxRows);
            }
        }
        return new Table(encoding, lines, ignored);
    }

    private static String pad(Layout layout, String column, String value) {
        if (!value.startsWith(NUMERIC_MARK)) {
            return value;
        }
        String number = value.substring(NUMERIC_MARK.length());
        for (Layout.Column c : layout.columns()) {
            if (c.id().equals(column) && c.digits() > 0 && number.length() < c.digits()
                    && number.chars().allMatch(Character::isDigit)) {
                return "0".repeat(c.digits() - number.length()) + number;
            }
        }
        return number;
    }

    /** Set on a cell that was a number in the spreadsheet, so only those get their zeros back. */
    private static final String NUMERIC_MARK = "\u0000";

    private static List<String> required(Layout layout) {
        return layout.columns().stream().filter(Layout.Column::required).map(Layout.Column::id).toList();
    }

    private static List<RawRow> csv(String text, int maxRows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        List<RawRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            long line = 1;
            for (CSVRecord record : parser) {
                rows.add(new RawRow((int) line, record.toList()));
                line = parser.getCurrentLineNumber() + 1;
                if (rows.size() > maxRows + HEADER_SEARCH + 1000) {
                    throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "imports.error.tooManyRows", "file", maxRows);
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw ApiException.badField("file", "imports.error.badCsv", e.getMessage());
        }
        return rows;
    }

    /** Comma, semicolon (Excel with Vietnamese regional settings) or tab: whichever the first lines use most. */
    private static char delimiter(String text) {
        String head = text.lines().limit(5).reduce("", (a, b) -> a + "\n" + b);
        char best = ',';
        long most = -1;
        for (char c : new char[] {',', ';', '\t'}) {
            long n = head.chars().filter(ch -> ch == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    private static List<RawRow> xlsx(byte[] bytes, int maxRows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ApiException.badField("file", "imports.error.emptyWorkbook");
            }
            Sheet sheet = workbook.getSheetAt(workbook.getFirstVisibleTab());
            if (sheet.getLastRowNum() > maxRows + HEADER_SEARCH + 1000) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "imports.error.tooManyRows", "file", maxRows);
            }
            Map<Long, String> merged = new HashMap<>();
            int widest = 0;
            for (CellRangeAddress region : sheet.getMergedRegions()) {
                widest = Math.max(widest, region.getLastColumn() + 1);
                Row first = sheet.getRow(region.getFirstRow());
                String value = first == null ? null : text(first.getCell(region.getFirstColumn()), false);
                if (value == null || (long) region.getNumberOfCells() > 100_000) {
                    continue;
                }
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                        merged.put(((long) r << 20) | c, value);
                    }
                }
            }
            List<RawRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                // a merged cell may cover columns this row never had a cell in
                int last = Math.min(Math.max(row.getLastCellNum(), widest), 200);
                for (int c = 0; c < last; c++) {
                    String value = text(row.getCell(c), true);
                    if (value == null || value.isEmpty()) {
                        value = merged.get(((long) row.getRowNum() << 20) | c);
                    }
                    cells.add(value);
                }
                rows.add(new RawRow(row.getRowNum() + 1, cells));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badField("file", "imports.error.badXlsx", String.valueOf(e.getMessage()));
        }
    }

    /**
     * A cell as text. Dates become dd/MM/yyyy. Numbers are written out in full (no "1.2E+11", no
     * ".0"), and marked, so that a personal ID that Excel stored as a number gets its zeros back.
     */
    private static String text(Cell cell, boolean markNumbers) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDate day = cell.getLocalDateTimeCellValue().toLocalDate();
                    yield DAY.format(day);
                }
                String plain = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                yield markNumbers ? NUMERIC_MARK + plain : plain;
            }
            default -> null;
        };
    }
}
