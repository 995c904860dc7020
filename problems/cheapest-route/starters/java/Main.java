import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the cheapest total toll from depot 1 to each depot 1..n (-1 where unreachable). */
    static long[] cheapestTolls(long n, long[][] roads) {
        // TODO: write your solution here
        return new long[0];
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
        long n = Long.parseLong(next());
        int m = Integer.parseInt(next());
        long[][] roads = new long[m][3];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < 3; j++) {
                roads[i][j] = Long.parseLong(next());
            }
        }
        long[] result = cheapestTolls(n, roads);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < result.length; i++) {
            if (i > 0) out.append('\n');
            out.append(result[i]);
        }
        out.append('\n');
        System.out.print(out);
    }
}
