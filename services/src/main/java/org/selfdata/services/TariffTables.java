package org.selfdata.services;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Where the services find the tariff table, read once rather than at each request: the table shipped with selfdata,
 * which never changes while it runs, or the operator's own file, read again when its modification time or size
 * changes, so that new tariffs apply without a restart. A file that cannot be read or parsed is refused at each
 * request, with the reason naming the line, until it is fixed; the services then say they cannot price anything and
 * the rest of their answer stands.
 */
public final class TariffTables {
    private static final Supplier<TariffTable> SHIPPED = new Once<>(TariffTable::standard);

    private TariffTables() {}

    /** The table shipped with selfdata, parsed on first use. */
    public static Supplier<TariffTable> shipped() {
        return SHIPPED;
    }

    /** The operator's file, or the shipped table when there is none. */
    public static Supplier<TariffTable> of(Optional<Path> file) {
        return file.<Supplier<TariffTable>>map(OperatorFile::new).orElse(SHIPPED);
    }

    /** The operator's file, read again when it changes. */
    private static final class OperatorFile implements Supplier<TariffTable> {
        private record Read(FileTime modified, long size, TariffTable table) {}

        private final Path file;
        private final AtomicReference<Read> latest = new AtomicReference<>();

        OperatorFile(Path file) {
            this.file = requireNonNull(file, "file is null");
        }

        @Override
        public TariffTable get() {
            FileTime modified;
            long size;
            try {
                modified = Files.getLastModifiedTime(file);
                size = Files.size(file);
            }
            catch (IOException e) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT,
                        Wording.of("error.services.tariffs.missing", file.toString()), e);
            }
            Read read = latest.get();
            if (read != null && read.modified().equals(modified) && read.size() == size) {
                return read.table();
            }
            TariffTable table = TariffTable.read(file);
            latest.set(new Read(modified, size, table));
            return table;
        }
    }
}
