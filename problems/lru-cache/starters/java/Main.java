import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** A cache of at most {@code capacity} entries that evicts the least recently used one. */
    static class LruCache {
        private final int capacity;

        LruCache(int capacity) {
            this.capacity = capacity;
            // TODO: choose the data structures
        }

        /** Returns the value cached under key (and marks it used), or -1. */
        long get(long key) {
            // TODO: write your solution here
            return -1;
        }

        /** Stores value under key, evicting the least recently used entry when full. */
        void put(long key, long value) {
            // TODO: write your solution here
        }
    }

    private static final BufferedReader reader = new BufferedReader(new InputStreamReader(System.in));
    private static StringTokenizer tokens = new StringTokenizer("");

    private static String next() throws IOException {
        while (!tokens.hasMoreTokens()) {
            tokens = new StringTokenizer(reader.readLine());
        }
        return tokens.nextToken();
    }

    public static void main(String[] args) throws IOException {
        int capacity = Integer.parseInt(next());
        int q = Integer.parseInt(next());
        LruCache cache = new LruCache(capacity);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < q; i++) {
            String op = next();
            long key = Long.parseLong(next());
            if (op.equals("GET")) {
                out.append(cache.get(key)).append('\n');
            } else {
                cache.put(key, Long.parseLong(next()));
            }
        }
        System.out.print(out);
    }
}
