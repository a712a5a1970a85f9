package io.silo.control.token.api;

import io.silo.common.web.ApiException;

/** A token's id as the path names it: anything but a number names no token (404). */
final class TokenIds {

    private TokenIds() {
    }

    static long parse(String tokenId) {
        try {
            return Long.parseLong(tokenId);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No such token");
        }
    }
}
