import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the k most frequent tags, most frequent first, ties in alphabetical order. */
    static String[] topTags(long k, String[] tags) {
        // TODO: write your solution here
        return new String[0];
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
        int n = Integer.parseInt(next());
        long k = Long.parseLong(next());
        String[] tags = new String[n];
        for (int i = 0; i < n; i++) {
            tags[i] = next();
        }
        String[] result = topTags(k, tags);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < result.length; i++) {
            if (i > 0) out.append('\n');
            out.append(result[i]);
        }
        out.append('\n');
        System.out.print(out);
    }
}
