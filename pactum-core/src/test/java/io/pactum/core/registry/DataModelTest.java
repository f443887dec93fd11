package io.pactum.core.registry;

import static io.pactum.core.registry.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataModelTest {

    private static FieldSpec field(String name) {
        return new FieldSpec(name, FieldType.NUMBER, null, null, null, DataCategory.TECHNICAL);
    }

    private static List<FieldSpec> fields(int count) {
        return IntStream.range(0, count).mapToObj(i -> field("f" + i)).toList();
    }

    @Test
    void model_withDistinctFields_isAccepted_andLooksFieldsUpByName() {
        DataModel model = new DataModel(List.of(field("temperature"), field("humidity")));
        assertThat(model.fields()).extracting(FieldSpec::name).containsExactly("temperature", "humidity");
        assertThat(model.field("humidity")).contains(field("humidity"));
        assertThat(model.field("pressure")).isEmpty();
    }

    @Test
    void fields_null_isRejectedNamingFields() {
        assertRejectedOn("fields", () -> new DataModel(null));
    }

    @Test
    void fields_empty_isRejectedNamingFields() {
        assertRejectedOn("fields", () -> new DataModel(List.of()));
    }

    @Test
    void fields_atMaximumCount_areAccepted() {
        assertThat(new DataModel(fields(DataModel.MAX_FIELDS)).fields()).hasSize(DataModel.MAX_FIELDS);
    }

    @Test
    void fields_overMaximumCount_areRejectedNamingFields() {
        assertRejectedOn("fields", () -> new DataModel(fields(DataModel.MAX_FIELDS + 1)));
    }

    @Test
    void fields_withNullElement_isRejectedNamingItsIndex() {
        List<FieldSpec> withNull = Arrays.asList(field("a"), null, field("c"));
        assertRejectedOn("fields[1]", () -> new DataModel(withNull));
    }

    @Test
    void fields_withDuplicateName_isRejectedNamingTheSecondDeclaration() {
        List<FieldSpec> duplicated = List.of(field("a"), field("b"), field("a"));
        var e = assertRejectedOn("fields[2].name", () -> new DataModel(duplicated));
        assertThat(e.getMessage()).contains("'a'");
    }

    @Test
    void fields_differingOnlyInCase_areDistinct() {
        assertThat(new DataModel(List.of(field("temp"), field("Temp"))).fields()).hasSize(2);
    }

    @Test
    void fields_areCopied_soLaterChangesToTheCallersListDoNotLeakIn() {
        List<FieldSpec> source = new ArrayList<>(List.of(field("a")));
        DataModel model = new DataModel(source);
        source.add(field("b"));
        assertThat(model.fields()).extracting(FieldSpec::name).containsExactly("a");
        assertThatThrownBy(() -> model.fields().add(field("c"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
