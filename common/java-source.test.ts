import { describe, expect, it } from 'vitest';
import { javaSourceFacts } from './java-source';

describe('javaSourceFacts', () => {
  it('finds a public class with main whatever the file is called', () => {
    const facts = javaSourceFacts('public class HelloWorld {\n  public static void main(String[] args) {\n    System.out.println("Hello, World!");\n  }\n}\n');
    expect(facts).toEqual({ packageName: null, publicType: 'HelloWorld', mainType: 'HelloWorld' });
  });

  it('reads the package and picks the type that declares main, not a helper declared first', () => {
    const source = `// class Fake { static void main(
package com.acme.app;

import java.util.*;

final class Helper { static int twice(int x) { return 2 * x; } }

/* public class NotMe {} */
class Program {
  static class Inner { public static void main(String[] a) {} }
  String s = "class Nope { static void main(";
  public static void main(final String... args) throws Exception { System.out.println(Helper.twice(2)); }
}
`;
    expect(javaSourceFacts(source)).toEqual({ packageName: 'com.acme.app', publicType: null, mainType: 'Program' });
  });

  it('says so when no type declares main', () => {
    expect(javaSourceFacts('class A { void main() {} }').mainType).toBeNull();
  });
});
