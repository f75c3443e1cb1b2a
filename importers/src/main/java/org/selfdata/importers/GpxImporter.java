package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * GPS Exchange Format files, versions 1.0 and 1.1, as GPS loggers, sports watches and route planners write them.
 * See {@link GpxPoints} for what becomes a record.
 *
 * <p>Read with the JDK's StAX parser, locked down: no document type declaration is read and no external entity
 * is fetched, since a GPX file never needs either and both are ways to attack an XML parser.
 *
 * <p>Bytes are decoded here rather than by the parser: UTF-16 when a byte-order mark says so, otherwise UTF-8
 * wherever the bytes are valid UTF-8 and Windows-1252 elsewhere, whatever the XML declaration says (loggers declare
 * one encoding and write another), a UTF-8 byte-order mark dropped whether or not a declaration follows it. It also
 * keeps the JDK's parser from printing every encoding error to the standard error stream.
 */
public final class GpxImporter implements Importer {
    private static final Pattern ROOT = Pattern.compile("<(\\w+:)?gpx[\\s>/]");

    @Override
    public String format() {
        return "gpx";
    }

    @Override
    public Detection detect(Sniff sniff) {
        String head = sniff.headText().stripLeading();
        if (head.startsWith("<") && ROOT.matcher(head).find()) {
            return Detection.BY_CONTENT;
        }
        return sniff.nameEndsWith(".gpx") ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        return Opening.closingOnFailure(in, () -> {
            Reader text = decoded(in);
            XMLStreamReader reader = GpxPoints.guarded("line 1", () -> secureFactory().createXMLStreamReader(text));
            GpxPoints points = new GpxPoints(reader);
            String creator = points.enterRoot();
            SourceDescriptor source = SourceDescriptor.file(creator.isEmpty() ? "GPX" : creator, "GPX file");
            return new RecordFile(format(), source, points, () -> closeBoth(reader, text));
        });
    }

    private static Reader decoded(InputStream in) {
        BufferedInputStream buffered = new BufferedInputStream(in);
        try {
            buffered.mark(2);
            int first = buffered.read();
            int second = buffered.read();
            buffered.reset();
            boolean utf16 = first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE;
            return utf16 ? new InputStreamReader(buffered, StandardCharsets.UTF_16) : new Utf8OrCp1252Reader(buffered);
        }
        catch (IOException e) {
            throw InvalidInput.unreadable("line 1", e);
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static void closeBoth(XMLStreamReader reader, Reader in) throws Exception {
        try (in) {
            reader.close();
        }
        catch (XMLStreamException e) {
            // the stream underneath is closed all the same, which is what matters
        }
    }
}
