import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the median after each value, formatted as "3", "-2" or "2.5". */
    static String[] runningMedians(long[] values) {
        // TODO: write your solution here
        return new String[0];
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
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = Long.parseLong(next());
        }
        String[] result = runningMedians(values);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < result.length; i++) {
            if (i > 0) out.append('\n');
            out.append(result[i]);
        }
        out.append('\n');
        System.out.print(out);
    }
}
