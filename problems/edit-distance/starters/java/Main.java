import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the smallest number of single-letter inserts, deletes and replacements that turn a into b. */
    static long typoDistance(String a, String b) {
        // TODO: write your solution here
        return 0;
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
        String a = next();
        String b = next();
        long result = typoDistance(a, b);
        StringBuilder out = new StringBuilder();
        out.append(result).append('\n');
        System.out.print(out);
    }
}
