package org.selfdata.services;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A table shipped with selfdata, read on first use and kept: it is a resource of the running code, so it cannot change
 * while it runs, and reading it again for every request would parse the same file each time. A read that fails is not
 * kept, so each use says why.
 */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> read;
    private final AtomicReference<T> kept = new AtomicReference<>();

    Once(Supplier<T> read) {
        this.read = requireNonNull(read, "read is null");
    }

    @Override
    public T get() {
        T value = kept.get();
        if (value == null) {
            value = read.get();
            kept.compareAndSet(null, value);
        }
        return value;
    }
}
