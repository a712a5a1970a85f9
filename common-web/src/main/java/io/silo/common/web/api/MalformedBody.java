package io.silo.common.web.api;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;

/** How a body that is not the JSON an endpoint expects is explained to the client. */
final class MalformedBody {

    private MalformedBody() {
    }

    static String describe(JsonbException exception) {
        JsonParsingException parsing = UnexpectedExceptionMapper.causeOf(exception, JsonParsingException.class);
        if (parsing != null && parsing.getLocation() != null) {
            return "Malformed JSON body at line " + parsing.getLocation().getLineNumber()
                    + ", column " + parsing.getLocation().getColumnNumber();
        }
        return "The body is not the JSON object this endpoint expects";
    }
}
