import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the readings of grid in clockwise spiral order, starting at the top left. */
    static long[] spiralOrder(long[][] grid) {
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
        int r = Integer.parseInt(next());
        int c = Integer.parseInt(next());
        long[][] grid = new long[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                grid[i][j] = Long.parseLong(next());
            }
        }
        long[] result = spiralOrder(grid);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < result.length; i++) {
            if (i > 0) out.append(' ');
            out.append(result[i]);
        }
        out.append('\n');
        System.out.print(out);
    }
}
