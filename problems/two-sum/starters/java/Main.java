import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return [i, j] (1-based) for the pair with the smallest j, then the smallest i, whose values add up to target; [] if none. */
    static long[] twoSum(long target, long[] a) {
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
        long target = Long.parseLong(next());
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = Long.parseLong(next());
        }
        long[] result = twoSum(target, a);
        StringBuilder out = new StringBuilder();
        if (result.length == 0) {
            out.append("-1");
        }
        for (int i = 0; i < result.length; i++) {
            if (i > 0) out.append(' ');
            out.append(result[i]);
        }
        out.append('\n');
        System.out.print(out);
    }
}
