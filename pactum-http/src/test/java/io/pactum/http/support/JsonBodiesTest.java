package io.pactum.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    @Test
    void jsonMediaTypes_areRecognised_withParametersAndInAnyCase() {
        assertThat(JsonBodies.isJson("application/json")).isTrue();
        assertThat(JsonBodies.isJson("Application/JSON; charset=utf-8")).isTrue();
        assertThat(JsonBodies.isJson("application/merge-patch+json")).isTrue();
    }

    @Test
    void otherMediaTypes_andNone_areNot() {
        assertThat(JsonBodies.isJson(null)).isFalse();
        assertThat(JsonBodies.isJson("text/plain")).isFalse();
        assertThat(JsonBodies.isJson("text/json")).isFalse();
        assertThat(JsonBodies.isJson("application/x-www-form-urlencoded")).isFalse();
        assertThat(JsonBodies.isJson("application/jsonp")).isFalse();
    }
}
