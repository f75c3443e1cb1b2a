package org.selfdata.demo;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The files written for the demo person, in the order they were written. */
public record DemoFiles(List<DemoFile> files) {
    public DemoFiles {
        files = List.copyOf(requireNonNull(files, "files is null"));
    }

    public DemoFile file(String format) {
        return files.stream().filter(file -> file.format().equals(format)).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND, "the demo writes no " + format + " file"));
    }
}
