package org.loopcrm.crm.itests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A webhook receiver in the test driver's JVM (outside the container), so deliveries really cross
 * HTTP: {@code POST /hook} records the request and answers 200; {@code GET /received} lists what
 * arrived, one request a line as {@code signature|eventType|base64(body)}.
 */
final class WebhookReceiver {
  private static HttpServer server;
  private static final List<String> RECEIVED = new ArrayList<>();

  private WebhookReceiver() {}

  /** Starts the receiver once per JVM on a free loopback port and returns the port. */
  static synchronized int start() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/hook", WebhookReceiver::hook);
      server.createContext("/received", WebhookReceiver::received);
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }
    return server.getAddress().getPort();
  }

  private static void hook(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String line =
        exchange.getRequestHeaders().getFirst("X-Crm-Signature")
            + "|"
            + exchange.getRequestHeaders().getFirst("X-Crm-Event-Type")
            + "|"
            + Base64.getEncoder().encodeToString(body);
    synchronized (RECEIVED) {
      RECEIVED.add(line);
    }
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  private static void received(HttpExchange exchange) throws IOException {
    String text;
    synchronized (RECEIVED) {
      text = String.join("\n", RECEIVED);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
