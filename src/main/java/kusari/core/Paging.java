package kusari.core;

import java.util.List;

/**
 * One page of a long list that every feature may page (the review grid, the budgets' project list, the challenge
 * and persona lists, the API's lists): the page asked for (from 1), how many a page holds, how many there are in
 * all. A page that does not exist is refused with the parameter's name, never quietly replaced by another page.
 */
public record Paging(String parameter, int page, int size, int total) {

    /** {@code page} as the parameter gave it (null or blank: the first page); refused when not a number from 1. */
    public static int parse(String parameter, String raw) {
        return WholeNumber.parameter(parameter, raw, 1, Integer.MAX_VALUE, 1);
    }

    /** The paging of {@code total} items, refused when {@code page} lies beyond the last page. */
    public static Paging of(String parameter, int page, int size, int total) {
        Paging p = new Paging(parameter, page, size, total);
        if (page > p.pages()) {
            throw new ValidationException(List.of(FieldError.of(parameter, "paging.error.beyond", parameter,
                    String.valueOf(page), String.valueOf(p.pages()))));
        }
        return p;
    }

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** Index of the first item shown (from 0). */
    public int from() {
        return Math.min(total, (page - 1) * size);
    }

    /** Index after the last item shown. */
    public int to() {
        return Math.min(total, from() + size);
    }

    /** More than one page: the page says which part it shows. */
    public boolean paged() {
        return total > size;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public <T> List<T> slice(List<T> all) {
        return all.subList(from(), to());
    }
}
