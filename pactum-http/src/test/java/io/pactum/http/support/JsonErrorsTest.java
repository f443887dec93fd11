package io.pactum.http.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.ApprovalDecision;
import io.pactum.core.registry.NewApiClient;
import io.pactum.core.registry.NewDevice;
import io.pactum.core.registry.NewOrganisation;
import io.pactum.core.registry.NewProduct;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.http.views.OrganisationView;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Jackson's failures on request bodies become invalid-input errors that name the member by its JSON path. */
class JsonErrorsTest {
    private final ObjectMapper mapper = Json.mapper();

    @Test
    void malformedJson_saysWhere_withoutAField() {
        InvalidInputException e = failure("{\n  \"name\": \"x\",\n  oops\n}", NewOrganisation.class);

        assertThat(e.getMessage()).isEqualTo("malformed JSON at line 3, column 3");
        assertThat(e.field()).isEmpty();
    }

    @Test
    void brokenJsonInsideAMember_isMalformedJson_notAWrongTypeOfThatMember() {
        InvalidInputException e = failure("{\"name\": \"unterminated}", NewOrganisation.class);

        assertThat(e.getMessage()).startsWith("malformed JSON at line 1");
        assertThat(e.field()).isEmpty();
    }

    @Test
    void unknownMember_namesItsFullPath_andTheKnownOnes() {
        InvalidInputException e = failure(product("{\"name\": \"t\", \"type\": \"number\", \"category\": \"technical\", \"unitt\": \"K\"}"),
                NewProduct.class);

        assertThat(e.field()).hasValue("dataModel.fields[0].unitt");
        assertThat(e.getMessage()).contains("unknown member 'unitt'", "unit");
    }

    @Test
    void scalarCoercion_isRefused_inEveryDirection() {
        assertField(product("{\"name\": \"t\", \"type\": \"number\", \"category\": \"technical\", \"min\": \"5\"}"), NewProduct.class,
                "dataModel.fields[0].min");
        assertField("{\"name\": 1, \"role\": \"partner\"}", NewOrganisation.class, "name");
        assertField("{\"name\": 1.5, \"role\": \"partner\"}", NewOrganisation.class, "name");
        assertField("{\"name\": false, \"role\": \"partner\"}", NewOrganisation.class, "name");
        assertField("{\"name\": \"x\", \"role\": 0}", NewOrganisation.class, "role");
        assertField("{\"name\": \"x\", \"scopes\": \"read\"}", NewApiClient.class, "scopes");
        assertField("{\"name\": \"x\", \"scopes\": [\"read\"], \"expiresAt\": 1700000000}", NewApiClient.class, "expiresAt");
        assertField("{\"productId\": \"p\", \"id\": []}", NewDevice.class, "id");
        assertField("{\"name\": \"\", \"role\": \"\"}", NewOrganisation.class, "role");
    }

    @Test
    void integralNumber_isAcceptedWhereADecimalIsExpected() throws Exception {
        NewProduct product = mapper.readValue(product("{\"name\": \"t\", \"type\": \"number\", \"category\": \"technical\", \"min\": 5}"),
                NewProduct.class);
        assertThat(product.dataModel().fields().get(0).min()).isEqualTo(5.0);
    }

    @Test
    void recordRefusal_isPrefixedWithWhereTheRecordSits() {
        String third = "{\"name\": \"c\", \"type\": \"number\", \"category\": \"technical\", \"min\": 3, \"max\": 1}";
        InvalidInputException e = failure("{\"model\": \"m\", \"firmwareVersion\": \"1\", \"payloadFormat\": \"json\", \"dataModel\": "
                + "{\"fields\": [" + field("a") + ", " + field("b") + ", " + third + "]}}", NewProduct.class);

        assertThat(e.field()).hasValue("dataModel.fields[2].min");
        assertThat(e.getMessage()).contains("min must not be greater than max");
    }

    @Test
    void recordRefusal_atTheRoot_keepsItsField() {
        assertField("{\"role\": \"partner\"}", NewOrganisation.class, "name");
        assertField("{\"state\": null}", ApprovalDecision.class, "state");
    }

    @Test
    void invalidEnum_listsTheAllowedValuesInLowerCase() {
        InvalidInputException e = failure("{\"name\": \"x\", \"role\": \"king\"}", NewOrganisation.class);

        assertThat(e.field()).hasValue("role");
        assertThat(e.getMessage()).isEqualTo("role must be one of: operator, supplier, partner, researcher");
    }

    @Test
    void enumsAndInstants_areReadLeniently_inCaseOnly_andWrittenInLowerCase() throws Exception {
        NewApiClient client = mapper.readValue("{\"name\": \"x\", \"scopes\": [\"READ\", \"Admin\"], \"expiresAt\": \"2030-01-01T01:00:00+01:00\"}",
                NewApiClient.class);
        assertThat(client.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.ADMIN);
        assertThat(client.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));

        String json = mapper.writeValueAsString(new OrganisationView("o1", "Org", OrganisationRole.RESEARCHER,
                Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(json).isEqualTo("{\"id\":\"o1\",\"name\":\"Org\",\"role\":\"researcher\",\"createdAt\":\"2030-01-01T00:00:00Z\"}");
    }

    @Test
    void trailingContent_andDuplicateMembers_andNonObjects_areRefused() {
        assertThat(failure("{\"name\": \"x\", \"role\": \"partner\"} 1", NewOrganisation.class).getMessage())
                .isEqualTo("unexpected content after the JSON value");
        assertThat(failure("{\"name\": \"x\", \"name\": \"y\", \"role\": \"partner\"}", NewOrganisation.class).getMessage())
                .startsWith("duplicate member at line 1");
        assertThat(failure("[1]", NewOrganisation.class).getMessage()).isEqualTo("the body must be a JSON object");
        assertThat(failure("\"x\"", NewOrganisation.class).field()).isEmpty();
    }

    @Test
    void path_joinsNamesAndIndexes() {
        InvalidInputException e = failure("{\"name\": \"x\", \"scopes\": [\"read\", 7]}", NewApiClient.class);
        assertThat(e.field()).hasValue("scopes[1]");
    }

    private void assertField(String json, Class<?> type, @Nullable String field) {
        InvalidInputException e = failure(json, type);
        assertThat(e.field().orElse(null)).as("field for %s: %s", json, e.getMessage()).isEqualTo(field);
        assertThat(e.getMessage()).doesNotContain("com.fasterxml", "java.");
    }

    private InvalidInputException failure(String json, Class<?> type) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> mapper.readValue(json, type));
        assertThat(e).as("reading %s", json).isNotNull();
        return JsonErrors.toInvalidInput(e);
    }

    private static String field(String name) {
        return "{\"name\": \"" + name + "\", \"type\": \"number\", \"category\": \"technical\"}";
    }

    private static String product(String field) {
        return "{\"model\": \"m\", \"firmwareVersion\": \"1\", \"payloadFormat\": \"json\", \"dataModel\": {\"fields\": [" + field + "]}}";
    }
}
