package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;
import org.selfdata.texts.Wording;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.Locale;

/**
 * Green Button (NAESB ESPI) downloads: an Atom feed whose entries are usage points, meter readings, reading types and
 * interval blocks, read into {@code energy.reading} records. See {@link GreenButtonFeed}.
 *
 * <p>The XML is read with StAX, streaming, and without DTDs or external entities: a download is untrusted input, and
 * ESPI needs neither.
 */
public final class GreenButtonImporter implements Importer {
    static final String ESPI_NAMESPACE = "http://naesb.org/espi";

    @Override
    public String format() {
        return "green-button";
    }

    @Override
    public Detection detect(Sniff sniff) {
        String head = sniff.headText();
        if (head.contains(ESPI_NAMESPACE) && head.contains("<feed")) {
            return Detection.BY_CONTENT;
        }
        String name = sniff.name().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return name.endsWith(".xml") && name.contains("greenbutton") ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        return Opening.closingOnFailure(in, () -> {
            XMLStreamReader xml;
            try {
                xml = factory().createXMLStreamReader(in);
            }
            catch (XMLStreamException e) {
                throw InvalidInput.at("line 1", Wording.of("error.xml.document"));
            }
            GreenButtonFeed feed = new GreenButtonFeed(xml);
            feed.enterFeed();
            return new RecordFile(format(), SourceDescriptor.file("Green Button", "Energy usage download"), feed,
                    () -> closeBoth(xml, in));
        });
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static void closeBoth(XMLStreamReader xml, InputStream in) throws Exception {
        try {
            xml.close();
        }
        finally {
            in.close();
        }
    }
}
