package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.pactum.core.security.BearerTokens;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Tokens, device secrets, MAC keys and webhook secrets pass through the API but never reach a log line, at any level. */
class SecretsNeverLoggedIT {

    @Test
    void tokensSecretsAndKeys_handledByTheApi_neverAppearInLogs(@TempDir Path dataDir) throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        Map<Logger, Level> levels = new HashMap<>();
        for (Logger logger : List.of(logging.getLogger(Logger.ROOT_LOGGER_NAME), logging.getLogger("pactum.security"),
                logging.getLogger("io.pactum"))) {
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        try (TestHub hub = TestHub.withSharing(dataDir)) {
            Api api = hub.api;
            String op = hub.operatorToken;
            String org = api.post("/api/v1/organisations", op, "{\"name\": \"S\", \"role\": \"supplier\"}").text("/id");
            Api.Reply client = api.post("/api/v1/organisations/" + org + "/clients", op,
                    "{\"name\": \"c\", \"scopes\": [\"read\", \"write\"]}");
            String token = client.text("/token");
            String product = api.post("/api/v1/products", token, "{\"model\": \"m\", \"firmwareVersion\": \"1\", "
                    + "\"payloadFormat\": \"json\", \"dataModel\": {\"fields\": [{\"name\": \"t\", \"type\": \"number\", "
                    + "\"category\": \"technical\"}]}}").text("/id");
            api.put("/api/v1/products/" + product + "/approval", op, "{\"state\": \"approved\"}");
            String chosenSecret = "my-very-own-device-secret-42";
            Api.Reply device = api.post("/api/v1/devices", token,
                    "{\"productId\": \"" + product + "\", \"secret\": \"" + chosenSecret + "\"}");
            assertThat(device.status()).isEqualTo(201);
            String macKey = device.text("/macKey");
            // Failures that log: refused tokens, forbidden actions, bad bodies quoting the secret.
            api.get("/api/v1/me", token.substring(0, token.length() - 1) + "x");
            api.delete("/api/v1/clients/" + client.text("/client/id"), op);
            api.get("/api/v1/me", token);
            api.post("/api/v1/subjects", hub.operatorToken.replace("pct_", "pct_x"), "{}");
            api.post("/api/v1/devices", op, "{\"productId\": \"" + product + "\", \"secret\": \"" + chosenSecret + "\", \"bad\": 1}");
            String partner = api.post("/api/v1/organisations", op, "{\"name\": \"P\", \"role\": \"partner\"}").text("/id");
            String partnerToken = api.post("/api/v1/organisations/" + partner + "/clients", op,
                    "{\"name\": \"p\", \"scopes\": [\"read\", \"write\"]}").text("/token");
            Api.Reply webhook = api.post("/api/v1/webhooks", partnerToken, "{\"url\": \"https://hooks.example.org/p\"}");
            assertThat(webhook.status()).isEqualTo(201);
            String webhookSecret = webhook.text("/secret");
            api.post("/api/v1/webhooks", partnerToken, "{\"url\": \"https://hooks.example.org/p\", \"secret\": \"" + webhookSecret + "\"}");
            api.get("/api/v1/deliveries/stream?from=somewhere", partnerToken);

            assertThat(captured.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("authentication failed"))
                    .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("provisioned"));
            for (ILoggingEvent event : captured.list) {
                String line = event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
                assertThat(line).as("log line from %s", event.getLoggerName())
                        .doesNotContain(op, token, chosenSecret, macKey, partnerToken, webhookSecret)
                        .doesNotContain(secretPart(op), secretPart(token), secretPart(partnerToken));
            }
        } finally {
            logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
            levels.forEach(Logger::setLevel);
        }
    }

    /** The random part of a token; it may itself contain '_', so it is parsed, not split. */
    private static String secretPart(String token) {
        return BearerTokens.parse(token).orElseThrow().secret();
    }
}
