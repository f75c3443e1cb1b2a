package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * GPS Exchange Format files, versions 1.0 and 1.1, as GPS loggers, sports watches and route planners write them.
 * See {@link GpxPoints} for what becomes a record.
 *
 * <p>Read with the JDK's StAX parser, locked down: no document type declaration is read and no external entity
 * is fetched, since a GPX file never needs either and both are ways to attack an XML parser. The encoding is
 * detected by the parser (a UTF-8 byte-order mark with no XML declaration included).
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
            XMLStreamReader reader = GpxPoints.guarded("line 1", () -> secureFactory().createXMLStreamReader(in));
            GpxPoints points = new GpxPoints(reader);
            String creator = points.enterRoot();
            SourceDescriptor source = SourceDescriptor.file(creator.isEmpty() ? "GPX" : creator, "GPX file");
            return new RecordFile(format(), source, points, () -> closeBoth(reader, in));
        });
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static void closeBoth(XMLStreamReader reader, InputStream in) throws Exception {
        try (in) {
            reader.close();
        }
        catch (XMLStreamException e) {
            // the stream underneath is closed all the same, which is what matters
        }
    }
}
