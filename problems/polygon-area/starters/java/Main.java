import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the area of the simple polygon whose corners are given in order (either way round). */
    static double plotArea(double[][] corners) {
        // TODO: write your solution here
        return 0.0;
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
        double[][] corners = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                corners[i][j] = Double.parseDouble(next());
            }
        }
        double result = plotArea(corners);
        StringBuilder out = new StringBuilder();
        out.append(String.format(java.util.Locale.ROOT, "%.6f", result)).append('\n');
        System.out.print(out);
    }
}
