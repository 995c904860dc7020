import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the smallest number of steps from S to E, or -1 if E cannot be reached. */
    static long shortestRoute(String[] grid) {
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
        int h = Integer.parseInt(next());
        long w = Long.parseLong(next());
        String[] grid = new String[h];
        for (int i = 0; i < h; i++) {
            grid[i] = next();
        }
        long result = shortestRoute(grid);
        StringBuilder out = new StringBuilder();
        out.append(result).append('\n');
        System.out.print(out);
    }
}
