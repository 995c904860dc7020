// Which local sockets listen on which topic. The counts it keeps are what the limits check,
// and the first/last subscriber of a topic is what the Redis bridge follows.
export class TopicRegistry<C> {
  private readonly subscribers = new Map<string, Set<C>>();

  constructor(private readonly onFirst: (topic: string) => void, private readonly onLast: (topic: string) => void) {}

  get size(): number {
    return this.subscribers.size;
  }

  has(topic: string): boolean {
    return this.subscribers.has(topic);
  }

  get(topic: string): ReadonlySet<C> | undefined {
    return this.subscribers.get(topic);
  }

  add(topic: string, conn: C): void {
    let set = this.subscribers.get(topic);
    if (!set) {
      set = new Set();
      this.subscribers.set(topic, set);
      this.onFirst(topic);
    }
    set.add(conn);
  }

  remove(topic: string, conn: C): void {
    const set = this.subscribers.get(topic);
    if (!set || !set.delete(conn)) return;
    // The stock server leaves empty sets behind on unsubscribe: a slow leak under topic churn.
    if (set.size === 0) {
      this.subscribers.delete(topic);
      this.onLast(topic);
    }
  }
}
