#include <iostream>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

// A list in recency order (most recent first) plus a map from key to its list node.
class LruCache {
public:
    explicit LruCache(size_t capacity) : capacity_(capacity) {}

    long long get(long long key) {
        auto it = index_.find(key);
        if (it == index_.end()) return -1;
        order_.splice(order_.begin(), order_, it->second);
        return it->second->second;
    }

    void put(long long key, long long value) {
        auto it = index_.find(key);
        if (it != index_.end()) {
            it->second->second = value;
            order_.splice(order_.begin(), order_, it->second);
            return;
        }
        if (index_.size() == capacity_) {
            index_.erase(order_.back().first);
            order_.pop_back();
        }
        order_.emplace_front(key, value);
        index_[key] = order_.begin();
    }

private:
    size_t capacity_;
    std::list<std::pair<long long, long long>> order_;
    std::unordered_map<long long, std::list<std::pair<long long, long long>>::iterator> index_;
};

int main() {
    std::ios::sync_with_stdio(false);
    size_t capacity;
    int q;
    std::cin >> capacity >> q;
    LruCache cache(capacity);
    std::string op;
    long long key, value;
    for (int i = 0; i < q; i++) {
        std::cin >> op >> key;
        if (op == "GET") {
            std::cout << cache.get(key) << '\n';
        } else {
            std::cin >> value;
            cache.put(key, value);
        }
    }
    return 0;
}
