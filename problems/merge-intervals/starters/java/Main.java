import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the merged blocks [l, r], sorted by start; blocks that overlap or touch are merged. */
    static long[][] mergeBlocks(long[][] blocks) {
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
        long[][] blocks = new long[n][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                blocks[i][j] = Long.parseLong(next());
            }
        }
        long[][] result = mergeBlocks(blocks);
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
