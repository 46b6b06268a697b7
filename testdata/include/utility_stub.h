// utility_stub.h - the owning wrappers and moves the tests put guards into:
// std::move/forward/exchange/swap, std::optional, std::unique_ptr,
// std::shared_ptr, std::pair, std::tuple, std::array, std::variant.
//
// Stand-in so that testdata/ does not depend on the host's C++ library.
// Minimal, but correct C++20 for what the tests use.
#ifndef AWAIT_HOLDING_TESTDATA_UTILITY_STUB_H
#define AWAIT_HOLDING_TESTDATA_UTILITY_STUB_H

// In-place construction without <new>: a placement form of our own (the
// standard void* form is reserved to the library).
namespace stub_detail {
struct place_t {};
} // namespace stub_detail
inline void *operator new(decltype(sizeof 0), void *p, stub_detail::place_t) noexcept {
  return p;
}
inline void operator delete(void *, void *, stub_detail::place_t) noexcept {}

namespace std {

using size_t = decltype(sizeof 0);
using nullptr_t = decltype(nullptr);

template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_reference<T &&> { using type = T; };
template <class T> using remove_reference_t = typename remove_reference<T>::type;

template <class T> struct remove_cv { using type = T; };
template <class T> struct remove_cv<const T> { using type = T; };
template <class T> struct remove_cv<volatile T> { using type = T; };
template <class T> struct remove_cv<const volatile T> { using type = T; };
template <class T> using remove_cvref_t = typename remove_cv<remove_reference_t<T>>::type;

template <class A, class B> inline constexpr bool is_same_v = false;
template <class A> inline constexpr bool is_same_v<A, A> = true;

template <class T>
constexpr remove_reference_t<T> &&move(T &&t) noexcept {
  return static_cast<remove_reference_t<T> &&>(t);
}
template <class T>
constexpr T &&forward(remove_reference_t<T> &t) noexcept { return static_cast<T &&>(t); }
template <class T>
constexpr T &&forward(remove_reference_t<T> &&t) noexcept { return static_cast<T &&>(t); }

template <class T, class U = T>
constexpr T exchange(T &obj, U &&new_value) {
  T old = std::move(obj);
  obj = std::forward<U>(new_value);
  return old;
}

template <class T>
constexpr void swap(T &a, T &b) {
  T tmp = std::move(a);
  a = std::move(b);
  b = std::move(tmp);
}

struct in_place_t { explicit in_place_t() = default; };
inline constexpr in_place_t in_place{};
template <class T> struct in_place_type_t { explicit in_place_type_t() = default; };
template <class T> inline constexpr in_place_type_t<T> in_place_type{};

struct nullopt_t { constexpr explicit nullopt_t(int) {} };
inline constexpr nullopt_t nullopt{0};

template <class T>
class optional {
public:
  using value_type = T;
  optional() noexcept : empty_() {}
  optional(nullopt_t) noexcept : empty_() {}
  template <class... Args>
  explicit optional(in_place_t, Args &&...args) : engaged_(true) {
    ::new (static_cast<void *>(&value_), stub_detail::place_t{}) T(std::forward<Args>(args)...);
  }
  optional(T &&v) : engaged_(true) {
    ::new (static_cast<void *>(&value_), stub_detail::place_t{}) T(std::move(v));
  }
  optional(optional &&other) : engaged_(false) {
    if (other.engaged_)
      emplace(std::move(other.value_));
  }
  optional &operator=(nullopt_t) noexcept {
    reset();
    return *this;
  }
  optional &operator=(optional &&other) {
    reset();
    if (other.engaged_)
      emplace(std::move(other.value_));
    return *this;
  }
  ~optional() { reset(); }

  template <class... Args>
  T &emplace(Args &&...args) {
    reset();
    ::new (static_cast<void *>(&value_), stub_detail::place_t{}) T(std::forward<Args>(args)...);
    engaged_ = true;
    return value_;
  }
  void reset() noexcept {
    if (engaged_)
      value_.~T();
    engaged_ = false;
  }
  bool has_value() const noexcept { return engaged_; }
  explicit operator bool() const noexcept { return engaged_; }
  T &operator*() noexcept { return value_; }
  const T &operator*() const noexcept { return value_; }
  T *operator->() noexcept { return &value_; }
  T &value() { return value_; }

private:
  union {
    char empty_;
    T value_;
  };
  bool engaged_ = false;
};

template <class T>
struct default_delete {
  void operator()(T *p) const { delete p; }
};

template <class T, class Deleter = default_delete<T>>
class unique_ptr {
public:
  using element_type = T;
  using deleter_type = Deleter;
  unique_ptr() noexcept = default;
  unique_ptr(nullptr_t) noexcept {}
  explicit unique_ptr(T *p) noexcept : p_(p) {}
  unique_ptr(unique_ptr &&other) noexcept : p_(other.release()) {}
  unique_ptr &operator=(unique_ptr &&other) noexcept {
    reset(other.release());
    return *this;
  }
  unique_ptr &operator=(nullptr_t) noexcept {
    reset();
    return *this;
  }
  unique_ptr(const unique_ptr &) = delete;
  unique_ptr &operator=(const unique_ptr &) = delete;
  ~unique_ptr() { reset(); }

