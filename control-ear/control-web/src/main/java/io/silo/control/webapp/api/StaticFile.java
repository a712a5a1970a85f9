package io.silo.control.webapp.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** One file of the web app as it is sent: its bytes, content type and an ETag made from its content. */
record StaticFile(byte[] bytes, String contentType, String etag) {

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "html", "text/html; charset=utf-8", "svg", "image/svg+xml",
            "json", "application/json", "woff2", "font/woff2", "png", "image/png", "ico", "image/x-icon");

    static StaticFile of(String name, byte[] bytes, String containerType) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.getOrDefault(extension, containerType == null ? "application/octet-stream" : containerType);
        return new StaticFile(bytes, type, "\"" + sha256(bytes).substring(0, 32) + "\"");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
