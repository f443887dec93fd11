package io.pactum.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The client side of a Server-Sent Events stream, parsed as the HTML standard says an EventSource
 * parses it: fields until a blank line, then the event is dispatched; an {@code id:} line sets the
 * last event id even when no event follows; comment lines (starting with {@code :}) are kept apart.
 * Reads on a thread of its own; {@link #close()} ends the connection.
 */
final class EventStream implements AutoCloseable {
    /** A dispatched event. */
    record Event(String type, String data, String lastEventId) {}

    private static final Event END = new Event("", "", "");

    final int status;
    final java.net.http.HttpHeaders headers;
    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private volatile String lastEventId = "";
    private volatile boolean ended;
    private final Thread reader;

    EventStream(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.headers = response.headers();
        this.body = response.body();
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String type = "";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        data.setLength(data.length() - 1); // the last line feed
                        events.add(new Event(type.isEmpty() ? "message" : type, data.toString(), lastEventId));
                    }
                    type = "";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "event" -> type = value;
                        case "data" -> data.append(value).append('\n');
                        case "id" -> lastEventId = value;
                        default -> { } // retry and unknown fields
                    }
                }
            }
        } catch (IOException e) {
            // closed by the test, or by the server
        } finally {
            ended = true;
            events.add(END);
        }
    }

    /** The next event, or null if none came within {@code timeout} or the stream ended. */
    @Nullable Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == END) {
                events.add(END);
                return null;
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id an EventSource would send as {@code Last-Event-ID} if it reconnected now. */
    String lastEventId() {
        return lastEventId;
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    /** Whether the server ended the stream. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
