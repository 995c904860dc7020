import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.StringTokenizer;

public class Main {
    /** Return "YES" or "NO" for each string: whether its brackets are balanced. */
    static String[] checkBrackets(String[] strings) {
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
        int t = Integer.parseInt(next());
        String[] strings = new String[t];
        for (int i = 0; i < t; i++) {
            strings[i] = next();
        }
        String[] result = checkBrackets(strings);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < result.length; i++) {
            if (i > 0) out.append('\n');
            out.append(result[i]);
        }
        out.append('\n');
        System.out.print(out);
    }
}
