package org.selfdata.intake;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What one import did, file by file, in the order the files were read. */
public record IntakeReport(List<FileReport> files) {
    public IntakeReport {
        files = List.copyOf(requireNonNull(files, "files is null"));
    }

    public List<FileReport.Imported> imported() {
        return files.stream().filter(FileReport.Imported.class::isInstance).map(FileReport.Imported.class::cast).toList();
    }

    public List<FileReport.Failed> failed() {
        return files.stream().filter(FileReport.Failed.class::isInstance).map(FileReport.Failed.class::cast).toList();
    }

    public List<FileReport.Unwritten> unwritten() {
        return files.stream().filter(FileReport.Unwritten.class::isInstance).map(FileReport.Unwritten.class::cast).toList();
    }

    public List<FileReport.NotRecognized> notRecognized() {
        return files.stream().filter(FileReport.NotRecognized.class::isInstance).map(FileReport.NotRecognized.class::cast)
                .toList();
    }

    /** The records quarantined across every batch, for a summary line. */
    public long rejected() {
        return imported().stream().mapToLong(file -> file.batch().rejected()).sum();
    }
}
