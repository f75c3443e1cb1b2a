package org.selfdata.cli;

import java.io.PrintStream;
import java.util.Locale;

/** Shows how far long work has gone, on a terminal; says nothing anywhere else. */
sealed interface Progress extends AutoCloseable {
    void advanceTo(long done);

    @Override
    void close();

    final class Silent implements Progress {
        @Override
        public void advanceTo(long done) {}

        @Override
        public void close() {}
    }

    /** A one-line bar redrawn in place at most ten times a second. */
    final class Bar implements Progress {
        private static final int WIDTH = 30;

        private final PrintStream err;
        private final String label;
        private final long total;
        private long lastDrawn;

        Bar(PrintStream err, String label, long total) {
            this.err = err;
            this.label = label;
            this.total = Math.max(total, 1);
        }

        @Override
        public void advanceTo(long done) {
            long now = System.nanoTime();
            if (now - lastDrawn < 100_000_000L) {
                return;
            }
            lastDrawn = now;
            draw(done);
        }

        private void draw(long done) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            err.printf(Locale.ROOT, "\r%-28s [%s%s] %3d%%", shorten(label), "#".repeat(filled), " ".repeat(WIDTH - filled),
                    Math.min(100, 100 * done / total));
            err.flush();
        }

        @Override
        public void close() {
            draw(total);
            err.print("\r" + " ".repeat(70) + "\r");
            err.flush();
        }

        private static String shorten(String text) {
            return text.length() <= 28 ? text : "…" + text.substring(text.length() - 27);
        }
    }
}
