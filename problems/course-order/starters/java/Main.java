import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return the courses in an order that respects every prerequisite [a, b] (a before b); [] if there is none. */
    static long[] planCourses(long n, long[][] prerequisites) {
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
        long[][] prerequisites = new long[m][2];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < 2; j++) {
                prerequisites[i][j] = Long.parseLong(next());
            }
        }
        long[] result = planCourses(n, prerequisites);
        StringBuilder out = new StringBuilder();
        if (result.length == 0) {
            out.append("IMPOSSIBLE");
        }
        for (int i = 0; i < result.length; i++) {
            if (i > 0) out.append(' ');
            out.append(result[i]);
        }
        out.append('\n');
        System.out.print(out);
    }
}
