package io.proxyherd.flood;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Function;

/**
 * A read-only list of {@code source}'s elements as {@code mapping} gives them, each made when asked for and
 * not kept: for the lists of every known client, which need not be in memory whole at once.
 */
final class MappedView<T, R> extends AbstractList<R> {

    private final List<T> source;
    private final Function<T, R> mapping;

    MappedView(List<T> source, Function<T, R> mapping) {
        this.source = source;
        this.mapping = mapping;
    }

    @Override
    public R get(int index) {
        return mapping.apply(source.get(index));
    }

    @Override
    public int size() {
        return source.size();
    }
}
