package io.iterdef.streams.collector.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a request body into records: NDJSON (one record per line, CR LF or LF, blank lines skipped), or a whole
 * XML document as one record. Every record is checked against the limit before anything is sent, so a request
 * is taken whole or refused whole.
 */
final class RequestRecords {
    private RequestRecords() {
    }

    static final class OversizedRecordException extends Exception {
        OversizedRecordException(String message) {
            super(message);
        }
    }

    static List<byte[]> ndjson(byte[] body, int maxRecordBytes) throws OversizedRecordException {
        List<byte[]> records = new ArrayList<>();
        int start = 0;
        int line = 1;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                add(records, body, start, i, maxRecordBytes, "line " + line);
                start = i + 1;
                line++;
            }
        }
        return records;
    }

    static List<byte[]> xml(byte[] body, int maxRecordBytes) throws OversizedRecordException {
        List<byte[]> records = new ArrayList<>(1);
        add(records, body, 0, body.length, maxRecordBytes, "the XML document");
        return records;
    }

    private static void add(List<byte[]> records, byte[] body, int from, int to, int max, String what)
            throws OversizedRecordException {
        while (from < to && isSpace(body[from])) {
            from++;
        }
        while (to > from && isSpace(body[to - 1])) {
            to--;
        }
        if (to == from) {
            return;
        }
        if (to - from > max) {
            throw new OversizedRecordException(what + " is " + (to - from) + " bytes, over the record limit of " + max
                    + " bytes (ITERDEF_COLLECTOR_MAX_RECORD_BYTES); nothing of this request was accepted");
        }
        records.add(Arrays.copyOfRange(body, from, to));
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
