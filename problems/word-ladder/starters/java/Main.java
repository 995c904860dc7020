import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the number of words in the shortest ladder from begin_word to end_word (0 if none). */
    static long ladderLength(String begin_word, String end_word, String[] words) {
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
        String begin_word = next();
        String end_word = next();
        int n = Integer.parseInt(next());
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = next();
        }
        long result = ladderLength(begin_word, end_word, words);
        StringBuilder out = new StringBuilder();
        out.append(result).append('\n');
        System.out.print(out);
    }
}
