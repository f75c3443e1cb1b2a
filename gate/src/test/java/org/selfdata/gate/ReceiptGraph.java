package org.selfdata.gate;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A receipt as a JSON-LD 1.1 processor reads it: expanded by Titanium JSON-LD with nothing fetched (a document loader
 * that refuses every address) and no key left undefined, then turned into RDF statements in a Jena graph, so that
 * SPARQL and SHACL look at exactly what the processor made of the text.
 */
final class ReceiptGraph {
    private static final String PREFIXES = """
            PREFIX dpv: <https://w3id.org/dpv#>
            PREFIX pd: <https://w3id.org/dpv/pd#>
            PREFIX eu-gdpr: <https://w3id.org/dpv/legal/eu/gdpr#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX selfdata: <%s>
            """;

    private static final DocumentLoader OFFLINE = (address, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "a receipt must expand offline, yet asked for " + address);
    };

    private final Graph graph;
    private final String namespace;

    private ReceiptGraph(Graph graph, String namespace) {
        this.graph = graph;
        this.namespace = namespace;
    }

    /** The receipt's statements, where the patterns asked write selfdata's terms as {@code selfdata:} of {@code namespace}. */
    static ReceiptGraph of(String json, String namespace) {
        try {
            JsonLdOptions options = new JsonLdOptions(OFFLINE);
            options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
            JsonLd.expand(JsonDocument.of(new StringReader(json))).options(options).get();
            Graph graph = GraphFactory.createDefaultGraph();
            JsonLd.toRdf(JsonDocument.of(new StringReader(json))).options(options).provide(
                    (subject, predicate, object, datatype, language, direction, named) -> {
                        graph.add(resource(subject), resource(predicate), value(object, datatype, language));
                        return null;
                    });
            return new ReceiptGraph(graph, namespace);
        }
        catch (JsonLdError e) {
            throw new AssertionError("the receipt does not expand: " + e.getMessage(), e);
        }
    }

    Graph graph() {
        return graph;
    }

    /** Whether the graph holds the statements of a SPARQL group pattern (the prefixes above may be used). */
    boolean holds(String pattern) {
        String query = PREFIXES.formatted(namespace) + "ASK { " + pattern + " }";
        try (var execution = QueryExecutionFactory.create(query, ModelFactory.createModelForGraph(graph))) {
            return execution.execAsk();
        }
    }

    /** Every IRI the statements name, as subject, predicate or object. */
    Set<String> iris() {
        Set<String> iris = new TreeSet<>();
        graph.find().forEach(triple -> Stream.of(triple.getSubject(), triple.getPredicate(), triple.getObject())
                .filter(Node::isURI).forEach(node -> iris.add(node.getURI())));
        return iris;
    }

    private static Node resource(String term) {
        return term.startsWith("_:") ? NodeFactory.createBlankNode(term.substring(2)) : NodeFactory.createURI(term);
    }

    private static Node value(String object, String datatype, String language) {
        if (datatype == null) {
            return resource(object);
        }
        if (language != null) {
            return NodeFactory.createLiteralLang(object, language);
        }
        return NodeFactory.createLiteralDT(object, TypeMapper.getInstance().getSafeTypeByName(datatype));
    }
}
