package io.silo.region.ingest.service;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import io.silo.common.web.ApiException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads an ingestion request body: refused with 413 by its declared length before reading, or as soon as the
 * bytes read (as sent, then after gzip, deflate or Brotli decoding) pass the limits, so no request makes the server
 * read or inflate more than the limits allow. A body that is not valid data of its encoding is 400.
 */
public final class IngestBody {

    private IngestBody() {
    }

    public static byte[] read(InputStream sent, String contentEncoding, long declaredLength, IngestLimits limits) {
        if (declaredLength > limits.maxBodyBytes()) {
            throw tooLarge("The request body is " + declaredLength + " bytes, more than the limit of "
                    + limits.maxBodyBytes());
        }
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] raw = readAtMost(sent, limits.maxBodyBytes(), "The request body is larger than the limit of "
                    + limits.maxBodyBytes() + " bytes");
            return switch (encoding) {
                case "", "identity" -> raw;
                case "gzip", "x-gzip" -> readAtMost(new GZIPInputStream(new java.io.ByteArrayInputStream(raw)),
                        limits.maxDecompressedBytes(), decompressedTooLarge(limits));
                case "deflate" -> inflate(raw, limits);
                case "br" -> readAtMost(brotli(raw), limits.maxDecompressedBytes(), decompressedTooLarge(limits));
                default -> throw new ApiException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported Content-Encoding \"" + contentEncoding + "\": send gzip, deflate, br or none");
            };
        } catch (ZipException | java.io.EOFException e) {
            throw ApiException.badRequest("The body is not valid " + encoding + " data: " + e.getMessage());
        } catch (IOException e) {
            // the Brotli decoder says no more than that it failed: any error of a br body is its data's
            throw ApiException.badRequest(encoding.equals("br") ? "The body is not valid br (Brotli) data"
                    : "The request body could not be read: " + e.getMessage());
        }
    }

    /** Brotli, decoded by Brotli's own library (its native code, loaded once per class loader). */
    private static InputStream brotli(byte[] raw) throws IOException {
        try {
            Brotli4jLoader.ensureAvailability();
        } catch (UnsatisfiedLinkError e) {
            throw new ApiException(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding br cannot be decoded on"
                    + " this server (no Brotli library for its platform): send gzip, deflate or none");
        }
        return new BrotliInputStream(new java.io.ByteArrayInputStream(raw));
    }

    /** HTTP's deflate is zlib-wrapped; some clients send raw deflate, which is accepted too. */
    private static byte[] inflate(byte[] raw, IngestLimits limits) throws IOException {
        boolean zlib = raw.length >= 2 && (raw[0] & 0x0f) == 8 && ((raw[0] & 0xff) << 8 | (raw[1] & 0xff)) % 31 == 0;
        return readAtMost(new InflaterInputStream(new java.io.ByteArrayInputStream(raw), new Inflater(!zlib)),
                limits.maxDecompressedBytes(), decompressedTooLarge(limits));
    }

    private static String decompressedTooLarge(IngestLimits limits) {
        return "The decompressed request body is larger than the limit of " + limits.maxDecompressedBytes() + " bytes";
    }

    private static byte[] readAtMost(InputStream in, long limit, String problem) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            if (total > limit) {
                throw tooLarge(problem);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(String detail) {
        return new ApiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, detail);
    }
}
