package io.pactum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** What one run of the packaged CLI printed and returned. */
record CommandResult(int exit, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode json() throws IOException {
        return JSON.readTree(out);
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
