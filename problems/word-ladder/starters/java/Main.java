import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the number of words in the shortest ladder from start to end (0 if none). */
    static long ladderLength(String start, String end, String[] words) {
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
        String start = next();
        String end = next();
        int n = Integer.parseInt(next());
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = next();
        }
        long result = ladderLength(start, end, words);
        StringBuilder out = new StringBuilder();
        out.append(result).append('\n');
        System.out.print(out);
    }
}
