package kusari.web;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Remembers each connection's last request target as sent. A target Jetty refuses outright ({@code %00}) reaches
 * the error handler as a stand-in request without its path, so {@link LowErrors} asks here whether it was under
 * {@code /api/} and answers JSON there, the HTML page elsewhere. Jetty's HTTP/1.1 connection is extended for this
 * (its request handler is the one place that sees the raw target); the rest of its work is unchanged.
 */
final class RequestTargets {

    private RequestTargets() {
    }

    /** Puts the remembering connection factory on every connector of {@code server} as it starts. */
    static void install(org.eclipse.jetty.server.Server server) {
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof ServerConnector sc) {
                        HttpConnectionFactory http = sc.getConnectionFactory(HttpConnectionFactory.class);
                        if (http != null && !(http instanceof Factory)) {
                            sc.addConnectionFactory(new Factory(http));
                        }
                    }
                }
            }
        });
    }

    /** The target the connection of {@code connection} last sent as sent, or null. */
    static String lastTarget(Connection connection) {
        return connection instanceof Remembering r ? r.target : null;
    }

    private static final class Factory extends HttpConnectionFactory {
        Factory(HttpConnectionFactory like) {
            super(like.getHttpConfiguration());
            setInputBufferSize(like.getInputBufferSize());
            setUseInputDirectByteBuffers(like.isUseInputDirectByteBuffers());
            setUseOutputDirectByteBuffers(like.isUseOutputDirectByteBuffers());
            setTransferEncodingChunkMaxLength(like.getTransferEncodingChunkMaxLength());
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            Remembering connection = new Remembering(getHttpConfiguration(), connector, endPoint);
            connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
            return configure(connection, connector, endPoint);
        }
    }

    private static final class Remembering extends HttpConnection {
        private volatile String target;

        Remembering(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            return new RequestHandler() {
                @Override
                public void startRequest(String method, String uri, HttpVersion version) {
                    target = uri;
                    super.startRequest(method, uri, version);
                }
            };
        }
    }
}
