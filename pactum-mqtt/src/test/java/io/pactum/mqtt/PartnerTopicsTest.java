package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.command.NewCommand;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.security.BearerTokens;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The partner namespace: who is a partner at CONNECT, which filters it may hold, what it may publish. */
class PartnerTopicsTest {
    private static final String ORG = "org-care";

    @Test
    void partnerLogin_isABearerTokenNamingTheUserName() {
        String token = BearerTokens.issue("client-1");
        assertThat(PartnerTopics.isPartnerLogin("client-1", token)).isTrue();
        assertThat(PartnerTopics.isPartnerLogin("client-2", token)).as("token of another client").isFalse();
        assertThat(PartnerTopics.isPartnerLogin(null, token)).isFalse();
        assertThat(PartnerTopics.isPartnerLogin("meter-1", "a-device-secret-of-some-length")).isFalse();
        assertThat(PartnerTopics.isPartnerLogin("meter-1", null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "partners/org-care/records, ",
            "partners/org-care/#, ",
            "partners/org-care/+, ",
            "partners/org-care/command-results/+, ",
            "partners/org-care/command-results/#, ",
            "partners/org-care/+/abc_-1, ",
            "partners/org-lab/records, FOREIGN_NAMESPACE",
            "devices/meter-1/commands, FOREIGN_NAMESPACE",
            "partners/+/records, WILDCARD",
            "partners/#, WILDCARD",
            "#, WILDCARD",
            "+/org-care/records, WILDCARD",
            "$SYS/#, SYSTEM_TOPIC",
            "$share/g/partners/org-care/records, SHARED_SUBSCRIPTION",
            "partners/org-care/rec#, INVALID_FILTER",
            "partners/org-care/#/x, INVALID_FILTER",
            "partners/org-care/commands/abc, NOT_A_PARTNER_TOPIC",
            "partners/org-care/records/x, NOT_A_PARTNER_TOPIC",
            "partners/org-care/command-results, NOT_A_PARTNER_TOPIC",
            "weather/today, NOT_A_PARTNER_TOPIC"})
    void subscriptionRefusal_namesTheKindOfFilter(String filter, TopicRefusal expected) {
        assertThat(PartnerTopics.subscriptionRefusal(ORG, filter).orElse(null)).isEqualTo(expected);
    }

    @Test
    void commandTopic_namesAWellFormedPseudonymOfItsOwnOrganisation() {
        assertThat(PartnerTopics.commandPseudonym(ORG, "partners/org-care/commands/XsEcGJQqcqEgLkYBpnSZPw"))
                .contains("XsEcGJQqcqEgLkYBpnSZPw");
        assertThat(PartnerTopics.commandPseudonym(ORG, "partners/org-lab/commands/abc")).isEmpty();
        assertThat(PartnerTopics.commandPseudonym(ORG, "partners/org-care/commands/a/b")).isEmpty();
        assertThat(PartnerTopics.commandPseudonym(ORG, "partners/org-care/commands/")).isEmpty();
        assertThat(PartnerTopics.commandPseudonym(ORG, "partners/org-care/records")).isEmpty();
    }

    @Test
    void matches_followsMqttWildcardRules() {
        assertThat(PartnerTopics.matches("a/+/c", "a/b/c")).isTrue();
        assertThat(PartnerTopics.matches("a/+", "a/b/c")).isFalse();
        assertThat(PartnerTopics.matches("a/#", "a")).as("# covers its parent").isTrue();
        assertThat(PartnerTopics.matches("a/#", "a/b/c")).isTrue();
        assertThat(PartnerTopics.matches("a/b", "a/b/c")).isFalse();
        assertThat(PartnerTopics.matches("a/b/c", "a/b")).isFalse();
    }

    @Test
    void command_isANameWithOptionalParameters() {
        NewCommand command = PartnerCommandHandler.parseCommand(bytes("{\"name\":\"set-point\",\"parameters\":{\"target\":6.5}}"));
        assertThat(command.name()).isEqualTo("set-point");
        assertThat(command.parameters().get("target").asDouble()).isEqualTo(6.5);
        assertThat(PartnerCommandHandler.parseCommand(bytes("{\"name\":\"reboot\"}")).parameters().isEmpty()).isTrue();
        for (String bad : new String[] {"", "{not json", "[]", "{\"parameters\":{}}", "{\"name\":7}",
                "{\"name\":\"x\",\"parameters\":[1]}", "{\"name\":\"x\",\"extra\":1}", "{\"name\":\"no spaces\"}"}) {
            assertThatThrownBy(() -> PartnerCommandHandler.parseCommand(bytes(bad))).as(bad)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
