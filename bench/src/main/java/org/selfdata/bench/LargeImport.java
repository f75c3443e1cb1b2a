package org.selfdata.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.PersonId;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The child process of {@link LargeImportBenchmark}: imports one file of a known number of points into a new vault
 * and prints, one figure a line, how many points it imported, in how many seconds, and the heap left after garbage
 * collections (the live data) during the first tenth of the points and over the whole file.
 */
public final class LargeImport {
    private LargeImport() {}

    public static void main(String[] arguments) throws Exception {
        Path file = Path.of(arguments[0]);
        Path folder = Path.of(arguments[1]);
        long expected = Long.parseLong(arguments[2]);
        AtomicLong points = new AtomicLong();
        AtomicLong firstTenth = new AtomicLong();
        AtomicLong peak = new AtomicLong();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
                peak.accumulateAndGet(used, Math::max);
                if (points.get() < expected / 10) {
                    firstTenth.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        VaultLocation location = VaultLocation.sqlite(folder);
        long started = System.nanoTime();
        try (Vault vault = Vault.create(location, KeySource.keyFile(location.folder().resolve(VaultLocation.KEY_FILE)))) {
            PersonId person = vault.people().create("large", ZoneId.of("Europe/Paris")).id();
            ImportBatch batch = ImportBenchmark.importFile(vault, person, file, draft -> points.incrementAndGet());
            double seconds = (System.nanoTime() - started) / 1e9;
            long used = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
            System.out.println("points " + batch.added());
            System.out.println("seconds " + seconds);
            System.out.println("firstTenth " + firstTenth.get());
            System.out.println("peak " + peak.get());
            System.out.println("used " + used);
        }
    }
}
