import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local Mongo-wire store for development and tests: mongo-java-server on one address.
 *
 * <pre>java -cp 'libs/*:classes' SansheMongo --host 127.0.0.1 --port 27017 --h2 .data/mongo/sanshe.mv</pre>
 * or {@code --memory} for a store that lives as long as the process (faster; nothing kept).
 *
 * SIGTERM (and Ctrl-C) stop the listener, then close the H2 store, so a normal stop keeps every
 * committed write. Production runs MongoDB 7; see docs/ARCHITECTURE.md for what this store lacks.
 */
public final class SansheMongo {
  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 27017;
    String h2File = null;
    boolean memory = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> host = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--h2" -> h2File = args[++i];
        case "--memory" -> memory = true;
        default -> {
          System.err.println("unknown argument: " + args[i]);
          System.exit(64);
        }
      }
    }
    if (!memory && h2File == null) {
      System.err.println("usage: SansheMongo [--host H] [--port P] (--h2 FILE | --memory)");
      System.exit(64);
    }
    MongoBackend backend = memory ? new MemoryBackend() : openH2(h2File);
    MongoServer server = new MongoServer(backend);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown(); // stops listening, closes cursors, then closes the backend (H2 commits)
      stopped.countDown();
    }, "sanshe-mongo-shutdown"));
    server.bind(host, port);
    System.out.println("mongo-java-server listening on " + host + ":" + port + (memory ? " (memory)" : " (h2 " + h2File + ")"));
    stopped.await();
  }

  private static MongoBackend openH2(String file) throws IOException {
    Path path = Path.of(file).toAbsolutePath();
    Files.createDirectories(path.getParent());
    return new H2Backend(path.toString());
  }
}
