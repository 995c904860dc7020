#include <iostream>
#include <string>

using namespace std;

// A cache of at most `capacity` entries that evicts the least recently used one.
class LruCache {
public:
    explicit LruCache(size_t capacity) : capacity_(capacity) {
        // TODO: choose the data structures
    }

    // Returns the value cached under key (and marks it used), or -1.
    long long get(long long key) {
        // TODO: write your solution here
        (void)key;
        return -1;
    }

    // Stores value under key, evicting the least recently used entry when full.
    void put(long long key, long long value) {
        // TODO: write your solution here
        (void)key;
        (void)value;
    }

private:
    size_t capacity_;
};

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    size_t capacity;
    int q;
    cin >> capacity >> q;
    LruCache cache(capacity);
    string op;
    long long key, value;
    for (int i = 0; i < q; i++) {
        cin >> op >> key;
        if (op == "GET") {
            cout << cache.get(key) << '\n';
        } else {
            cin >> value;
            cache.put(key, value);
        }
    }
    return 0;
}
