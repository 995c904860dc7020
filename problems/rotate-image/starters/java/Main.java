import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the tile turned by k quarter turns clockwise (counter-clockwise when k is negative). */
    static long[][] rotateTile(long k, long[][] tile) {
        // TODO: write your solution here
        return new long[0][];
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
        long[][] tile = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                tile[i][j] = Long.parseLong(next());
            }
        }
        long[][] result = rotateTile(k, tile);
        StringBuilder out = new StringBuilder();
        for (long[] row : result) {
            for (int j = 0; j < row.length; j++) {
                if (j > 0) out.append(' ');
                out.append(row[j]);
            }
            out.append('\n');
        }
        System.out.print(out);
    }
}
