package vn.kyso.common;

import java.util.List;
import java.util.function.Function;

/** One page of a listing. Pages count from 0. */
public record PageResult<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResult<T> of(List<T> items, PageRequest request, long total) {
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new PageResult<>(items, request.page(), request.size(), total, pages);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }

    /** A validated page request; {@link #offset()} is safe to put into SQL. */
    public record PageRequest(int page, int size) {
        public static PageRequest of(Integer page, Integer size, int maxSize) {
            int p = page == null ? 0 : page;
            int s = size == null ? 20 : size;
            if (p < 0) {
                throw ApiException.badField("page", "error.page.negative");
            }
            if (s < 1 || s > maxSize) {
                throw ApiException.badField("size", "error.page.size", maxSize);
            }
            return new PageRequest(p, s);
        }

        public long offset() {
            return (long) page * size;
        }
    }
}
