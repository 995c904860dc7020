import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the smallest number of tokens (any number of each value in coins) adding up to x, or -1. */
    static long fewestTokens(long x, long[] coins) {
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
        int n = Integer.parseInt(next());
        long x = Long.parseLong(next());
        long[] coins = new long[n];
        for (int i = 0; i < n; i++) {
            coins[i] = Long.parseLong(next());
        }
        long result = fewestTokens(x, coins);
        StringBuilder out = new StringBuilder();
        out.append(result).append('\n');
        System.out.print(out);
    }
}