  void reset(T *p = nullptr) noexcept {
    T *old = p_;
    p_ = p;
    if (old)
      del_(old);
  }
  T *release() noexcept {
    T *p = p_;
    p_ = nullptr;
    return p;
  }
  T *get() const noexcept { return p_; }
  T &operator*() const noexcept { return *p_; }
  T *operator->() const noexcept { return p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }

private:
  T *p_ = nullptr;
  Deleter del_{};
};

template <class T, class... Args>
unique_ptr<T> make_unique(Args &&...args) {
  return unique_ptr<T>(new T(std::forward<Args>(args)...));
}

template <class T>
class shared_ptr {
public:
  using element_type = T;
  shared_ptr() noexcept = default;
  shared_ptr(nullptr_t) noexcept {}
  explicit shared_ptr(T *p) : p_(p), count_(p ? new long(1) : nullptr) {}
  shared_ptr(const shared_ptr &other) noexcept : p_(other.p_), count_(other.count_) {
    if (count_)
      ++*count_;
  }
  shared_ptr(shared_ptr &&other) noexcept : p_(other.p_), count_(other.count_) {
    other.p_ = nullptr;
    other.count_ = nullptr;
  }
  shared_ptr &operator=(shared_ptr other) noexcept {
    T *p = p_;
    long *c = count_;
    p_ = other.p_;
    count_ = other.count_;
    other.p_ = p;
    other.count_ = c;
    return *this;
  }
  ~shared_ptr() { reset(); }

  void reset() noexcept {
    if (count_ && --*count_ == 0) {
      delete p_;
      delete count_;
    }
    p_ = nullptr;
    count_ = nullptr;
  }
  T *get() const noexcept { return p_; }
  T &operator*() const noexcept { return *p_; }
  T *operator->() const noexcept { return p_; }
  long use_count() const noexcept { return count_ ? *count_ : 0; }
  explicit operator bool() const noexcept { return p_ != nullptr; }

private:
  T *p_ = nullptr;
  long *count_ = nullptr;
};

template <class T, class... Args>
shared_ptr<T> make_shared(Args &&...args) {
  return shared_ptr<T>(new T(std::forward<Args>(args)...));
}

template <class T1, class T2>
struct pair {
  T1 first;
  T2 second;
  pair() = default;
  template <class U1, class U2>
  pair(U1 &&a, U2 &&b) : first(std::forward<U1>(a)), second(std::forward<U2>(b)) {}
};

template <class... Ts>
class tuple;

template <>
class tuple<> {};

template <class Head, class... Tail>
class tuple<Head, Tail...> {
public:
  tuple() = default;
  template <class A, class... B>
  explicit tuple(A &&a, B &&...b) : head_(std::forward<A>(a)), tail_(std::forward<B>(b)...) {}
  Head &head() noexcept { return head_; }

private:
  Head head_;
  tuple<Tail...> tail_;
};

template <class T, size_t N>
struct array {
  T elems_[N];
  T &operator[](size_t i) noexcept { return elems_[i]; }
  static constexpr size_t size() noexcept { return N; }
  T *begin() noexcept { return elems_; }
  T *end() noexcept { return elems_ + N; }
};

struct monostate {};

// Index of T among Ts..., or -1.
template <class T, class... Ts>
constexpr int __variant_index_of() {
  int i = -1, found = -1;
  ((++i, found < 0 && is_same_v<T, Ts> ? (found = i) : 0), ...);
  return found;
}

// Minimal variant: in-place construction, emplace, assignment of an
// alternative, index().  No visitation, no valueless state handling.
template <class First, class... Rest>
class variant {
public:
  variant() : index_(0) { construct<First>(); }
  template <class T, class... Args>
  explicit variant(in_place_type_t<T>, Args &&...args) : index_(__variant_index_of<T, First, Rest...>()) {
    construct<T>(std::forward<Args>(args)...);
  }
  variant(const variant &) = delete;
  variant &operator=(const variant &) = delete;
  ~variant() { destroy(); }

  template <class T, class... Args>
  T &emplace(Args &&...args) {
    destroy();
    T &t = construct<T>(std::forward<Args>(args)...);
    index_ = __variant_index_of<T, First, Rest...>();
    return t;
  }
  template <class T>
    requires(__variant_index_of<remove_cvref_t<T>, First, Rest...>() >= 0)
  variant &operator=(T &&t) {
    emplace<remove_cvref_t<T>>(std::forward<T>(t));
    return *this;
  }
  int index() const noexcept { return index_; }

private:
  template <class T, class... Args>
  T &construct(Args &&...args) {
    return *::new (static_cast<void *>(storage_), stub_detail::place_t{}) T(std::forward<Args>(args)...);
  }
  void destroy() {
    int i = 0;
    ((i++ == index_ ? reinterpret_cast<First *>(storage_)->~First() : void()));
    ((i++ == index_ ? reinterpret_cast<Rest *>(storage_)->~Rest() : void()), ...);
    index_ = -1;
  }
  static constexpr size_t max_size() {
    size_t m = sizeof(First);
    ((m = sizeof(Rest) > m ? sizeof(Rest) : m), ...);
    return m;
  }
  alignas(First) alignas(Rest...) unsigned char storage_[max_size()];
  int index_;
};

} // namespace std

#endif
