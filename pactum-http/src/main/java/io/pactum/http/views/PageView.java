package io.pactum.http.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A page of a list, shaped like {@link ListView} plus where the next page starts: the {@code offset}
 * to ask for next, {@code null} on the last page.
 */
public record PageView<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer next) {
    /**
     * The page from {@code offset} of at most {@code limit} items, given up to one item more than
     * that: the extra one only tells that there is a next page.
     */
    public static <D, V> PageView<V> of(List<D> oneMore, int offset, int limit, Function<D, V> view) {
        boolean more = oneMore.size() > limit;
        return new PageView<>(oneMore.stream().limit(limit).map(view).toList(), more ? offset + limit : null);
    }
}
