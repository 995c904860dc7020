import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the maximum of every window of k consecutive readings, first window first. */
    static long[] windowMaxima(long k, long[] loads) {
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
        int n = Integer.parseInt(next());
        long k = Long.parseLong(next());
        long[] loads = new long[n];
        for (int i = 0; i < n; i++) {
            loads[i] = Long.parseLong(next());
        }
        long[] result = windowMaxima(k, loads);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < result.length; i++) {
            if (i > 0) out.append(' ');
            out.append(result[i]);
        }
        out.append('\n');
        System.out.print(out);
    }
}
