package io.hounsfield.hl7;

import ca.uhn.hl7v2.util.StandardSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * HAPI binds its listener to every interface; this factory gives it a socket that binds to the
 * configured address instead (127.0.0.1 unless told otherwise) and remembers the port it got.
 */
final class LoopbackServerSocketFactory extends StandardSocketFactory {

    private final InetAddress bindAddress;
    private volatile int boundPort;

    LoopbackServerSocketFactory(InetAddress bindAddress) {
        this.bindAddress = bindAddress;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public void bind(SocketAddress endpoint, int backlog) throws IOException {
                int port = endpoint instanceof InetSocketAddress address ? address.getPort() : 0;
                setReuseAddress(true);
                super.bind(new InetSocketAddress(bindAddress, port), backlog);
                boundPort = getLocalPort();
            }
        };
    }

    @Override
    public void configureNewAcceptedSocket(Socket socket) throws SocketException {
        super.configureNewAcceptedSocket(socket);
        socket.setTcpNoDelay(true);
    }

    int boundPort() {
        return boundPort;
    }
}
