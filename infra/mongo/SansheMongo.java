import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The local Mongo-wire store for development and tests: mongo-java-server on one address.
 *
 * <pre>java -cp 'libs/*:classes' SansheMongo --host 127.0.0.1 --port 27017 --h2 .data/mongo/sanshe.mv</pre>
 * or {@code --memory} for a store that lives as long as the process (faster; nothing kept).
 *
 * SIGTERM (and Ctrl-C) stop the listener, then close the H2 store, so a normal stop keeps every
 * committed write. Production runs MongoDB 7; see docs/ARCHITECTURE.md for what this store lacks.
 *
 * One change to the store's query planning ({@link Pinning}): mongo-java-server uses a unique
 * index only when a filter names exactly that index's fields, so a conditional single-document
 * update — {@code {_id: x, status: 'PUBLISHED'}}, the way Sanshe writes — scanned the whole
 * collection, under the collection's lock. Here a filter that pins every field of a unique index
 * to a value (or an {@code $in} list) reads that index first and checks the rest of the filter on
 * the documents it finds, as MongoDB does.
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
    MongoBackend backend = memory ? new PinnedMemoryBackend() : openH2(h2File);
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
    // MVStore keeps decoded pages in its cache; with the default 16 MB most documents of a collection
    // scan are decoded again on every query, which is what made unindexed filters slow.
    int cacheMb = Integer.getInteger("sanshe.mongo.cacheMb", 512);
    return new PinnedH2Backend(new MVStore.Builder().fileName(path.toString()).cacheSize(cacheMb).open());
  }

  /** Which unique index a filter pins, and the part of the filter that pins it. */
  static final class Pinning {
    private Pinning() {}

    static <P> Map.Entry<Index<P>, Document> find(List<Index<P>> indexes, Document query) {
      for (Index<P> index : indexes) {
        if (!index.isUnique()) continue;
        Document pinned = new Document();
        for (IndexKey key : index.getKeys()) {
          Object value = query.get(key.getKey());
          boolean plain = value != null && !(value instanceof Document);
          boolean in = value instanceof Document d && d.size() == 1 && d.containsKey("$in");
          if (!plain && !in) {
            pinned = null;
            break;
          }
          pinned.put(key.getKey(), value);
        }
        // A filter of exactly the index's fields is already served by the store itself.
        if (pinned != null && pinned.size() < query.size() && index.canHandle(pinned)) return Map.entry(index, pinned);
      }
      return null;
    }
  }

  static final class PinnedH2Collection extends H2Collection {
    PinnedH2Collection(MongoDatabase db, String name, CollectionOptions options, MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
      super(db, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
      Map.Entry<Index<Object>, Document> pin = Pinning.find(getIndexes(), query);
      if (pin == null) return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
      return matchDocuments(query, pin.getKey().getPositions(pin.getValue()), orderBy, skip, limit, batchSize, fields);
    }
  }

  static final class PinnedH2Database extends H2Database {
    // The H2 maps' names, as mongo-java-server's H2Database names them (so existing files open unchanged).
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    // H2Database's constructor opens collections before a subclass field could be set.
    static MVStore store;

    PinnedH2Database(String name, MVStore mvStore, CursorRegistry cursors) {
      super(name, mvStore, cursors);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String full = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> data = store.openMap(DATA_PREFIX + full);
      MVMap<String, Object> meta = store.openMap(META_PREFIX + full);
      return new PinnedH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }
  }

  static final class PinnedH2Backend extends H2Backend {
    PinnedH2Backend(MVStore mvStore) {
      super(remember(mvStore));
    }

    private static MVStore remember(MVStore mvStore) {
      PinnedH2Database.store = mvStore;
      return mvStore;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
      return new PinnedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
  }

  static final class PinnedMemoryCollection extends MemoryCollection {
    PinnedMemoryCollection(MongoDatabase db, String name, CollectionOptions options, CursorRegistry cursors) {
      super(db, name, options, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
      Map.Entry<Index<Integer>, Document> pin = Pinning.find(getIndexes(), query);
      if (pin == null) return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
      return matchDocuments(query, pin.getKey().getPositions(pin.getValue()), orderBy, skip, limit, batchSize, fields);
    }
  }

  static final class PinnedMemoryDatabase extends MemoryDatabase {
    PinnedMemoryDatabase(String name, CursorRegistry cursors) {
      super(name, cursors);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
      return new PinnedMemoryCollection(this, collectionName, options, cursorRegistry);
    }
  }

  static final class PinnedMemoryBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
      return new PinnedMemoryDatabase(databaseName, getCursorRegistry());
    }
  }
}
