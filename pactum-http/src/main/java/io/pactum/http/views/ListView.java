package io.pactum.http.views;

import java.util.List;
import java.util.function.Function;

/** A list response; an object rather than a bare array, so that paging can be added without breaking clients. */
public record ListView<T>(List<T> items) {
    public static <D, V> ListView<V> of(List<D> domain, Function<D, V> view) {
        return new ListView<>(domain.stream().map(view).toList());
    }
}
